// The care registry (关爱台账): vulnerable residents (names, phones, ID numbers and addresses encrypted with masked
// copies), their assigned visitors (grid workers, paired volunteers) and the visit log.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('care_subjects')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('address_masked', 'text')
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('interval_days', 'integer', (c) => c.notNull())
    .addColumn('last_visit_at', 'text')
    .addColumn('next_visit_at', 'text', (c) => c.notNull())
    .addColumn('emergency', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alert', 'text', (c) => c.notNull())
    .addColumn('alert_day', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('care_subjects_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('care_subjects_due_ix')
    .on('care_subjects')
    .columns(['district_id', 'emergency', 'next_visit_at'])
    .execute();
  await db.schema.createIndex('care_subjects_next_ix').on('care_subjects').columns(['next_visit_at']).execute();
  await db.schema.createIndex('care_subjects_user_ix').on('care_subjects').columns(['user_id']).execute();

  await db.schema
    .createTable('care_visitors')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_visitors_pk', ['district_id', 'subject_id', 'user_id'])
    .execute();
  await db.schema.createIndex('care_visitors_user_ix').on('care_visitors').columns(['user_id']).execute();

  await db.schema
    .createTable('care_visits')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('visitor_user_id', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('need_category', 'text')
    .addColumn('need_id', 'text')
    .addColumn('emergency', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_visits_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('care_visits_subject_ix')
    .on('care_visits')
    .columns(['district_id', 'subject_id', 'visited_at'])
    .execute();
  await db.schema.createIndex('care_visits_visitor_ix').on('care_visits').columns(['visitor_user_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
