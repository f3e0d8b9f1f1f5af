// Small reads records need from volunteer registrations (kept here to avoid a module cycle).
import type { Executor } from '../../db/transaction.js';

/** A person's volunteer registrations (any status) with their numbers. */
export function listMyVolunteershipsRows(db: Executor, userId: string) {
  return db
    .selectFrom('volunteers')
    .select(['district_id', 'id', 'volunteer_no', 'status'])
    .where('user_id', '=', userId)
    .execute();
}
