// Resources name the need categories they serve (JSON array of the district's need category keys), so a need can be
// matched to resources by category fit (projects/resources.rules.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('resources')
    .addColumn('need_categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
