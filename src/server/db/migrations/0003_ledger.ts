// The points bank: accounts, journals and postings (append-only, double-entry, hash-chained per district),
// the chain head per district, rule history and event-consumer checkpoints.
import type { Kysely } from 'kysely';
import { forbidChanges } from './0001_platform.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('point_accounts')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text')
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('point_accounts_pk', ['district_id', 'id'])
    .addUniqueConstraint('point_accounts_owner_uq', ['district_id', 'owner_type', 'owner_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('journals')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('reverses_id', 'text')
    .addColumn('community_id', 'text')
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('journals_pk', ['district_id', 'id'])
    .addUniqueConstraint('journals_seq_uq', ['district_id', 'seq'])
    .addUniqueConstraint('journals_key_uq', ['district_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('journals_ref_ix')
    .on('journals')
    .columns(['district_id', 'ref_type', 'ref_id'])
    .execute();
  await db.schema
    .createIndex('journals_community_ix')
    .on('journals')
    .columns(['district_id', 'community_id', 'seq'])
    .execute();

  await db.schema
    .createTable('postings')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('journal_id', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('postings_pk', ['district_id', 'journal_id', 'line'])
    .execute();
  await db.schema.createIndex('postings_account_ix').on('postings').columns(['district_id', 'account_id']).execute();

  await db.schema
    .createTable('ledger_heads')
    .addColumn('district_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('point_rule_history')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('point_rule_history_pk', ['district_id', 'id'])
    .execute();

  // Global: one checkpoint per consumer over the global, id-ordered event outbox.
  await db.schema
    .createTable('event_consumers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_event_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Co-build contributions (共建) of organisations: what was given, valued in fen, and the journal that credited it.
  await db.schema
    .createTable('contributions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('journal_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value_fen', 'integer', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contributions_pk', ['district_id', 'id'])
    .execute();

  await forbidChanges(db, 'contributions');
  await forbidChanges(db, 'journals');
  await forbidChanges(db, 'postings');
  await forbidChanges(db, 'point_rule_history');
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
