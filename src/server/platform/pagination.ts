// Cursor pagination: the cursor is the opaque, base64url-encoded sort key of the last row returned.
import { type SelectQueryBuilder, sql } from 'kysely';
import { AppError } from './errors.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A page that also says how many rows the whole filtered list holds (every page carries the same total). */
export interface CountedPage<T> extends Page<T> {
  total: number;
}

/**
 * How many rows a filtered list query matches. Pass the query before its cursor, order and limit are added, so
 * the total is the whole list's, not what is left after the cursor.
 */
export async function countRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  // Kysely cannot resolve the selection's type over a generic DB, so the one row's shape is stated here.
  const row = (await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)`.as('total'))
    .executeTakeFirst()) as { total: number | string } | undefined;
  return Number(row?.total ?? 0);
}

/** Adds the list's total to a page. */
export function withTotal<T>(page: Page<T>, total: number): CountedPage<T> {
  return { ...page, total };
}

/** Encodes a sort key as a cursor. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** Decodes a cursor; a malformed one is the caller's bad input. */
export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) {
    throw new AppError('VALIDATION_FAILED', { summary: 'cursor' }, [{ field: 'cursor', message: 'v.cursor' }]);
  }
  return key;
}

/** Turns rows fetched with limit+1 into a page, using keyOf(last row) as the next cursor. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => string, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return {
    items: kept.map(map),
    nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
