// The needs list (需求清单): residents' needs, triaged by staff, matched with volunteers or linked to projects.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('needs')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text')
    .addColumn('building_id', 'text')
    .addColumn('requester_user_id', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('beneficiary_group', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text')
    .addColumn('window_end', 'text')
    .addColumn('privacy', 'text', (c) => c.notNull())
    .addColumn('people_needed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('project_id', 'text')
    .addColumn('triaged_by', 'text')
    .addColumn('triaged_at', 'text')
    .addColumn('triage_note', 'text')
    .addColumn('done_at', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('needs_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('needs_board_ix')
    .on('needs')
    .columns(['district_id', 'community_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('needs_requester_ix')
    .on('needs')
    .columns(['district_id', 'requester_user_id', 'created_at'])
    .execute();
  await db.schema.createIndex('needs_project_ix').on('needs').columns(['district_id', 'project_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
