// Cursor pagination: the cursor is the opaque, base64url-encoded sort key of the last row returned.
import { AppError } from './errors.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
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
  return {
    items: kept.map(map),
    nextCursor: more && kept.length > 0 ? encodeCursor(keyOf(kept[kept.length - 1])) : null,
  };
}
