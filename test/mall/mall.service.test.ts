// Service tests of the mall on both databases, one behaviour per test, each building its own merchant, items and
// residents: the alliance lifecycle, orders (stock under concurrency, keys, limits, visibility), redemption once,
// refunds once (cancel, expiry, exit), settlement, and "not yet filed" for the applicant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  plainActor,
  type TestEnv,
  type Tree,
  useClock,
} from '../support.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { refundJournal } from '../../src/server/modules/ledger/index.js';
import { verifyLedger } from '../../src/server/modules/ledger/ledger.public.js';
import * as catalog from '../../src/server/modules/mall/catalog.service.js';
import * as merchants from '../../src/server/modules/mall/merchants.service.js';
import * as orders from '../../src/server/modules/mall/orders.service.js';
import * as refunds from '../../src/server/modules/mall/refunds.service.js';
import * as settlement from '../../src/server/modules/mall/settlement.service.js';
import {
  appliedMerchant,
  balance,
  filedMerchant,
  goodsOf,
  nextLicence,
  offerOf,
  richResident,
  staffOf,
  stockOf,
} from './mall.fixtures.js';

const DAY = 86_400_000;

describe.each(DIALECTS)('points mall on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let adminA: ReturnType<typeof staffOf>['adminA'];
  let streetA: ReturnType<typeof staffOf>['streetA'];

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    ({ adminA, streetA } = staffOf(tree));
  });
  afterAll(() => env.close());
  useClock(() => env);

  describe('alliance', () => {
    it('refuses filing before the community review', async () => {
      const { merchantId } = await appliedMerchant(env, tree.communityA);
      await expect(merchants.fileMerchant(env.deps, streetA, merchantId, { fenPerPoint: 10 })).rejects.toMatchObject({
        code: 'MERCHANT_STATE',
        params: { status: 'applied', action: 'file' },
      });
    });

    it('requires a reason to reject', async () => {
      const { merchantId } = await appliedMerchant(env, tree.communityA);
      await expect(
        merchants.reviewMerchant(env.deps, adminA, merchantId, { decision: 'reject', reason: '  ' }),
      ).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    });

    it('lets the community review and only the street file; the applicant becomes staff', async () => {
      const { merchantId, owner } = await appliedMerchant(env, tree.communityA);
      expect((await merchants.reviewMerchant(env.deps, adminA, merchantId, { decision: 'approve' })).status).toBe(
        'reviewed',
      );
      await expect(merchants.fileMerchant(env.deps, adminA, merchantId, { fenPerPoint: 10 })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const filed = await merchants.fileMerchant(env.deps, streetA, merchantId, {
        fenPerPoint: 10,
        fundName: '街道慈善基金',
      });
      expect(filed).toMatchObject({ status: 'filed', fenPerPoint: 10, fundName: '街道慈善基金' });
      expect((await actorOf(env.deps, owner)).roles.map((r) => r.role)).toEqual(['merchant_staff']);
    });

    it('refuses a second application with the same licence in the district', async () => {
      const licenceNo = nextLicence();
      const input = {
        communityId: tree.communityA.id,
        name: 'x',
        licenceNo,
        address: 'x',
        category: 'x',
        offerSummary: 'x',
        contactName: 'x',
        contactPhone: '13912340000',
      };
      const u = await makeUser(env.deps, { home: tree.communityA });
      await merchants.applyMerchant(env.deps, plainActor(u.id), input);
      await expect(merchants.applyMerchant(env.deps, plainActor(u.id), input)).rejects.toMatchObject({
        code: 'LICENCE_TAKEN',
      });
    });

    it('tells the applicant of a shop not yet filed so, and anyone else that it does not exist', async () => {
      const { merchantId, ownerActor } = await appliedMerchant(env, tree.communityA);
      const offer = { kind: 'offer' as const, merchantId, title: '理发', category: '生活服务', pricePoints: 5 };
      await expect(catalog.createCatalogItem(env.deps, ownerActor, offer)).rejects.toMatchObject({
        code: 'MERCHANT_NOT_FILED',
      });
      await expect(settlement.getMerchantStatement(env.deps, ownerActor, merchantId, '2026-11')).rejects.toMatchObject({
        code: 'MERCHANT_NOT_FILED',
      });
      const stranger = plainActor((await makeUser(env.deps, { home: tree.communityA })).id);
      await expect(catalog.createCatalogItem(env.deps, stranger, offer)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        params: { entity: 'merchant' },
      });
      await expect(settlement.getMerchantStatement(env.deps, stranger, merchantId, '2026-11')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        params: { entity: 'merchant' },
      });
    });
  });

  describe('orders', () => {
    it(
      'sells exactly 100 of stock 100 to 1,000 concurrent orders, with balances and stock consistent',
      { timeout: 180_000 },
      async () => {
        const item = await goodsOf(env, tree, { title: '食用油', pricePoints: 30, stock: 100 });
        const buyers = [];
        for (let i = 0; i < 1000; i++) buyers.push(await richResident(env, tree, 50));
        const results = await Promise.allSettled(
          buyers.map((b, i) =>
            orders.placeOrder(env.deps, b.actor, { itemId: item.id, idempotencyKey: `buy-${i}-xxxx` }),
          ),
        );
        const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
        expect(refused).toHaveLength(900);
        expect(new Set(refused.map((r) => (r.reason as { code: string }).code))).toEqual(new Set(['OUT_OF_STOCK']));
        expect(await stockOf(env, item.id)).toBe(0);
        const balances = await Promise.all(buyers.map((b) => balance(env, b.id)));
        expect(balances.filter((b) => b === 20)).toHaveLength(100);
        expect(balances.filter((b) => b === 50)).toHaveLength(900);
        expect((await verifyLedger(env.deps)).problems).toEqual([]);
      },
    );

    it('answers a retry with the same key with the first voucher, charging once', async () => {
      const item = await goodsOf(env, tree, { pricePoints: 5, stock: 10 });
      const buyer = await richResident(env, tree, 100);
      const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: item.id, idempotencyKey: 'retry-key-01' });
      const again = await orders.placeOrder(env.deps, buyer.actor, { itemId: item.id, idempotencyKey: 'retry-key-01' });
      expect(again).toEqual(v);
      expect(await balance(env, buyer.id)).toBe(95);
      expect(await stockOf(env, item.id)).toBe(9);
    });

    it('refuses the same key for another item with IDEMPOTENCY_CONFLICT and charges nothing more', async () => {
      const a = await goodsOf(env, tree, { pricePoints: 5, stock: 10 });
      const b = await goodsOf(env, tree, { pricePoints: 7, stock: 10, title: '大米' });
      const buyer = await richResident(env, tree, 100);
      await orders.placeOrder(env.deps, buyer.actor, { itemId: a.id, idempotencyKey: 'conflict-key-1' });
      await expect(
        orders.placeOrder(env.deps, buyer.actor, { itemId: b.id, idempotencyKey: 'conflict-key-1' }),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
      expect(await balance(env, buyer.id)).toBe(95);
      expect(await stockOf(env, b.id)).toBe(10);
    });

    it('enforces the per-person limit', async () => {
      const { merchantId, ownerActor } = await filedMerchant(env, tree);
      const offer = await offerOf(env, ownerActor, merchantId, { perPersonLimit: 1 });
      const buyer = await richResident(env, tree, 100);
      await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'limit-key-1' });
      await expect(
        orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'limit-key-2' }),
      ).rejects.toMatchObject({ code: 'ORDER_LIMIT', params: { limit: 1, count: 1 } });
      expect(await balance(env, buyer.id)).toBe(80);
    });

    it('refuses an item past its valid-until instant', async () => {
      const item = await goodsOf(env, tree, { validUntil: new Date(env.clock.now().getTime() + DAY).toISOString() });
      const buyer = await richResident(env, tree, 100);
      env.clock.advance(DAY);
      await expect(
        orders.placeOrder(env.deps, buyer.actor, { itemId: item.id, idempotencyKey: 'late-key-01' }),
      ).rejects.toMatchObject({ code: 'ITEM_UNAVAILABLE' });
      expect(await balance(env, buyer.id)).toBe(100);
    });
  });

  describe('visible_to', () => {
    it('lets a resident of the listed community order, list and fetch the item', async () => {
      const item = await goodsOf(env, tree, { visibleTo: [tree.communityA.id] });
      const buyer = await richResident(env, tree, 100, tree.gridA);
      expect((await catalog.listCatalog(env.deps, buyer.actor, { limit: 100 })).items.map((i) => i.id)).toContain(
        item.id,
      );
      expect((await catalog.getCatalogItem(env.deps, buyer.actor, item.id)).id).toBe(item.id);
      expect(
        (await orders.placeOrder(env.deps, buyer.actor, { itemId: item.id, idempotencyKey: 'visible-key1' })).status,
      ).toBe('active');
    });

    it('hides the item from a resident of another community: not listed, not found, not orderable', async () => {
      const item = await goodsOf(env, tree, { visibleTo: [tree.communityA.id] });
      const outsider = await richResident(env, tree, 100, tree.communityB);
      expect(
        (await catalog.listCatalog(env.deps, outsider.actor, { limit: 100 })).items.map((i) => i.id),
      ).not.toContain(item.id);
      await expect(catalog.getCatalogItem(env.deps, outsider.actor, item.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        params: { entity: 'catalog_item' },
      });
      await expect(
        orders.placeOrder(env.deps, outsider.actor, { itemId: item.id, idempotencyKey: 'hidden-key1' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', params: { entity: 'catalog_item' } });
      expect(await balance(env, outsider.id)).toBe(100);
      expect(await stockOf(env, item.id)).toBe(10);
    });

    it('hides an item past valid_until from residents but not from its staff', async () => {
      const item = await goodsOf(env, tree, { validUntil: new Date(env.clock.now().getTime() + DAY).toISOString() });
      const buyer = await richResident(env, tree, 0);
      env.clock.advance(DAY);
      await expect(catalog.getCatalogItem(env.deps, buyer.actor, item.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await catalog.getCatalogItem(env.deps, adminA, item.id)).id).toBe(item.id);
    });
  });

  describe('redemption', () => {
    async function voucherAtShop() {
      const shop = await filedMerchant(env, tree);
      const offer = await offerOf(env, shop.ownerActor, shop.merchantId);
      const buyer = await richResident(env, tree, 100);
      const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'haircut-key-1' });
      return { ...shop, offer, buyer, v };
    }

    it('redeems a voucher once from 10 parallel requests with different keys', async () => {
      const { ownerActor, v } = await voucherAtShop();
      const tries = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          orders.redeemVoucher(env.deps, ownerActor, { code: v.qrPayload, redeemKey: `scan-${i}-xxxx` }),
        ),
      );
      expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(tries.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code: string }).code)).toEqual(
        Array(9).fill('VOUCHER_REDEEMED'),
      );
    });

    it('answers a retry with the same redeemKey with the same success', async () => {
      const { ownerActor, v } = await voucherAtShop();
      const first = await orders.redeemVoucher(env.deps, ownerActor, { code: v.qrPayload, redeemKey: 'scan-retry-1' });
      const retry = await orders.redeemVoucher(env.deps, ownerActor, {
        code: v.shortCode.toLowerCase(),
        redeemKey: 'scan-retry-1',
      });
      expect(retry).toEqual(first);
      expect(retry.status).toBe('redeemed');
    });

    it('refuses a used redeemKey on another voucher with IDEMPOTENCY_CONFLICT', async () => {
      const { ownerActor, offer, v } = await voucherAtShop();
      const other = await richResident(env, tree, 100);
      const v2 = await orders.placeOrder(env.deps, other.actor, { itemId: offer.id, idempotencyKey: 'haircut-key-2' });
      await orders.redeemVoucher(env.deps, ownerActor, { code: v.qrPayload, redeemKey: 'scan-used-01' });
      await expect(
        orders.redeemVoucher(env.deps, ownerActor, { code: v2.qrPayload, redeemKey: 'scan-used-01' }),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
      expect((await orders.getVoucher(env.deps, other.actor, v2.id)).status).toBe('active');
    });

    it('refuses to cancel a redeemed voucher', async () => {
      const { ownerActor, buyer, v } = await voucherAtShop();
      await orders.redeemVoucher(env.deps, ownerActor, { code: v.qrPayload, redeemKey: 'scan-cancel-1' });
      await expect(orders.cancelOrder(env.deps, buyer.actor, v.id)).rejects.toMatchObject({ code: 'VOUCHER_REDEEMED' });
      expect(await balance(env, buyer.id)).toBe(80);
    });

    it('takes one rating per redeemed voucher', async () => {
      const { ownerActor, buyer, v } = await voucherAtShop();
      await expect(orders.rateVoucher(env.deps, buyer.actor, v.id, { score: 5 })).rejects.toMatchObject({
        code: 'RATING_NOT_ALLOWED',
      });
      await orders.redeemVoucher(env.deps, ownerActor, { code: v.qrPayload, redeemKey: 'scan-rate-01' });
      expect((await orders.rateVoucher(env.deps, buyer.actor, v.id, { score: 5, comment: '手艺好' })).rated).toBe(true);
      await expect(orders.rateVoucher(env.deps, buyer.actor, v.id, { score: 4 })).rejects.toMatchObject({
        code: 'RATING_DUPLICATE',
      });
    });

    it('refuses a voucher of another payee and a forged code', async () => {
      const { ownerActor } = await voucherAtShop();
      const goods = await goodsOf(env, tree);
      const buyer = await richResident(env, tree, 100);
      const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: goods.id, idempotencyKey: 'noodles-1-xx' });
      await expect(
        orders.redeemVoucher(env.deps, ownerActor, { code: v.qrPayload, redeemKey: 'k-1-xxxxxx' }),
      ).rejects.toMatchObject({ code: 'VOUCHER_OTHER_MERCHANT', params: { what: 'supermarket' } });
      await expect(
        orders.redeemVoucher(env.deps, adminA, { code: `${v.qrPayload.slice(0, -3)}abc`, redeemKey: 'k-2-xxxxxx' }),
      ).rejects.toMatchObject({ code: 'VOUCHER_INVALID' });
    });
  });

  describe('refunds', () => {
    it('cancels a voucher: points and stock come back, and it can no longer be redeemed', async () => {
      const goods = await goodsOf(env, tree, { pricePoints: 5, stock: 10 });
      const buyer = await richResident(env, tree, 100);
      const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: goods.id, idempotencyKey: 'cancel-key-1' });
      expect((await orders.cancelOrder(env.deps, buyer.actor, v.id)).status).toBe('cancelled');
      expect(await balance(env, buyer.id)).toBe(100);
      expect(await stockOf(env, goods.id)).toBe(10);
      await expect(
        orders.redeemVoucher(env.deps, adminA, { code: v.shortCode, redeemKey: 'k-3-xxxxxx' }),
      ).rejects.toMatchObject({ code: 'VOUCHER_CANCELLED' });
    });

    it('expires exactly the vouchers past their date, once, refunding points and stock', async () => {
      // The only vouchers of this file shorter than 30 days are these, so expiry after 8 days touches only them.
      const goods = await goodsOf(env, tree, { pricePoints: 5, stock: 10, voucherDays: 7 });
      const buyer = await richResident(env, tree, 100);
      const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: goods.id, idempotencyKey: 'expire-key-1' });
      await orders.placeOrder(env.deps, buyer.actor, { itemId: goods.id, idempotencyKey: 'expire-key-2' });
      env.clock.advance(8 * DAY);
      await expect(
        orders.redeemVoucher(env.deps, adminA, { code: v.shortCode, redeemKey: 'k-4-xxxxxx' }),
      ).rejects.toMatchObject({ code: 'VOUCHER_EXPIRED' });
      expect(await refunds.expireVouchers(env.deps)).toBe(2);
      expect(await refunds.expireVouchers(env.deps)).toBe(0);
      expect(await balance(env, buyer.id)).toBe(100);
      expect(await stockOf(env, goods.id)).toBe(10);
      expect((await orders.getVoucher(env.deps, buyer.actor, v.id)).status).toBe('expired');
    });

    it('refundJournal posts the negated journal once, carrying its reference', async () => {
      const goods = await goodsOf(env, tree, { pricePoints: 5 });
      const buyer = await richResident(env, tree, 100);
      const v = await orders.placeOrder(env.deps, buyer.actor, { itemId: goods.id, idempotencyKey: 'refund-key-1' });
      const order = await env.deps.db
        .selectFrom('orders')
        .select(['journal_id'])
        .where('id', '=', v.id)
        .executeTakeFirstOrThrow();
      const input = {
        districtId: tree.district.id,
        journalId: order.journal_id,
        reason: '测试退还',
        idempotencyKey: `test-refund:${v.id}`,
        actorId: null,
      };
      const first = await inTransaction(env.deps.db, ({ trx }) => refundJournal(env.deps, trx, input));
      const again = await inTransaction(env.deps.db, ({ trx }) => refundJournal(env.deps, trx, input));
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, journal: { id: first.journal.id } });
      expect(first.journal).toMatchObject({
        type: 'refund',
        ref_type: 'order',
        ref_id: v.id,
        community_id: tree.communityA.id,
      });
      expect(await balance(env, buyer.id)).toBe(100);
    });
  });

  describe('settlement and evaluation', () => {
    it('settles a month live, closes it once after the month, and exports it', async () => {
      const { merchantId, ownerActor } = await filedMerchant(env, tree);
      const offer = await offerOf(env, ownerActor, merchantId, { pricePoints: 15 });
      const buyer = await richResident(env, tree, 100);
      const used = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'wash-1-xxxx' });
      await orders.redeemVoucher(env.deps, ownerActor, { code: used.shortCode, redeemKey: 'wash-scan-1' });
      const live = await settlement.getMerchantStatement(env.deps, ownerActor, merchantId, '2026-11');
      expect(live).toMatchObject({ closed: false, vouchers: 1, points: 15, fenPerPoint: 10, amountFen: 150 });
      expect(live.lines.map((l) => l.orderId)).toEqual([used.id]);
      await expect(settlement.closeMerchantStatement(env.deps, adminA, merchantId, '2026-11')).rejects.toMatchObject({
        code: 'MONTH_NOT_OVER',
      });
      await expect(
        settlement.closeMerchantStatement(env.deps, ownerActor, merchantId, '2026-11'),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      env.clock.advance(10 * DAY);
      expect(await settlement.closeMerchantStatement(env.deps, adminA, merchantId, '2026-11')).toMatchObject({
        closed: true,
        points: 15,
        amountFen: 150,
      });
      await expect(settlement.closeMerchantStatement(env.deps, adminA, merchantId, '2026-11')).rejects.toMatchObject({
        code: 'STATEMENT_CLOSED',
      });
      const file = await settlement.exportMerchantStatement(env.deps, adminA, merchantId, '2026-11');
      expect(file.file.subarray(0, 2).toString()).toBe('PK');
    });

    it('on exit takes the offers down and refunds exactly the open vouchers, once', async () => {
      const { merchantId, ownerActor } = await filedMerchant(env, tree);
      const offer = await offerOf(env, ownerActor, merchantId, { pricePoints: 15 });
      const buyer = await richResident(env, tree, 100);
      const used = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'exit-1-xxxx' });
      await orders.redeemVoucher(env.deps, ownerActor, { code: used.shortCode, redeemKey: 'exit-scan-1' });
      const open = await orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'exit-2-xxxx' });
      const evaluation = await merchants.evaluateMerchant(env.deps, adminA, merchantId, {
        year: 2026,
        decision: 'exit',
        note: '投诉较多',
      });
      expect(evaluation).toMatchObject({
        merchant: { status: 'exited', exitReason: '投诉较多' },
        redemptions: 1,
        refunded: 1,
      });
      expect(await refunds.refundOrders(env.deps, { districtId: tree.district.id, merchantId })).toBe(0);
      expect(await balance(env, buyer.id)).toBe(85);
      const refundsOfOpen = await env.deps.db
        .selectFrom('journals')
        .select(['type', 'ref_id'])
        .where('idempotency_key', '=', `refund:order:${open.id}`)
        .execute();
      expect(refundsOfOpen).toEqual([{ type: 'refund', ref_id: open.id }]);
      expect((await catalog.listCatalog(env.deps, buyer.actor, { merchantId, limit: 20 })).items).toEqual([]);
      await expect(
        orders.placeOrder(env.deps, buyer.actor, { itemId: offer.id, idempotencyKey: 'exit-3-xxxx' }),
      ).rejects.toMatchObject({ code: 'ITEM_UNAVAILABLE' });
      expect((await verifyLedger(env.deps)).problems).toEqual([]);
    });

    it('evaluates a year once and only filed merchants', async () => {
      const { merchantId } = await filedMerchant(env, tree);
      expect(
        (await merchants.evaluateMerchant(env.deps, adminA, merchantId, { year: 2026, decision: 'renew' })).merchant
          .status,
      ).toBe('filed');
      await expect(
        merchants.evaluateMerchant(env.deps, adminA, merchantId, { year: 2026, decision: 'renew' }),
      ).rejects.toMatchObject({ code: 'EVALUATION_EXISTS' });
      const applied = await appliedMerchant(env, tree.communityA);
      await expect(
        merchants.evaluateMerchant(env.deps, adminA, applied.merchantId, { year: 2026, decision: 'exit' }),
      ).rejects.toMatchObject({ code: 'MERCHANT_STATE', params: { status: 'applied', action: 'evaluate' } });
    });
  });
});
