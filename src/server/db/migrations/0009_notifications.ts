// Notifications: the in-app inbox (notices), per-person mutes, and the delivery log of external channels (SMS,
// WeChat template messages). A notice is unique per (recipient, kind, source key) — the source key is the event id
// for notices made from the outbox, or a scan key (activity + reminder slot, voucher) for scheduled ones — so a
// consumer that runs twice, or two that race, make one notice.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON: the message's parameters; the text is rendered per locale from the kind (notifications.rules.ts).
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('notices_pk', ['district_id', 'id'])
    .addUniqueConstraint('notices_source_uq', ['district_id', 'user_id', 'kind', 'source_key'])
    .execute();
  // A person's inbox spans districts (users are global): newest first, unread count.
  await db.schema.createIndex('notices_user_ix').on('notices').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('notices_user_unread_ix').on('notices').columns(['user_id', 'read_at']).execute();

  // Per person (global, like users): a muted kind makes no notice.
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('muted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // pending | sent | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_deliveries_pk', ['district_id', 'id'])
    .addUniqueConstraint('notification_deliveries_uq', ['district_id', 'notice_id', 'channel'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due_ix')
    .on('notification_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('notices').execute();
}
