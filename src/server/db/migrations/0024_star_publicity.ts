// Star levels (星级): a promotion to the next level is publicised (公示) for a number of working days, residents may
// object (one objection per person and promotion), staff decide; a falsified-hours finding blocks promotion.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('star_promotions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('accepted_minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publicity_from', 'text', (c) => c.notNull())
    .addColumn('publicity_until', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('finding', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('blocked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('star_promotions_pk', ['district_id', 'id'])
    .execute();
  // One live or effective promotion per person and level; a rejected one leaves room for a later attempt.
  await db.schema
    .createIndex('star_promotions_level_uq')
    .on('star_promotions')
    .columns(['district_id', 'user_id', 'level'])
    .unique()
    .where(sql.ref('status'), '<>', 'rejected')
    .execute();
  await db.schema
    .createIndex('star_promotions_status_ix')
    .on('star_promotions')
    .columns(['district_id', 'status', 'publicity_until'])
    .execute();
  await db.schema
    .createIndex('star_promotions_community_ix')
    .on('star_promotions')
    .columns(['district_id', 'community_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('star_objections')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('promotion_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_objections_pk', ['district_id', 'id'])
    .addUniqueConstraint('star_objections_person_uq', ['district_id', 'promotion_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('star_objections').execute();
  await db.schema.dropTable('star_promotions').execute();
}
