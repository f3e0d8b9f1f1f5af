// ULIDs: sortable by creation time, so they double as cursors, and safe to generate on any process.
import { monotonicFactory } from 'ulidx';

const next = monotonicFactory();

/** A new ULID. */
export function newId(): string {
  return next();
}
