// Queries of need tasks and invitations. Executor first; typed rows out; no rules, no clock.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { nodeFieldOf } from '../org/index.js';
import type { NeedInvitationTable, NeedTaskTable } from './invitations.tables.js';

export type TaskRow = Selectable<NeedTaskTable>;
export type InvitationRow = Selectable<NeedInvitationTable>;

/** An invitation with what the volunteer is shown of its need. */
export type InvitationView = InvitationRow & {
  need_title: string;
  need_category: string;
  need_description: string;
  need_status: string;
  need_place: string;
  need_privacy: string;
  need_urgency: string;
  need_window_start: string | null;
  need_window_end: string | null;
  need_people_needed: number;
  community_id: string;
  community_name: string;
  quick: number | null;
  accepted_count: number | null;
};

function views(db: Executor) {
  return db
    .selectFrom('need_invitations as i')
    .innerJoin('needs as n', (j) => j.onRef('n.district_id', '=', 'i.district_id').onRef('n.id', '=', 'i.need_id'))
    .leftJoin('need_tasks as t', (j) =>
      j.onRef('t.district_id', '=', 'i.district_id').onRef('t.need_id', '=', 'i.need_id'),
    )
    .selectAll('i')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('n.district_id'), eb.ref('n.community_id')).$notNull().as('community_name'),
      'n.title as need_title',
      'n.category as need_category',
      'n.description as need_description',
      'n.status as need_status',
      'n.place as need_place',
      'n.privacy as need_privacy',
      'n.urgency as need_urgency',
      'n.window_start as need_window_start',
      'n.window_end as need_window_end',
      'n.people_needed as need_people_needed',
      'n.community_id',
      't.quick',
      't.accepted_count',
    ]);
}

export function findTask(db: Executor, districtId: string, needId: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('need_tasks')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .executeTakeFirst();
}

export async function insertTask(db: Executor, row: Insertable<NeedTaskTable>): Promise<void> {
  await db.insertInto('need_tasks').values(row).execute();
}

/** Re-dispatching: the quick flag and the number of places follow the latest decision. */
export async function updateTask(
  db: Executor,
  districtId: string,
  needId: string,
  set: Updateable<NeedTaskTable>,
): Promise<void> {
  await db
    .updateTable('need_tasks')
    .set(set)
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .execute();
}

/**
 * Takes one place of a need's task if any is left: `accepted_count + 1 WHERE accepted_count < people_needed`. On
 * PostgreSQL the UPDATE locks the task row, so concurrent acceptances queue here and re-check; never oversold.
 */
export async function claimPlace(db: Executor, districtId: string, needId: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('need_tasks')
    .set((eb) => ({ accepted_count: eb('accepted_count', '+', 1), updated_at: now }))
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .whereRef('accepted_count', '<', 'people_needed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Locks the task row (PostgreSQL) without changing it, so what follows for this need runs one at a time. */
export async function lockTask(db: Executor, districtId: string, needId: string): Promise<TaskRow | undefined> {
  await db
    .updateTable('need_tasks')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .execute();
  return findTask(db, districtId, needId);
}

/** Marks the task completed once: false when it was completed before (a retry or a twin request). */
export async function completeTask(
  db: Executor,
  districtId: string,
  needId: string,
  by: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('need_tasks')
    .set({ completed_by: by, completed_at: now, updated_at: now })
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertInvitations(db: Executor, rows: Array<Insertable<NeedInvitationTable>>): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('need_invitations').values(rows).execute();
}

/** An invitation with its need, by id. */
export function findInvitationView(db: Executor, id: string): Promise<InvitationView | undefined> {
  return views(db).where('i.id', '=', id).executeTakeFirst();
}

/** Changes an invitation only while it is in `from`; false when it moved meanwhile. */
export async function updateInvitationIf(
  db: Executor,
  districtId: string,
  id: string,
  from: string,
  set: Updateable<NeedInvitationTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('need_invitations')
    .set(set)
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Withdraws every still-unanswered invitation of a need (it was closed or withdrawn); returns how many. */
export async function withdrawPendingInvitations(
  db: Executor,
  districtId: string,
  needId: string,
  now: string,
): Promise<number> {
  const res = await db
    .updateTable('need_invitations')
    .set({ status: 'withdrawn', updated_at: now })
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Changes one invitation (its task's start, finish, minutes or record). */
export async function updateInvitation(
  db: Executor,
  districtId: string,
  id: string,
  set: Updateable<NeedInvitationTable>,
): Promise<void> {
  await db
    .updateTable('need_invitations')
    .set(set)
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

/** A person's invitations (every district), newest first: pending ones and tasks they took. */
export function listInvitationsOfUser(
  db: Executor,
  userId: string,
  statuses: readonly string[],
  limit: number,
): Promise<InvitationView[]> {
  return views(db)
    .where('i.user_id', '=', userId)
    .where('i.status', 'in', [...statuses])
    .orderBy('i.invited_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}

/** A need's invitations, best score first. */
export function listInvitationsOfNeed(db: Executor, districtId: string, needId: string): Promise<InvitationRow[]> {
  return db
    .selectFrom('need_invitations')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .orderBy('score', 'desc')
    .orderBy('id')
    .execute();
}
