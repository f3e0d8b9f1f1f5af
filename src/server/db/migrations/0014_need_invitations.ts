// Matching and invitations for needs: the task of a dispatched need (places and how many took one), the invitations
// volunteers answer, the district's matching weights, and an index that lets the coarse matching query read only an
// index over 100,000 volunteers.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per dispatched need: the conditional UPDATE on accepted_count hands out the places (race-safe).
  await db.schema
    .createTable('need_tasks')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('quick', 'integer', (c) => c.notNull())
    .addColumn('people_needed', 'integer', (c) => c.notNull())
    .addColumn('accepted_count', 'integer', (c) => c.notNull())
    .addColumn('dispatched_by', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text', (c) => c.notNull())
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_tasks_pk', ['district_id', 'need_id'])
    .execute();

  await db.schema
    .createTable('need_invitations')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('minutes', 'integer')
    .addColumn('record_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_invitations_pk', ['district_id', 'id'])
    .addUniqueConstraint('need_invitations_once_uq', ['district_id', 'need_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('need_invitations_user_ix')
    .on('need_invitations')
    .columns(['user_id', 'status', 'invited_at'])
    .execute();
  await db.schema
    .createIndex('need_invitations_need_ix')
    .on('need_invitations')
    .columns(['district_id', 'need_id', 'status'])
    .execute();

  // The district's matching weights (JSON over the defaults in matching.rules.ts).
  await db.schema
    .createTable('need_match_settings')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('need_match_settings_pk', ['district_id'])
    .execute();

  // Covering index for the coarse matching query the volunteers module runs for the needs module (its SQL lives in
  // volunteers/volunteers.matching.ts): scope, status, home and skills are read from the index alone.
  await db.schema
    .createIndex('volunteers_match_ix')
    .on('volunteers')
    .columns(['district_id', 'status', 'community_id', 'home_grid_id', 'skills', 'user_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
