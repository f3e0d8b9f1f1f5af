// Queries of the notifications module: notices, preferences, deliveries. Executor first; no rules here.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { NoticeTable, NotificationDeliveryTable } from './notifications.tables.js';

export type NoticeRow = Selectable<NoticeTable>;
export type DeliveryRow = Selectable<NotificationDeliveryTable>;

/** Inserts a notice unless one with the same (district, user, kind, source key) exists; true when inserted. */
export async function insertNoticeOnce(db: Executor, row: NoticeTable): Promise<boolean> {
  const r = await db
    .insertInto('notices')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'user_id', 'kind', 'source_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Of these people, those who muted a kind. */
export async function listMuted(db: Executor, userIds: string[], kind: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notification_preferences')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('kind', '=', kind)
    .where('muted', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** A person's notices, newest first, across districts; `beforeId` is the cursor. */
export function listNoticesOf(
  db: Executor,
  userId: string,
  f: { beforeId: string | null; unread: boolean; limit: number },
) {
  let q = db.selectFrom('notices').selectAll().where('user_id', '=', userId);
  if (f.unread) q = q.where('read_at', 'is', null);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks a person's own unread notices read (the given ids, or all); returns how many changed. */
export async function markRead(db: Executor, userId: string, ids: string[] | 'all', at: string): Promise<number> {
  if (ids !== 'all' && ids.length === 0) return 0;
  let q = db.updateTable('notices').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Marks read every staff notice about an item that has left its queue (decided by someone), so the bell counts only
 * what still waits. Returns how many changed.
 */
export async function resolveQueueNotices(
  db: Executor,
  districtId: string,
  kind: string,
  refId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('notices')
    .set({ read_at: at })
    .where('district_id', '=', districtId)
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function listPreferences(db: Executor, userId: string) {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}

export async function upsertPreference(db: Executor, userId: string, kind: string, muted: boolean, at: string) {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, muted: muted ? 1 : 0, updated_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ muted: muted ? 1 : 0, updated_at: at }))
    .execute();
}

export async function insertDelivery(db: Executor, row: NotificationDeliveryTable): Promise<void> {
  await db
    .insertInto('notification_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'notice_id', 'channel']).doNothing())
    .execute();
}

/** Pending deliveries whose next attempt is due. */
export function listDueDeliveries(db: Executor, now: string, limit: number): Promise<DeliveryRow[]> {
  return db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Claims one attempt of a delivery: counts the attempt and pushes the next attempt out by a lease, only if nobody
 * claimed it meanwhile (same attempts count). True when this caller owns the attempt.
 */
export async function claimAttempt(db: Executor, d: DeliveryRow, leaseUntil: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('notification_deliveries')
    .set({ attempts: d.attempts + 1, next_attempt_at: leaseUntil, updated_at: at })
    .where('district_id', '=', d.district_id)
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', d.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function finishAttempt(
  db: Executor,
  d: { district_id: string; id: string },
  patch: { status: string; last_error: string | null; next_attempt_at: string | null; provider_id: string | null },
  at: string,
): Promise<void> {
  await db
    .updateTable('notification_deliveries')
    .set({ ...patch, updated_at: at })
    .where('district_id', '=', d.district_id)
    .where('id', '=', d.id)
    .execute();
}

export function findNotice(db: Executor, districtId: string, id: string) {
  return db
    .selectFrom('notices')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A notice's delivery log (tests and support). */
export function listDeliveriesOf(db: Executor, userId: string) {
  return db.selectFrom('notification_deliveries').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}
