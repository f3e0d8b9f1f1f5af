// The outbox is consumed so that no event can be skipped: a consumer records every event it handled (one row per
// consumer and event, written in the same transaction as the handling), instead of trusting "everything after the
// last id I saw". Ids are minted before commit, so a transaction that commits late would otherwise be passed over.
// The old checkpoint table (event_consumers) stays for history; nothing reads it any more.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_consumptions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('consumed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_consumptions_pk', ['district_id', 'consumer', 'event_id'])
    .execute();

  // Global: one low-water mark per consumer. Only an optimisation (every event below it was handled, looked back a
  // margin); a periodic full scan ignores it, so a mark that is wrong costs time, never an event.
  await db.schema
    .createTable('event_watermarks')
    .addColumn('consumer', 'text', (c) => c.primaryKey())
    .addColumn('low_water', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('domain_events_type_id_ix').on('domain_events').columns(['type', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('domain_events_type_id_ix').execute();
  await db.schema.dropTable('event_watermarks').execute();
  await db.schema.dropTable('event_consumptions').execute();
}
