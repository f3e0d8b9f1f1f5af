// Races on PostgreSQL (SQLite runs one writer at a time, so there these would only prove the serial logic):
// identical orders and redemptions at the same moment, a reused key for another item, and a cancel that loses to a
// redemption.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, PG_URL, type TestEnv, type Tree, makeTree, useClock } from '../support.js';
import * as orders from '../../src/server/modules/mall/orders.service.js';
import { balance, filedMerchant, goodsOf, offerOf, richResident, stockOf } from './mall.fixtures.js';

describe.skipIf(!PG_URL)('mall races on postgres', () => {
  let env: TestEnv;
  let tree: Tree;

  beforeAll(async () => {
    env = await createTestEnv('postgres');
    tree = await makeTree(env.deps);
  });
  afterAll(() => env.close());
  useClock(() => env);

  it('answers identical orders sent at once with one voucher, one charge and one unit of stock', async () => {
    const item = await goodsOf(env, tree, { pricePoints: 5, stock: 10 });
    const buyer = await richResident(env, tree, 100);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        orders.placeOrder(env.deps, buyer.actor, { itemId: item.id, idempotencyKey: 'same-key-123' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('fulfilled'));
    const ids = results.map((r) => (r as PromiseFulfilledResult<orders.Voucher>).value.id);
    expect(new Set(ids).size).toBe(1);
    expect(await balance(env, buyer.id)).toBe(95);
    expect(await stockOf(env, item.id)).toBe(9);
    const rows = await env.deps.db.selectFrom('orders').select('id').where('user_id', '=', buyer.id).execute();
    expect(rows).toEqual([{ id: ids[0] }]);
  });

  it('answers identical orders for the last unit with the one voucher, not OUT_OF_STOCK', async () => {
    const item = await goodsOf(env, tree, { pricePoints: 5, stock: 1 });
    const buyer = await richResident(env, tree, 100);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        orders.placeOrder(env.deps, buyer.actor, { itemId: item.id, idempotencyKey: 'last-unit-key' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('fulfilled'));
    expect(new Set(results.map((r) => (r as PromiseFulfilledResult<orders.Voucher>).value.id)).size).toBe(1);
    expect(await balance(env, buyer.id)).toBe(95);
    expect(await stockOf(env, item.id)).toBe(0);
  });

  it('answers one key sent at once for two different items with one order and one IDEMPOTENCY_CONFLICT', async () => {
    const a = await goodsOf(env, tree, { pricePoints: 5, stock: 10 });
    const b = await goodsOf(env, tree, { pricePoints: 7, stock: 10, title: '大米' });
    const buyer = await richResident(env, tree, 100);
    const results = await Promise.allSettled(
      [a, b].map((it) => orders.placeOrder(env.deps, buyer.actor, { itemId: it.id, idempotencyKey: 'two-items-key' })),
    );
    const won = results.filter((r): r is PromiseFulfilledResult<orders.Voucher> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(['IDEMPOTENCY_CONFLICT']);
    expect(await balance(env, buyer.id)).toBe(100 - won.at(0)!.value.points);
  });

  it('redeems once when 10 identical redemptions (same redeemKey) arrive at once, all answered with success', async () => {
    const shop = await filedMerchant(env, tree);
    const offer = await offerOf(env, shop.ownerActor, shop.merchantId);
    const buyer = await richResident(env, tree, 100);
    const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'redeem-race-1' });
    const tries = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        orders.redeemVoucher(env.deps, shop.ownerActor, { code: v.qrPayload, redeemKey: 'tap-once-key' }),
      ),
    );
    expect(tries.map((r) => r.status)).toEqual(Array(10).fill('fulfilled'));
    const answers = tries.map((r) => (r as PromiseFulfilledResult<orders.Voucher>).value);
    expect(new Set(answers.map((a) => `${a.id} ${a.status} ${a.redeemedAt}`)).size).toBe(1);
    expect(answers.at(0)!.status).toBe('redeemed');
    const audits = await env.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'voucher.redeem')
      .where('target_id', '=', v.id)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('refuses a cancel that loses the race to a redemption with VOUCHER_REDEEMED, refunding nothing', async () => {
    const shop = await filedMerchant(env, tree);
    const offer = await offerOf(env, shop.ownerActor, shop.merchantId);
    const buyer = await richResident(env, tree, 100);
    const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'cancel-race-1' });
    // A redemption holds the voucher's row, uncommitted, while the cancel reads it as active and waits on the row.
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const held = new Promise<void>((r) => {
      locked = r;
    });
    const redemption = env.deps.db.transaction().execute(async (trx) => {
      const now = env.clock.now().toISOString();
      await trx
        .updateTable('orders')
        .set({
          status: 'redeemed',
          redeemed_at: now,
          redeemed_by: shop.owner.id,
          redeem_key: 'held-key-01',
          updated_at: now,
        })
        .where('id', '=', v.id)
        .execute();
      locked();
      await gate;
    });
    await held;
    const cancel = orders.cancelOrder(env.deps, buyer.actor, v.id).then(
      (x) => x,
      (e: unknown) => e,
    );
    await expect
      .poll(
        async () => {
          const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where wait_event_type = 'Lock' and query like 'update "orders" set "status"%'`.execute(env.deps.db);
          return r.rows.at(0)!.n;
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBeGreaterThan(0);
    release();
    await redemption;
    expect(await cancel).toMatchObject({ code: 'VOUCHER_REDEEMED', status: 409 });
    expect(await balance(env, buyer.id)).toBe(80);
    expect((await orders.getVoucher(env.deps, buyer.actor, v.id)).status).toBe('redeemed');
  });
});
