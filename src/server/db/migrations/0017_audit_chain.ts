// Issue 14: anchoring the audit log and the ledger outside the rows an attacker with database access can rewrite.
// - audit_seals: the audit log's hash chain. A sealer (platform/audit.chain.ts) appends one seal per audit event, per
//   district, in a fixed order (seq 1, 2, 3, …): the hash of the event's every column, and of the previous seal.
//   audit_seal_heads is the per-district head the sealer locks while it seals (the only mutable row).
// - ledger_head_signatures: a district's ledger head (seq, hash) signed once a day with the installation's Ed25519
//   key (modules/ledger/ledger.signing.ts), published, so a rewrite of the chain below a head someone kept is provable.
// - audit_head_signatures: the audit chain's head signed once a day the same way (platform/audit.chain.ts).
// Both new tables are append-only like 0001 and 0015: UPDATE and DELETE refused by row triggers, SQLite INSERT OR
// REPLACE refused by a BEFORE INSERT trigger, PostgreSQL TRUNCATE by a statement trigger.
import { type Kysely, sql } from 'kysely';
import { forbidChanges, isSqlite } from './0001_platform.js';

export const CHAIN_APPEND_ONLY_TABLES = ['audit_seals', 'ledger_head_signatures', 'audit_head_signatures'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_seals')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_hash', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_seals_pk', ['district_id', 'seq'])
    .addUniqueConstraint('audit_seals_event_uq', ['district_id', 'event_id'])
    .execute();

  // The sealer's regular pass looks at recent events of every district by id (ULIDs sort by time): without this index
  // it would read the whole audit log every few seconds.
  await db.schema.createIndex('audit_events_id_ix').on('audit_events').column('id').execute();

  await db.schema
    .createTable('audit_seal_heads')
    .addColumn('district_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_head_signatures')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_head_signatures_pk', ['district_id', 'day'])
    .execute();

  await db.schema
    .createTable('audit_head_signatures')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_head_signatures_pk', ['district_id', 'day'])
    .execute();

  for (const table of CHAIN_APPEND_ONLY_TABLES) {
    await forbidChanges(db, table);
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
  // audit_seals has a second unique key (event_id): REPLACE through it would also delete a seal in its way.
  if (isSqlite(db)) {
    await sql
      .raw(
        `CREATE TRIGGER audit_seals_no_replace_event BEFORE INSERT ON audit_seals ` +
          `WHEN EXISTS (SELECT 1 FROM audit_seals WHERE district_id = NEW.district_id AND event_id = NEW.event_id) ` +
          `BEGIN SELECT RAISE(ABORT, 'audit_seals is append-only'); END`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
