// Runs the numbered migrations (listed explicitly, so bundling and both databases see the same set).
import { type Kysely, type Migration, Migrator, PostgresAdapter, sql } from 'kysely';
import { onlyRow } from '../platform/must.js';
import * as m0001 from './migrations/0001_platform.js';
import * as m0002 from './migrations/0002_volunteering.js';
import * as m0003 from './migrations/0003_ledger.js';
import * as m0004 from './migrations/0004_mall.js';
import * as m0005 from './migrations/0005_attendance_audience.js';
import * as m0006 from './migrations/0006_past_service_accounts.js';
import * as m0007 from './migrations/0007_event_consumptions.js';
import * as m0008 from './migrations/0008_account_names_masked.js';
import * as m0009 from './migrations/0009_notifications.js';
import * as m0010 from './migrations/0010_service_points.js';
import * as m0011 from './migrations/0011_needs.js';
import * as m0012 from './migrations/0012_projects.js';
import * as m0014 from './migrations/0014_need_invitations.js';
import * as m0015 from './migrations/0015_append_only_hardening.js';
import * as m0016 from './migrations/0016_resource_categories.js';
import * as m0017 from './migrations/0017_audit_chain.js';
import * as m0018 from './migrations/0018_names_encrypted.js';
import * as m0020 from './migrations/0020_login_throttle.js';
import * as m0021 from './migrations/0021_reports.js';
import * as m0022 from './migrations/0022_mediation.js';
import * as m0023 from './migrations/0023_care.js';
import * as m0024 from './migrations/0024_star_publicity.js';
import type { DB } from './schema.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_volunteering': m0002,
  '0003_ledger': m0003,
  '0004_mall': m0004,
  '0005_attendance_audience': m0005,
  '0006_past_service_accounts': m0006,
  '0007_event_consumptions': m0007,
  '0008_account_names_masked': m0008,
  '0009_notifications': m0009,
  '0010_service_points': m0010,
  '0011_needs': m0011,
  '0012_projects': m0012,
  '0014_need_invitations': m0014,
  '0015_append_only_hardening': m0015,
  '0016_resource_categories': m0016,
  '0017_audit_chain': m0017,
  '0018_names_encrypted': m0018,
  '0020_login_throttle': m0020,
  '0021_reports': m0021,
  '0022_mediation': m0022,
  '0023_care': m0023,
  '0024_star_publicity': m0024,
};

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  // On PostgreSQL name the schema explicitly: without it Kysely takes a migration table in any schema of the
  // database (say another test's) for ours.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    migrationTableSchema = onlyRow(rows, 'current_schema()').s;
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error)
    throw new Error(
      `migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
