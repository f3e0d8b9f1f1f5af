// Grid reports (随手拍, issue 11): reports with their timeline, photos, supporters, abuse flags and daily reward totals.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text')
    .addColumn('building_id', 'text')
    .addColumn('reporter_user_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lat_e7', 'integer')
    .addColumn('lng_e7', 'integer')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('level_since', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('assignee_user_id', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('flag_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('moderation', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supporter_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reward_points', 'integer')
    .addColumn('rewarded_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('reports_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('reports_board_ix')
    .on('reports')
    .columns(['district_id', 'community_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('reports_reporter_ix')
    .on('reports')
    .columns(['district_id', 'reporter_user_id', 'created_at'])
    .execute();
  // Nearby open reports of a category: a box on the coordinates, then the exact distance.
  await db.schema
    .createIndex('reports_nearby_ix')
    .on('reports')
    .columns(['district_id', 'category', 'lat_e7', 'lng_e7'])
    .execute();
  // The jobs: overdue open reports (escalation), resolved ones waiting for automatic confirmation.
  await db.schema.createIndex('reports_due_ix').on('reports').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('reports_resolved_ix').on('reports').columns(['status', 'resolved_at']).execute();
  await db.schema
    .createIndex('reports_key_uq')
    .on('reports')
    .columns(['district_id', 'reporter_user_id', 'idempotency_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('report_steps')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_steps_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('report_steps_report_ix')
    .on('report_steps')
    .columns(['district_id', 'report_id', 'id'])
    .execute();

  await db.schema
    .createTable('report_photos')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('uploader_user_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text')
    .addColumn('step_id', 'text')
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('thumb_key', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_photos_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('report_photos_report_ix')
    .on('report_photos')
    .columns(['district_id', 'report_id'])
    .execute();

  await db.schema
    .createTable('report_supporters')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_supporters_pk', ['district_id', 'report_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('report_supporters_user_ix')
    .on('report_supporters')
    .columns(['district_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('report_flags')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_flags_pk', ['district_id', 'report_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('report_reward_days')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_reward_days_pk', ['district_id', 'user_id', 'day'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
