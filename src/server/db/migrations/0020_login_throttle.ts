// Progressive login delays (issue 14): failed sign-ins counted per phone number (its blind index, so an unknown number
// behaves exactly like a known one) and per client address, in the database so every server process agrees.
// Global like users and sessions: a person signs in once for every district.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    // 'phone:<blind index>' or 'ip:<address>'
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .execute();
  await db.schema.createIndex('login_throttle_last_ix').on('login_throttle').column('last_failure_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
