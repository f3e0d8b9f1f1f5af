// Service recorded after the fact, temporary passwords, platform operators.
//
// Service recorded after the fact (an elder helped at night, a rider's errand, the paper 台账 before linli) had no
// activity. Two shapes were possible: a synthetic "activity" per entry, or a record without one. A synthetic activity
// would be a fake event in every activity list, sign-up count and statistic, so the record says what it is instead:
// `activity_id` becomes nullable and the record carries what the activity would have said (category, place, what was
// done) plus who can vouch, and `after_the_fact = 1` marks it everywhere it is shown.
import { type Kysely, sql } from 'kysely';
import { isSqlite } from './0001_platform.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await dropActivityNotNull(db);
  // One column per ALTER: SQLite adds only one at a time.
  await db.schema
    .alterTable('service_records')
    .addColumn('after_the_fact', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('service_records').addColumn('category', 'text').execute();
  await db.schema.alterTable('service_records').addColumn('place', 'text').execute();
  await db.schema.alterTable('service_records').addColumn('content', 'text').execute();
  await db.schema.alterTable('service_records').addColumn('vouched_by', 'text').execute();

  // A password set by staff (reset, first district admin) must be changed at the next login.
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Platform operators (role platform_admin): global like users, so they sit on no org node.
  await db.schema
    .createTable('platform_admins')
    .addColumn('user_id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('granted_by', 'text')
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .execute();
}

/**
 * PostgreSQL drops the constraint in place. SQLite cannot alter a column, so the table is rebuilt from its own stored
 * definition (whatever columns other migrations added before this one), with its indexes, inside the migration's
 * transaction — the procedure of https://www.sqlite.org/lang_altertable.html#otheralter.
 */
async function dropActivityNotNull(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) {
    await db.schema
      .alterTable('service_records')
      .alterColumn('activity_id', (c) => c.dropNotNull())
      .execute();
    return;
  }
  const table = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'table' and name = 'service_records'`.execute(db);
  const indexes = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'index' and tbl_name = 'service_records' and sql is not null`.execute(
    db,
  );
  const create = table.rows[0]?.sql;
  if (create === undefined) throw new Error('0006: table service_records not found in sqlite_master');
  const rebuilt = create
    .replace(/^create table "?service_records"?/i, 'create table "service_records_rebuild"')
    .replace(/"activity_id" text not null/i, '"activity_id" text');
  if (rebuilt === create || /"activity_id" text not null/i.test(rebuilt))
    throw new Error('unexpected service_records definition');
  await sql.raw(rebuilt).execute(db);
  await sql`insert into service_records_rebuild select * from service_records`.execute(db);
  await sql`drop table service_records`.execute(db);
  await sql`alter table service_records_rebuild rename to service_records`.execute(db);
  for (const ix of indexes.rows) await sql.raw(ix.sql).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
