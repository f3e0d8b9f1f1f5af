// Foundation schema: organisation tree, partner units, accounts, sessions, role assignments, audit log.
// District data carries district_id as the first column of its primary key (ready for Citus by district).
// Users and sessions are deliberately global: one person may live, serve and hold roles in several districts.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_nodes')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_nodes_pk', ['district_id', 'id'])
    .addUniqueConstraint('org_nodes_code_uq', ['district_id', 'code'])
    .execute();
  await db.schema.createIndex('org_nodes_path_ix').on('org_nodes').columns(['district_id', 'path']).execute();
  await db.schema.createIndex('org_nodes_parent_ix').on('org_nodes').columns(['district_id', 'parent_id']).execute();

  await db.schema
    .createTable('partner_units')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone_enc', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_units_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('partner_units_node_fk', ['district_id', 'node_id'], 'org_nodes', ['district_id', 'id'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_index', 'text', (c) => c.notNull().unique())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('real_name_enc', 'text')
    .addColumn('real_name_masked', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('home_district_id', 'text')
    .addColumn('home_node_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('elder_mode', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_home_ix').on('users').columns(['home_district_id', 'home_node_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_ix').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('role_assignments_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('role_assignments_node_fk', ['district_id', 'node_id'], 'org_nodes', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('role_assignments_user_ix')
    .on('role_assignments')
    .columns(['user_id', 'revoked_at'])
    .execute();
  await db.schema
    .createIndex('role_assignments_node_ix')
    .on('role_assignments')
    .columns(['district_id', 'node_id'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('on_behalf_of_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('scope_node_id', 'text')
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_events_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_scope_ix')
    .on('audit_events')
    .columns(['district_id', 'scope_path'])
    .execute();
  await db.schema.createIndex('audit_events_action_ix').on('audit_events').columns(['district_id', 'action']).execute();

  await forbidChanges(db, 'audit_events');
}

/** Makes a table append-only in the database itself: UPDATE and DELETE raise an error. */
export async function forbidChanges(db: Kysely<unknown>, table: string): Promise<void> {
  if (isSqlite(db)) {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} ` +
            `BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION linli_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION linli_append_only()`,
    )
    .execute(db);
}

/** True when the migration runs on SQLite (raw DDL differs for triggers). */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
