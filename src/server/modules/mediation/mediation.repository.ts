// Every query of mediation. Executor first; typed rows out; no rules, no clock, no AppError. Scope arrives as
// community ids (resolved through the org module), so nothing here reads another module's table.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type {
  MediationCaseTable,
  MediationMediatorTable,
  MediationMessageTable,
  MediationPartyTable,
  MediationSessionTable,
} from './mediation.tables.js';

export type CaseRow = Selectable<MediationCaseTable>;
export type PartyRow = Selectable<MediationPartyTable>;
export type MediatorRow = Selectable<MediationMediatorTable>;
export type MessageRow = Selectable<MediationMessageTable>;
export type SessionRow = Selectable<MediationSessionTable>;

export function findCase(db: Executor, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('mediation_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCase(db: Executor, row: Insertable<MediationCaseTable>): Promise<void> {
  await db.insertInto('mediation_cases').values(row).execute();
}

/**
 * Changes a case only while it is still in `from` (a conditional UPDATE, which also locks the row on PostgreSQL until
 * the transaction ends: every write to a case goes through here, so a message, a session or an assignment waits for
 * a concurrent close and then finds the case closed). Returns the new version, or null when the case moved on.
 */
export async function updateCaseFrom(
  db: Executor,
  c: Pick<CaseRow, 'district_id' | 'id'>,
  from: string,
  set: Updateable<MediationCaseTable>,
): Promise<number | null> {
  const row = await db
    .updateTable('mediation_cases')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('district_id', '=', c.district_id)
    .where('id', '=', c.id)
    .where('status', '=', from)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function insertParty(db: Executor, row: Insertable<MediationPartyTable>): Promise<void> {
  await db.insertInto('mediation_parties').values(row).execute();
}

export function listParties(db: Executor, districtId: string, caseIds: readonly string[]): Promise<PartyRow[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mediation_parties')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('case_id', 'in', [...caseIds])
    .orderBy('id')
    .execute();
}

export function listMediators(db: Executor, districtId: string, caseIds: readonly string[]): Promise<MediatorRow[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mediation_mediators')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('case_id', 'in', [...caseIds])
    .orderBy('assigned_at')
    .execute();
}

/** Replaces the case's mediators with `userIds` (those already assigned keep their assignment time). */
export async function setMediators(
  db: Executor,
  districtId: string,
  caseId: string,
  userIds: readonly string[],
  by: string,
  at: string,
): Promise<{ added: string[]; removed: string[] }> {
  const now = await listMediators(db, districtId, [caseId]);
  const had = new Set(now.map((m) => m.user_id));
  const want = new Set(userIds);
  const removed = [...had].filter((u) => !want.has(u));
  const added = [...want].filter((u) => !had.has(u));
  if (removed.length > 0)
    await db
      .deleteFrom('mediation_mediators')
      .where('district_id', '=', districtId)
      .where('case_id', '=', caseId)
      .where('user_id', 'in', removed)
      .execute();
  if (added.length > 0)
    await db
      .insertInto('mediation_mediators')
      .values(
        added.map((u) => ({ district_id: districtId, case_id: caseId, user_id: u, assigned_by: by, assigned_at: at })),
      )
      .execute();
  return { added, removed };
}

export interface CaseFilter {
  /** Cases where the person is a party. */
  partyUserId?: string;
  /** Cases where the person is an assigned mediator, or (with leadCommunities) of a community they lead. */
  mediatorUserId?: string;
  leadCommunities?: ReadonlyMap<string, readonly string[]>;
  statuses?: readonly string[];
}

/** Cases the filter lets through, newest first; a filter with no way in returns nothing. */
export function listCases(db: Executor, f: CaseFilter, beforeId: string | null, limit: number): Promise<CaseRow[]> {
  let q = db.selectFrom('mediation_cases as c').selectAll('c');
  q = q.where((eb) => {
    const ways = [];
    if (f.partyUserId)
      ways.push(
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('mediation_parties as p')
            .select('p.case_id')
            .whereRef('p.district_id', '=', 'c.district_id')
            .where('p.user_id', '=', f.partyUserId),
        ),
      );
    if (f.mediatorUserId)
      ways.push(
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('mediation_mediators as m')
            .select('m.case_id')
            .whereRef('m.district_id', '=', 'c.district_id')
            .where('m.user_id', '=', f.mediatorUserId),
        ),
      );
    for (const [districtId, ids] of f.leadCommunities ?? [])
      if (ids.length > 0)
        ways.push(eb.and([eb('c.district_id', '=', districtId), eb('c.community_id', 'in', [...ids])]));
    return ways.length > 0 ? eb.or(ways) : eb.lit(false);
  });
  if (f.statuses) q = q.where('c.status', 'in', [...f.statuses]);
  if (beforeId) q = q.where('c.id', '<', beforeId);
  return q.orderBy('c.id', 'desc').limit(limit).execute();
}

export async function insertMessage(db: Executor, row: Insertable<MediationMessageTable>): Promise<void> {
  await db.insertInto('mediation_messages').values(row).execute();
}

/** Messages of a case, oldest first: of the given threads (party ids), or all of them when none is given. */
export function listMessages(
  db: Executor,
  districtId: string,
  caseId: string,
  partyIds: readonly string[] | null,
  afterId: string | null,
  limit: number,
): Promise<MessageRow[]> {
  let q = db
    .selectFrom('mediation_messages')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('case_id', '=', caseId);
  if (partyIds) q = partyIds.length > 0 ? q.where('party_id', 'in', [...partyIds]) : q.where((eb) => eb.lit(false));
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

export async function insertSession(db: Executor, row: Insertable<MediationSessionTable>): Promise<void> {
  await db.insertInto('mediation_sessions').values(row).execute();
}

export function listSessions(db: Executor, districtId: string, caseId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('case_id', '=', caseId)
    .orderBy('held_at')
    .orderBy('id')
    .execute();
}

/** Type, state and opening time of the cases of some communities (the anonymous statistics count them). */
export function listCaseFacts(
  db: Executor,
  communities: ReadonlyMap<string, readonly string[]>,
  fromAt: string,
  toAt: string,
): Promise<Array<{ type: string; status: string; created_at: string }>> {
  const groups = Array.from(communities, ([districtId, ids]) => ({ districtId, ids: [...ids] })).filter(
    (g) => g.ids.length > 0,
  );
  if (groups.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mediation_cases')
    .select(['type', 'status', 'created_at'])
    .where((eb) =>
      eb.or(groups.map((g) => eb.and([eb('district_id', '=', g.districtId), eb('community_id', 'in', g.ids)]))),
    )
    .where('created_at', '>=', fromAt)
    .where('created_at', '<', toAt)
    .execute();
}

/** How many cases the person opened since `since` (the daily limit). */
export async function countOpenedSince(db: Executor, userId: string, since: string): Promise<number> {
  const rows = await db
    .selectFrom('mediation_cases')
    .select('id')
    .where('opened_by', '=', userId)
    .where('created_at', '>', since)
    .execute();
  return rows.length;
}
