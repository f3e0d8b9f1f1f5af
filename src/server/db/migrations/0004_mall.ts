// Points mall and merchant alliance: merchants and their staff, evaluations, catalog, orders with vouchers,
// voucher ratings, complaints and monthly settlement statements.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('merchants')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('licence_no', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('offer_summary', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone_enc', 'text', (c) => c.notNull())
    .addColumn('applicant_user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fen_per_point', 'integer', (c) => c.notNull())
    .addColumn('fund_name', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('filed_by', 'text')
    .addColumn('filed_at', 'text')
    .addColumn('exited_at', 'text')
    .addColumn('exit_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('merchants_pk', ['district_id', 'id'])
    .addUniqueConstraint('merchants_licence_uq', ['district_id', 'licence_no'])
    .execute();

  await db.schema
    .createTable('merchant_staff')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('merchant_staff_pk', ['district_id', 'merchant_id', 'user_id'])
    .execute();
  await db.schema.createIndex('merchant_staff_user_ix').on('merchant_staff').column('user_id').execute();

  await db.schema
    .createTable('merchant_evaluations')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rating_x10', 'integer')
    .addColumn('ratings', 'integer', (c) => c.notNull())
    .addColumn('complaints', 'integer', (c) => c.notNull())
    .addColumn('redemptions', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('merchant_evaluations_pk', ['district_id', 'id'])
    .addUniqueConstraint('merchant_evaluations_year_uq', ['district_id', 'merchant_id', 'year'])
    .execute();

  await db.schema
    .createTable('catalog_items')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('price_points', 'integer', (c) => c.notNull())
    .addColumn('stock', 'integer')
    .addColumn('per_person_limit', 'integer')
    .addColumn('voucher_days', 'integer', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('visible_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_items_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('catalog_items_status_ix')
    .on('catalog_items')
    .columns(['district_id', 'status', 'kind'])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('short_code', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('journal_id', 'text', (c) => c.notNull())
    .addColumn('refund_journal_id', 'text')
    .addColumn('redeemed_at', 'text')
    .addColumn('redeemed_by', 'text')
    .addColumn('redeem_key', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('orders_pk', ['district_id', 'id'])
    .addUniqueConstraint('orders_code_uq', ['district_id', 'short_code'])
    .addUniqueConstraint('orders_key_uq', ['district_id', 'user_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('orders_user_ix').on('orders').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('orders_item_ix').on('orders').columns(['district_id', 'item_id', 'user_id']).execute();
  await db.schema
    .createIndex('orders_merchant_ix')
    .on('orders')
    .columns(['district_id', 'merchant_id', 'status', 'redeemed_at'])
    .execute();
  await db.schema.createIndex('orders_expiry_ix').on('orders').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('voucher_ratings')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text')
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('voucher_ratings_pk', ['district_id', 'order_id'])
    .execute();

  await db.schema
    .createTable('merchant_complaints')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('merchant_complaints_pk', ['district_id', 'id'])
    .execute();

  await db.schema
    .createTable('merchant_statements')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('vouchers', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('fen_per_point', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('fund_name', 'text')
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('merchant_statements_pk', ['district_id', 'id'])
    .addUniqueConstraint('merchant_statements_month_uq', ['district_id', 'merchant_id', 'month'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
