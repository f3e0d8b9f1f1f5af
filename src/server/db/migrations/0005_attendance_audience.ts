// Activities gain an audience (volunteer service or resident event) and the moment the leader closed them
// (open attendance is checked out at the end then; see docs/ATTENDANCE.md).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per ALTER: SQLite adds only one at a time.
  await db.schema
    .alterTable('activities')
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('volunteer'))
    .execute();
  await db.schema.alterTable('activities').addColumn('closed_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').dropColumn('closed_at').execute();
  await db.schema.alterTable('activities').dropColumn('audience').execute();
}
