// Service tests of the mall on both databases: the alliance lifecycle, orders under heavy concurrency,
// redemption once, refunds once, limits, expiry and settlement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, createTestEnv, DIALECTS, makeTree, makeUser, plainActor, type TestEnv, type Tree, type TestUser } from '../support.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { accountFor, postJournal } from '../../src/server/modules/ledger/index.js';
import { personAccount } from '../../src/server/modules/ledger/ledger.earning.js';
import { verifyLedger } from '../../src/server/modules/ledger/ledger.public.js';
import * as catalog from '../../src/server/modules/mall/catalog.service.js';
import * as merchants from '../../src/server/modules/mall/merchants.service.js';
import * as orders from '../../src/server/modules/mall/orders.service.js';
import * as settlement from '../../src/server/modules/mall/settlement.service.js';
import type { Actor } from '../../src/server/platform/permissions.js';

describe.each(DIALECTS)('points mall on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let adminA: Actor;
  let streetA: Actor;
  let owner: TestUser;
  let merchantId: string;
  let seq = 0;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    adminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    streetA = await actorOf(env.deps, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
    owner = await makeUser(env.deps, { home: tree.communityA });
    const m = await merchants.applyMerchant(env.deps, plainActor(owner.id), {
      communityId: tree.communityA.id, name: '王师傅理发', licenceNo: '91420100MA4K0001XY', address: '商业街 1 号', category: '理发',
      offerSummary: '老人免费理发', contactName: '王师傅', contactPhone: '13912340000',
    });
    merchantId = m.id;
  });
  afterAll(() => env.close());

  /** A resident with points. */
  async function richResident(points: number): Promise<TestUser & { actor: Actor }> {
    const u = await makeUser(env.deps, { home: tree.communityA });
    await inTransaction(env.deps.db, async ({ trx }) => {
      const issuance = await accountFor(env.deps, trx, tree.district.id, { type: 'district', id: tree.district.id, purpose: 'issuance' });
      const p = await personAccount(env.deps, trx, tree.district.id, u.id);
      await postJournal(env.deps, trx, {
        districtId: tree.district.id, type: 'award', reason: '测试', idempotencyKey: `seed-${dialect}-${seq++}`,
        postings: [{ accountId: issuance.id, amount: -points }, { accountId: p.id, amount: points }],
      });
    });
    return { ...u, actor: plainActor(u.id) };
  }

  async function balance(userId: string): Promise<number> {
    const a = await env.deps.db.selectFrom('point_accounts').select('balance').where('owner_id', '=', userId).executeTakeFirst();
    return Number(a?.balance ?? 0);
  }

  it('runs the alliance lifecycle: apply → community review → street filing', async () => {
    await expect(merchants.fileMerchant(env.deps, streetA, merchantId, { fenPerPoint: 10 })).rejects.toMatchObject({ code: 'MERCHANT_STATE' });
    await expect(merchants.reviewMerchant(env.deps, adminA, merchantId, { decision: 'reject' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    const reviewed = await merchants.reviewMerchant(env.deps, adminA, merchantId, { decision: 'approve' });
    expect(reviewed.status).toBe('reviewed');
    await expect(merchants.fileMerchant(env.deps, adminA, merchantId, { fenPerPoint: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const filed = await merchants.fileMerchant(env.deps, streetA, merchantId, { fenPerPoint: 10, fundName: '街道慈善基金' });
    expect(filed).toMatchObject({ status: 'filed', fenPerPoint: 10 });
    expect((await actorOf(env.deps, owner)).roles.map((r) => r.role)).toContain('merchant_staff');
    await expect(merchants.applyMerchant(env.deps, plainActor(owner.id), {
      communityId: tree.communityA.id, name: 'x', licenceNo: '91420100MA4K0001XY', address: 'x', category: 'x', offerSummary: 'x', contactName: 'x', contactPhone: '13912340000',
    })).rejects.toMatchObject({ code: 'LICENCE_TAKEN' });
  });

  it('sells exactly 100 of stock 100 to 1,000 concurrent orders, with balances and stock consistent', { timeout: 120_000 }, async () => {
    const item = await catalog.createCatalogItem(env.deps, adminA, { kind: 'goods', communityId: tree.communityA.id, title: '食用油', description: '', category: '粮油', pricePoints: 30, stock: 100 });
    const buyers = [];
    for (let i = 0; i < 1000; i++) buyers.push(await richResident(50));
    const results = await Promise.allSettled(buyers.map((b, i) => orders.placeOrder(env.deps, b.actor, { itemId: item.id, idempotencyKey: `buy-${i}-xxxx` })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(900);
    expect(new Set(refused.map((r) => (r.reason as { code: string }).code))).toEqual(new Set(['OUT_OF_STOCK']));
    const after = await catalog.findItem(env.deps.db, item.id);
    expect(Number(after!.stock)).toBe(0);
    const balances = await Promise.all(buyers.map((b) => balance(b.id)));
    expect(balances.filter((b) => b === 20)).toHaveLength(100);
    expect(balances.filter((b) => b === 50)).toHaveLength(900);
    expect((await verifyLedger(env.deps)).problems).toEqual([]);
  });

  it('redeems a voucher once from 10 parallel requests; a retry with the same key succeeds', async () => {
    const offer = await catalog.createCatalogItem(env.deps, plainActor(owner.id), { kind: 'offer', merchantId, title: '免费理发', description: '', category: '生活服务', pricePoints: 20, perPersonLimit: 1 });
    const buyer = await richResident(100);
    const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'haircut-1-xxx' });
    const again = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'haircut-1-xxx' });
    expect(again.id).toBe(v.id);
    await expect(orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'haircut-2-xxx' })).rejects.toMatchObject({ code: 'ORDER_LIMIT', params: { limit: 1, count: 1 } });
    const staff = plainActor(owner.id);
    const tries = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => orders.redeemVoucher(env.deps, staff, { code: v.qrPayload, redeemKey: `scan-${i}-xxxx` })));
    expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = tries.findIndex((r) => r.status === 'fulfilled');
    expect(tries.filter((r) => r.status === 'rejected').every((r) => ((r as PromiseRejectedResult).reason as { code: string }).code === 'VOUCHER_REDEEMED')).toBe(true);
    const retry = await orders.redeemVoucher(env.deps, staff, { code: v.shortCode.toLowerCase(), redeemKey: `scan-${winner}-xxxx` });
    expect(retry.status).toBe('redeemed');
    await expect(orders.cancelOrder(env.deps, buyer.actor, v.id)).rejects.toMatchObject({ code: 'VOUCHER_REDEEMED' });
    const rated = await orders.rateVoucher(env.deps, buyer.actor, v.id, { score: 5, comment: '手艺好' });
    expect(rated.rated).toBe(true);
    await expect(orders.rateVoucher(env.deps, buyer.actor, v.id, { score: 4 })).rejects.toMatchObject({ code: 'RATING_DUPLICATE' });
  });

  it('refuses a voucher of another merchant, a forged code, a cancelled and an expired one', async () => {
    const goods = await catalog.createCatalogItem(env.deps, adminA, { kind: 'goods', communityId: tree.communityA.id, title: '挂面', description: '', category: '粮油', pricePoints: 5, stock: 10, voucherDays: 7 });
    const buyer = await richResident(100);
    const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: goods.id, idempotencyKey: 'noodles-1-xx' });
    await expect(orders.redeemVoucher(env.deps, plainActor(owner.id), { code: v.qrPayload, redeemKey: 'k-1-xxxxxx' })).rejects.toMatchObject({ code: 'VOUCHER_OTHER_MERCHANT' });
    await expect(orders.redeemVoucher(env.deps, adminA, { code: `${v.qrPayload.slice(0, -3)}abc`, redeemKey: 'k-2-xxxxxx' })).rejects.toMatchObject({ code: 'VOUCHER_INVALID' });
    const c = await orders.cancelOrder(env.deps, buyer.actor, v.id);
    expect(c.status).toBe('cancelled');
    expect(await balance(buyer.id)).toBe(100);
    await expect(orders.redeemVoucher(env.deps, adminA, { code: v.shortCode, redeemKey: 'k-3-xxxxxx' })).rejects.toMatchObject({ code: 'VOUCHER_CANCELLED' });
    const v2 = await orders.placeOrder(env.deps, buyer.actor, { itemId: goods.id, idempotencyKey: 'noodles-2-xx' });
    env.clock.advance(8 * 86_400_000);
    await expect(orders.redeemVoucher(env.deps, adminA, { code: v2.shortCode, redeemKey: 'k-4-xxxxxx' })).rejects.toMatchObject({ code: 'VOUCHER_EXPIRED' });
    expect(await orders.expireVouchers(env.deps)).toBeGreaterThanOrEqual(1);
    expect(await orders.expireVouchers(env.deps)).toBe(0);
    expect(await balance(buyer.id)).toBe(100);
    expect(Number((await catalog.findItem(env.deps.db, goods.id))!.stock)).toBe(10);
    env.clock.advance(-8 * 86_400_000);
  });

  it('settles a month, closes it once, and refunds an exited merchant’s open vouchers exactly once', async () => {
    const offer = await catalog.createCatalogItem(env.deps, plainActor(owner.id), { kind: 'offer', merchantId, title: '洗剪吹', description: '', category: '生活服务', pricePoints: 15 });
    const buyer = await richResident(100);
    const used = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'wash-1-xxxx' });
    await orders.redeemVoucher(env.deps, plainActor(owner.id), { code: used.shortCode, redeemKey: 'wash-scan-1' });
    const open = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'wash-2-xxxx' });
    const month = new Date(env.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 7);
    const live = await settlement.getMerchantStatement(env.deps, plainActor(owner.id), merchantId, month);
    expect(live).toMatchObject({ closed: false, fenPerPoint: 10 });
    expect(live.lines.map((l) => l.orderId)).toContain(used.id);
    expect(live.amountFen).toBe(live.points * 10);
    await expect(settlement.closeMerchantStatement(env.deps, adminA, merchantId, month)).rejects.toMatchObject({ code: 'MONTH_NOT_OVER' });
    await expect(settlement.closeMerchantStatement(env.deps, plainActor(owner.id), merchantId, '2026-01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    env.clock.advance(40 * 86_400_000);
    const closed = await settlement.closeMerchantStatement(env.deps, adminA, merchantId, month);
    expect(closed).toMatchObject({ closed: true, points: live.points });
    await expect(settlement.closeMerchantStatement(env.deps, adminA, merchantId, month)).rejects.toMatchObject({ code: 'STATEMENT_CLOSED' });
    const file = await settlement.exportMerchantStatement(env.deps, adminA, merchantId, month);
    expect(file.file.subarray(0, 2).toString()).toBe('PK');
    env.clock.advance(-40 * 86_400_000);

    const before = await balance(buyer.id);
    const evaluation = await merchants.evaluateMerchant(env.deps, adminA, merchantId, { year: 2026, decision: 'exit', note: '投诉较多' });
    expect(evaluation.merchant.status).toBe('exited');
    expect(evaluation.refunded).toBeGreaterThanOrEqual(1);
    expect(await orders.refundOrders(env.deps, { merchantId, reason: 'merchant_exit' })).toBe(0);
    expect(await balance(buyer.id)).toBe(before + 15);
    const refunds = await env.deps.db.selectFrom('journals').select('id').where('idempotency_key', '=', `refund:order:${open.id}`).execute();
    expect(refunds).toHaveLength(1);
    const list = await catalog.listCatalog(env.deps, buyer.actor, { merchantId });
    expect(list.items).toEqual([]);
    await expect(orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'wash-3-xxxx' })).rejects.toMatchObject({ code: 'ITEM_UNAVAILABLE' });
    expect((await verifyLedger(env.deps)).problems).toEqual([]);
  });
});
