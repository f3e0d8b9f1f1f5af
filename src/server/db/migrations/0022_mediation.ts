// Mediation (调解): dispute cases, their parties (names and phones encrypted), assigned mediators, one private thread
// per party with the mediators, and session records.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mediation_cases')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opener_is_party', 'integer', (c) => c.notNull())
    .addColumn('outcome_terms', 'text')
    .addColumn('referred_to', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('mediation_cases_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('mediation_cases_community_ix')
    .on('mediation_cases')
    .columns(['district_id', 'community_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('mediation_parties')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_parties_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('mediation_parties_case_ix')
    .on('mediation_parties')
    .columns(['district_id', 'case_id'])
    .execute();
  await db.schema.createIndex('mediation_parties_user_ix').on('mediation_parties').columns(['user_id']).execute();

  await db.schema
    .createTable('mediation_mediators')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_mediators_pk', ['district_id', 'case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('mediation_mediators_user_ix').on('mediation_mediators').columns(['user_id']).execute();

  await db.schema
    .createTable('mediation_messages')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_messages_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('mediation_messages_thread_ix')
    .on('mediation_messages')
    .columns(['district_id', 'case_id', 'party_id', 'id'])
    .execute();

  await db.schema
    .createTable('mediation_sessions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_sessions_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('mediation_sessions_case_ix')
    .on('mediation_sessions')
    .columns(['district_id', 'case_id', 'held_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
