// Append-only tables (audit log, outbox, journals, postings, contributions, rule history) could still be rewritten
// with plain SQL that the row triggers of 0001 do not see:
// - SQLite `INSERT OR REPLACE` deletes the row in the way without firing DELETE triggers (unless recursive
//   triggers are on, which database.ts now turns on for every connection). Here, independently of that pragma, a
//   BEFORE INSERT trigger refuses a row whose primary key already exists, so REPLACE cannot swap a row out.
// - PostgreSQL `TRUNCATE` fires no row trigger: a statement trigger refuses it. (Also deny TRUNCATE to the
//   application's role in production: docs/SECURITY.md.)
import { type Kysely, sql } from 'kysely';
import { isSqlite } from './0001_platform.js';

export const APPEND_ONLY_TABLES = [
  'audit_events',
  'domain_events',
  'contributions',
  'journals',
  'postings',
  'point_rule_history',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of APPEND_ONLY_TABLES) {
    if (isSqlite(db)) {
      const pk = await sql<{
        name: string;
      }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db);
      const match = pk.rows.map((c) => `${c.name} = NEW.${c.name}`).join(' AND ');
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} ` +
            `WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${match}) ` +
            `BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} ` +
            `FOR EACH STATEMENT EXECUTE FUNCTION linli_append_only()`,
        )
        .execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
