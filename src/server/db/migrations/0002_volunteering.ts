// Volunteers, teams, activities, sign-ups, attendance, service records, ratings, certificates,
// district settings and the domain-event outbox the points ledger consumes.
import type { Kysely } from 'kysely';
import { forbidChanges } from './0001_platform.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('district_settings')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('district_settings_pk', ['district_id', 'key'])
    .execute();

  // Per-district sequences (volunteer numbers, certificate numbers), bumped atomically under concurrency.
  await db.schema
    .createTable('district_counters')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('district_counters_pk', ['district_id', 'name'])
    .execute();

  await db.schema
    .createTable('volunteers')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_no', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('real_name_enc', 'text', (c) => c.notNull())
    .addColumn('real_name_masked', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('home_grid_id', 'text')
    .addColumn('bio', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteers_pk', ['district_id', 'id'])
    .addUniqueConstraint('volunteers_user_uq', ['district_id', 'user_id'])
    .addUniqueConstraint('volunteers_no_uq', ['district_id', 'volunteer_no'])
    .execute();
  await db.schema
    .createIndex('volunteers_status_ix')
    .on('volunteers')
    .columns(['district_id', 'community_id', 'status'])
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('leader_user_id', 'text', (c) => c.notNull())
    .addColumn('social_worker_user_id', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('teams_pk', ['district_id', 'id'])
    .addUniqueConstraint('teams_name_uq', ['district_id', 'community_id', 'name'])
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('team_members_pk', ['district_id', 'team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user_ix').on('team_members').columns(['district_id', 'user_id']).execute();

  await db.schema
    .createTable('activities')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('series_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text')
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('geofence_m', 'integer')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('slots', 'integer', (c) => c.notNull())
    .addColumn('confirmed_count', 'integer', (c) => c.notNull())
    .addColumn('signup_seq', 'integer', (c) => c.notNull())
    .addColumn('signup_deadline', 'text', (c) => c.notNull())
    .addColumn('cancel_deadline', 'text', (c) => c.notNull())
    .addColumn('required_skills', 'text', (c) => c.notNull())
    .addColumn('beneficiaries', 'text')
    .addColumn('need_id', 'text')
    .addColumn('points_per_hour', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('attendance_secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activities_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('activities_time_ix')
    .on('activities')
    .columns(['district_id', 'status', 'starts_at'])
    .execute();
  await db.schema.createIndex('activities_team_ix').on('activities').columns(['district_id', 'team_id']).execute();

  await db.schema
    .createTable('signups')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('proxy_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signups_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('signups_activity_ix')
    .on('signups')
    .columns(['district_id', 'activity_id', 'status', 'seq'])
    .execute();
  await db.schema.createIndex('signups_user_ix').on('signups').columns(['user_id', 'status']).execute();

  await db.schema
    .createTable('attendance')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('check_in_at', 'text')
    .addColumn('check_out_at', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['district_id', 'activity_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('service_records')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_backfill', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('corrects_id', 'text')
    .addColumn('correction_reason', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('returned_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_records_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('service_records_user_ix')
    .on('service_records')
    .columns(['district_id', 'user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('service_records_activity_ix')
    .on('service_records')
    .columns(['district_id', 'activity_id'])
    .execute();
  await db.schema
    .createIndex('service_records_status_ix')
    .on('service_records')
    .columns(['district_id', 'community_id', 'status'])
    .execute();

  await db.schema
    .createTable('ratings')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('rater_user_id', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ratings_pk', ['district_id', 'id'])
    .addUniqueConstraint('ratings_once_uq', ['district_id', 'activity_id', 'rater_user_id', 'target'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('cert_no', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .addPrimaryKeyConstraint('certificates_pk', ['district_id', 'id'])
    .addUniqueConstraint('certificates_no_uq', ['district_id', 'cert_no'])
    .execute();
  await db.schema.createIndex('certificates_no_ix').on('certificates').column('cert_no').execute();

  // Outbox: an event per accepted service record, consumed exactly once by the points ledger.
  await db.schema
    .createTable('domain_events')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('domain_events_pk', ['district_id', 'id'])
    .addUniqueConstraint('domain_events_once_uq', ['district_id', 'type', 'ref_id'])
    .execute();
  await forbidChanges(db, 'domain_events');
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
