// Every query of the suggestion box. Executor first; typed rows out; no rules, no clock, no AppError. Scope arrives
// as community ids (resolved by the org module), so nothing here reads another module's table.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { SuggestionTable } from './suggestions.tables.js';

export type SuggestionRow = Selectable<SuggestionTable>;

export function findSuggestion(db: Executor, id: string): Promise<SuggestionRow | undefined> {
  return db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSuggestion(db: Executor, row: Insertable<SuggestionTable>): Promise<void> {
  await db.insertInto('suggestions').values(row).execute();
}

/** When the person left suggestions since `since` (the submission limit). */
export async function submittedSince(db: Executor, userId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('suggestions')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .execute();
  return rows.map((r) => r.created_at);
}

/** Updates a suggestion only while it is in one of `from`: true when this call changed it. */
export async function updateSuggestionFrom(
  db: Executor,
  districtId: string,
  id: string,
  from: readonly string[],
  set: Updateable<SuggestionTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('suggestions')
    .set(set)
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateSuggestion(
  db: Executor,
  districtId: string,
  id: string,
  set: Updateable<SuggestionTable>,
): Promise<void> {
  await db.updateTable('suggestions').set(set).where('district_id', '=', districtId).where('id', '=', id).execute();
}

export interface SuggestionFilter {
  /** Community ids by district (public list: the communities shown; queue: the staff's). */
  communities?: ReadonlyMap<string, readonly string[]>;
  userId?: string;
  statuses?: readonly string[];
  category?: string;
}

export function listSuggestions(db: Executor, f: SuggestionFilter, beforeId: string | null, limit: number) {
  let q = db.selectFrom('suggestions').selectAll();
  if (f.communities) {
    const groups = Array.from(f.communities, ([districtId, ids]) => ({ districtId, ids: [...ids] }));
    q = q.where((eb) =>
      eb.or(groups.map((g) => eb.and([eb('district_id', '=', g.districtId), eb('community_id', 'in', g.ids)]))),
    );
  }
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.statuses) q = q.where('status', 'in', [...f.statuses]);
  if (f.category) q = q.where('category', '=', f.category);
  if (beforeId) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}
