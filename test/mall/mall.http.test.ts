// HTTP tests of the mall, one behaviour per test: no session, bad input (exact zh-CN messages), other scope (404),
// and the happy path of every operation. Each test builds its own merchant, items and residents.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anon,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  type TestEnv,
  testApp,
  type Tree,
  useClock,
} from '../support.js';
import type * as orders from '../../src/server/modules/mall/orders.service.js';
import type { OrgNode } from '../../src/server/modules/org/index.js';
import { appliedMerchant, award, balance, filedMerchant, goodsOf, nextLicence, offerOf } from './mall.fixtures.js';

const DAY = 86_400_000;
const LONG_ID = 'x'.repeat(65);

describe.each(DIALECTS)('mall API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminA: Client;
  let adminB: Client;
  let street: Client;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    street = await clientFor(app, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  /** A logged-in resident of a community with points. */
  async function resident(points = 100, home: OrgNode = tree.communityA): Promise<Client> {
    const u = await makeUser(env.deps, { home });
    if (points > 0) await award(env, tree, u.id, points);
    return clientFor(app, u);
  }

  /** A filed shop whose owner is logged in, with one offer (20 points). */
  async function shopWithOffer(name = '便民理发') {
    const shop = await filedMerchant(env, tree, name);
    const offer = await offerOf(env, shop.ownerActor, shop.merchantId);
    return { ...shop, offer, client: await clientFor(app, shop.owner) };
  }

  /** A resident's voucher for a shop's offer. */
  async function voucherAt(shop: Awaited<ReturnType<typeof shopWithOffer>>) {
    const buyer = await resident();
    const v = (
      await buyer.request('POST', '/api/v1/orders', { itemId: shop.offer.id, idempotencyKey: 'voucher-key-01' })
    ).json<orders.Voucher>();
    return { buyer, v };
  }

  it('answers 401 without a session', async () => {
    for (const [m, u] of [
      ['GET', '/api/v1/catalog'],
      ['GET', '/api/v1/catalog/x'],
      ['POST', '/api/v1/orders'],
      ['POST', '/api/v1/orders/x/cancel'],
      ['GET', '/api/v1/me/vouchers'],
      ['GET', '/api/v1/me/vouchers/x'],
      ['POST', '/api/v1/vouchers/redeem'],
      ['POST', '/api/v1/merchants'],
      ['GET', '/api/v1/merchants'],
      ['POST', '/api/v1/merchants/x/evaluate'],
      ['GET', '/api/v1/mall/redemption-stats'],
    ] as const) {
      expect([u, (await anon(app, m, u, m === 'GET' ? undefined : {})).statusCode]).toEqual([u, 401]);
    }
  });

  describe('merchants', () => {
    it('applyMerchant refuses bad input with one message per field', async () => {
      const shop = await resident(0);
      const bad = await shop.request('POST', '/api/v1/merchants', {
        communityId: tree.communityA.id,
        name: '',
        licenceNo: 'abc',
        address: 'x',
        category: 'x',
        offerSummary: 'x',
        contactName: 'x',
        contactPhone: '123',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message:
          '请求参数不正确：名称：不能为空，且不超过40个字；licenceNo：统一社会信用代码应为15至18位数字或大写字母；联系电话：请输入11位中国大陆手机号',
      });
      expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['name', 'licenceNo', 'contactPhone']);
    });

    it('applyMerchant files an application in the applied state', async () => {
      const shop = await resident(0);
      const res = await shop.request('POST', '/api/v1/merchants', {
        communityId: tree.communityA.id,
        name: '便民理发',
        licenceNo: nextLicence(),
        address: '商业街 3 号',
        category: '理发',
        offerSummary: '老人免费理发',
        contactName: '刘师傅',
        contactPhone: '13912349999',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        status: 'applied',
        name: '便民理发',
        contactPhoneMasked: '139****9999',
        isMine: false,
      });
    });

    it('reviewMerchant is the own community’s: another community gets 404', async () => {
      const { merchantId } = await appliedMerchant(env, tree.communityA);
      const other = await adminB.request('POST', `/api/v1/merchants/${merchantId}/review`, { decision: 'approve' });
      expect([other.statusCode, other.json().message]).toEqual([404, '商户不存在']);
      expect(
        (await adminA.request('POST', `/api/v1/merchants/${merchantId}/review`, { decision: 'approve' })).json().status,
      ).toBe('reviewed');
    });

    it('fileMerchant is the street’s: the community gets 404', async () => {
      const { merchantId } = await appliedMerchant(env, tree.communityA);
      await adminA.request('POST', `/api/v1/merchants/${merchantId}/review`, { decision: 'approve' });
      expect(
        (await adminA.request('POST', `/api/v1/merchants/${merchantId}/file`, { fenPerPoint: 10 })).statusCode,
      ).toBe(404);
      const filed = await street.request('POST', `/api/v1/merchants/${merchantId}/file`, {
        fenPerPoint: 10,
        fundName: '街道基金',
      });
      expect(filed.json()).toMatchObject({ status: 'filed', fenPerPoint: 10, fundName: '街道基金' });
    });

    it('listMerchants shows residents filed shops and their own application', async () => {
      const filed = await filedMerchant(env, tree, '已备案小店');
      const applied = await appliedMerchant(env, tree.communityA, '申请中小店');
      const someone = await resident(0);
      const ids = (await someone.request('GET', '/api/v1/merchants?limit=200'))
        .json()
        .items.map((m: { id: string }) => m.id);
      expect(ids).toContain(filed.merchantId);
      expect(ids).not.toContain(applied.merchantId);
      const applicant = await clientFor(app, applied.owner);
      const mine = (await applicant.request('GET', '/api/v1/merchants?mine=true')).json().items;
      expect(mine.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
        [applied.merchantId, 'applied'],
      ]);
    });

    it('listMerchants shows applications in scope only', async () => {
      const applied = await appliedMerchant(env, tree.communityA);
      const idsOf = async (c: Client) =>
        (await c.request('GET', '/api/v1/merchants?status=applied&limit=200'))
          .json()
          .items.map((m: { id: string }) => m.id);
      expect(await idsOf(adminA)).toContain(applied.merchantId);
      expect(await idsOf(adminB)).not.toContain(applied.merchantId);
    });

    it('listMerchants refuses an unknown status', async () => {
      const res = await adminA.request('GET', '/api/v1/merchants?status=open');
      expect([res.statusCode, res.json().message]).toEqual([
        400,
        '请求参数不正确：状态：无效选项：期望以下之一 "applied"|"reviewed"|"filed"|"rejected"|"exited"',
      ]);
    });

    it('evaluateMerchant renews with the year’s figures', async () => {
      const { merchantId } = await filedMerchant(env, tree);
      const res = await adminA.request('POST', `/api/v1/merchants/${merchantId}/evaluate`, {
        year: 2026,
        decision: 'renew',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        merchant: { id: merchantId, status: 'filed' },
        ratingX10: null,
        ratings: 0,
        complaints: 0,
        redemptions: 0,
        refunded: 0,
      });
    });

    it('evaluateMerchant refuses a year out of range', async () => {
      const { merchantId } = await filedMerchant(env, tree);
      const res = await adminA.request('POST', `/api/v1/merchants/${merchantId}/evaluate`, {
        year: 1999,
        decision: 'renew',
      });
      expect([res.statusCode, res.json().message]).toEqual([400, '请求参数不正确：年份：不能小于 2000']);
    });

    it('evaluateMerchant is the own community’s: another community gets 404', async () => {
      const { merchantId } = await filedMerchant(env, tree);
      const res = await adminB.request('POST', `/api/v1/merchants/${merchantId}/evaluate`, {
        year: 2026,
        decision: 'exit',
      });
      expect([res.statusCode, res.json().message]).toEqual([404, '商户不存在']);
    });

    it('evaluateMerchant with exit refunds the open vouchers', async () => {
      const shop = await shopWithOffer();
      const { buyer } = await voucherAt(shop);
      const res = await adminA.request('POST', `/api/v1/merchants/${shop.merchantId}/evaluate`, {
        year: 2026,
        decision: 'exit',
      });
      expect(res.json()).toMatchObject({ merchant: { status: 'exited', exitReason: '年度评议未通过' }, refunded: 1 });
      expect(await balance(env, buyer.userId)).toBe(100);
    });
  });

  describe('catalog', () => {
    it('createCatalogItem lets the shop publish an offer and answers 404 to a resident', async () => {
      const { merchantId, owner } = await filedMerchant(env, tree);
      const body = {
        kind: 'offer',
        merchantId,
        title: '老人免费理发',
        category: '生活服务',
        pricePoints: 20,
        perPersonLimit: 2,
      };
      expect((await (await resident(0)).request('POST', '/api/v1/catalog', body)).statusCode).toBe(404);
      const res = await (await clientFor(app, owner)).request('POST', '/api/v1/catalog', body);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        kind: 'offer',
        merchantId,
        title: '老人免费理发',
        status: 'active',
        perPersonLimit: 2,
      });
    });

    it('createCatalogItem tells the applicant their shop is not filed yet', async () => {
      const { merchantId, owner } = await appliedMerchant(env, tree.communityA);
      const res = await (
        await clientFor(app, owner)
      ).request('POST', '/api/v1/catalog', {
        kind: 'offer',
        merchantId,
        title: '理发',
        category: '生活服务',
        pricePoints: 20,
      });
      expect([res.statusCode, res.json()]).toEqual([
        422,
        { code: 'MERCHANT_NOT_FILED', message: '商户尚未备案', details: null },
      ]);
    });

    it('getCatalogItem answers an orderable item as the list shows it', async () => {
      const item = await goodsOf(env, tree);
      const buyer = await resident(0);
      const listed = (await buyer.request('GET', '/api/v1/catalog?kind=goods&limit=100'))
        .json()
        .items.find((i: { id: string }) => i.id === item.id);
      const res = await buyer.request('GET', `/api/v1/catalog/${item.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(listed);
    });

    it('getCatalogItem refuses an over-long id', async () => {
      const res = await (await resident(0)).request('GET', `/api/v1/catalog/${LONG_ID}`);
      expect([res.statusCode, res.json().message]).toEqual([400, '请求参数不正确：编号：不能超过 64 个字']);
    });

    it('getCatalogItem answers 404 for an item past valid_until', async () => {
      const item = await goodsOf(env, tree, { validUntil: new Date(env.clock.now().getTime() + DAY).toISOString() });
      env.clock.advance(DAY);
      const res = await (await resident(0)).request('GET', `/api/v1/catalog/${item.id}`);
      expect([res.statusCode, res.json().message]).toEqual([404, '商品不存在']);
    });

    it('getCatalogItem answers 404 to a resident of a community the item is not for', async () => {
      const item = await goodsOf(env, tree, { visibleTo: [tree.communityA.id] });
      const res = await (await resident(0, tree.communityB)).request('GET', `/api/v1/catalog/${item.id}`);
      expect([res.statusCode, res.json().message]).toEqual([404, '商品不存在']);
      expect((await (await resident(0)).request('GET', `/api/v1/catalog/${item.id}`)).statusCode).toBe(200);
    });

    it('listCatalog leaves out items limited to another community', async () => {
      const item = await goodsOf(env, tree, { visibleTo: [tree.communityA.id] });
      const idsOf = async (c: Client) =>
        (await c.request('GET', '/api/v1/catalog?limit=100')).json().items.map((i: { id: string }) => i.id);
      expect(await idsOf(await resident(0, tree.communityB))).not.toContain(item.id);
      expect(await idsOf(await resident(0))).toContain(item.id);
    });

    it('listCatalog near a point answers one list without a cursor', async () => {
      await shopWithOffer();
      const res = await (await resident(0)).request('GET', '/api/v1/catalog?kind=offer&lat=30.5&lng=114.3');
      expect(res.json().nextCursor).toBeNull();
    });

    it('keeps the description on a partial edit and lists hidden items for staff only', async () => {
      const item = await goodsOf(env, tree, { title: '隐藏挂面' });
      const edited = await adminA.request('PATCH', `/api/v1/catalog/${item.id}`, { status: 'hidden' });
      expect(edited.json()).toMatchObject({ status: 'hidden', description: '' });
      expect(
        (await adminA.request('GET', '/api/v1/catalog?limit=100')).json().items.map((i: { id: string }) => i.id),
      ).not.toContain(item.id);
      expect(
        (await adminA.request('GET', '/api/v1/catalog?manage=true&limit=100'))
          .json()
          .items.map((i: { id: string }) => i.id),
      ).toContain(item.id);
    });
  });

  describe('orders and vouchers', () => {
    it('placeOrder requires an idempotency key', async () => {
      const item = await goodsOf(env, tree);
      const res = await (await resident()).request('POST', '/api/v1/orders', { itemId: item.id });
      expect([res.statusCode, res.json().message]).toEqual([400, '请求参数不正确：请求编号：不能为空']);
    });

    it('placeOrder charges the points and answers the voucher', async () => {
      const shop = await shopWithOffer();
      const buyer = await resident();
      const res = await buyer.request('POST', '/api/v1/orders', {
        itemId: shop.offer.id,
        idempotencyKey: 'order-key-0001',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'active', points: 20, merchantName: '便民理发', rated: false });
      expect(res.json().shortCode).toMatch(/^[2-9A-Z]{8}$/);
      expect((await buyer.request('GET', '/api/v1/me/points')).json().items[0].balance).toBe(80);
    });

    it('placeOrder answers the same key for another item with 409 IDEMPOTENCY_CONFLICT', async () => {
      const a = await goodsOf(env, tree);
      const b = await goodsOf(env, tree, { title: '大米' });
      const buyer = await resident();
      await buyer.request('POST', '/api/v1/orders', { itemId: a.id, idempotencyKey: 'order-key-0002' });
      const res = await buyer.request('POST', '/api/v1/orders', { itemId: b.id, idempotencyKey: 'order-key-0002' });
      expect([res.statusCode, res.json().code, res.json().message]).toEqual([
        409,
        'IDEMPOTENCY_CONFLICT',
        '该请求编号已用于另一笔不同的操作',
      ]);
    });

    it('placeOrder answers 404 to a resident of a community the item is not for', async () => {
      const item = await goodsOf(env, tree, { visibleTo: [tree.communityA.id] });
      const outsider = await resident(100, tree.communityB);
      const res = await outsider.request('POST', '/api/v1/orders', {
        itemId: item.id,
        idempotencyKey: 'order-key-0003',
      });
      expect([res.statusCode, res.json().message]).toEqual([404, '商品不存在']);
      expect(await balance(env, outsider.userId)).toBe(100);
    });

    it('cancelOrder gives the points back', async () => {
      const shop = await shopWithOffer();
      const { buyer, v } = await voucherAt(shop);
      const res = await buyer.request('POST', `/api/v1/orders/${v.id}/cancel`);
      expect([res.statusCode, res.json().status]).toEqual([200, 'cancelled']);
      expect(await balance(env, buyer.userId)).toBe(100);
    });

    it('cancelOrder answers 404 for someone else’s voucher', async () => {
      const { v } = await voucherAt(await shopWithOffer());
      const res = await (await resident()).request('POST', `/api/v1/orders/${v.id}/cancel`);
      expect([res.statusCode, res.json().message]).toEqual([404, '兑换券不存在']);
    });

    it('cancelOrder refuses an over-long id', async () => {
      const res = await (await resident()).request('POST', `/api/v1/orders/${LONG_ID}/cancel`);
      expect([res.statusCode, res.json().message]).toEqual([400, '请求参数不正确：编号：不能超过 64 个字']);
    });

    it('cancelOrder answers 409 for a redeemed voucher', async () => {
      const shop = await shopWithOffer();
      const { buyer, v } = await voucherAt(shop);
      await shop.client.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-01' });
      const res = await buyer.request('POST', `/api/v1/orders/${v.id}/cancel`);
      expect([res.statusCode, res.json().message]).toEqual([409, '该券已于 2026-11-25 10:00 核销，不能重复使用']);
    });

    it('getVoucher answers the holder’s voucher', async () => {
      const { buyer, v } = await voucherAt(await shopWithOffer());
      const res = await buyer.request('GET', `/api/v1/me/vouchers/${v.id}`);
      expect([res.statusCode, res.json()]).toEqual([200, v]);
    });

    it('getVoucher answers 404 for someone else’s voucher', async () => {
      const { v } = await voucherAt(await shopWithOffer());
      const res = await (await resident()).request('GET', `/api/v1/me/vouchers/${v.id}`);
      expect([res.statusCode, res.json().message]).toEqual([404, '兑换券不存在']);
    });

    it('getVoucher refuses an over-long id', async () => {
      const res = await (await resident()).request('GET', `/api/v1/me/vouchers/${LONG_ID}`);
      expect([res.statusCode, res.json().message]).toEqual([400, '请求参数不正确：编号：不能超过 64 个字']);
    });

    it('listMyVouchers lists only the holder’s vouchers, by status', async () => {
      const shop = await shopWithOffer();
      const { buyer, v } = await voucherAt(shop);
      await voucherAt(shop);
      expect((await buyer.request('GET', '/api/v1/me/vouchers')).json()).toEqual({ items: [v], nextCursor: null });
      expect((await buyer.request('GET', '/api/v1/me/vouchers?status=redeemed')).json()).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('listMyVouchers refuses an unknown status', async () => {
      const res = await (await resident()).request('GET', '/api/v1/me/vouchers?status=used');
      expect([res.statusCode, res.json().message]).toEqual([
        400,
        '请求参数不正确：状态：无效选项：期望以下之一 "active"|"redeemed"|"cancelled"|"expired"|"refunded"',
      ]);
    });
  });

  describe('redemption', () => {
    it('lookupVoucher shows what a voucher is for before redeeming', async () => {
      const shop = await shopWithOffer();
      const { v } = await voucherAt(shop);
      const res = await shop.client.request('POST', '/api/v1/vouchers/lookup', { code: v.shortCode });
      expect(res.json()).toMatchObject({ id: v.id, redeemable: true, title: '免费理发', problem: null });
    });

    it('lookupVoucher names the problem in the request’s language', async () => {
      const shop = await shopWithOffer();
      const { buyer, v } = await voucherAt(shop);
      await buyer.request('POST', `/api/v1/orders/${v.id}/cancel`);
      const zh = await shop.client.request('POST', '/api/v1/vouchers/lookup', { code: v.shortCode });
      expect(zh.json()).toMatchObject({ redeemable: false, problem: '该券已取消，积分已退回' });
      const en = await shop.client.request(
        'POST',
        '/api/v1/vouchers/lookup',
        { code: v.shortCode },
        { 'accept-language': 'en' },
      );
      expect(en.json()).toMatchObject({ redeemable: false, problem: 'This voucher was cancelled and refunded' });
    });

    it('lookupVoucher names the payee of another shop’s or the supermarket’s voucher', async () => {
      const shop = await shopWithOffer();
      const { v } = await voucherAt(shop);
      const atB = await adminB.request('POST', '/api/v1/vouchers/lookup', { code: v.qrPayload });
      expect([atB.statusCode, atB.json().message]).toEqual([422, '该券不是本店的券（属于“便民理发”）']);
      const goods = await goodsOf(env, tree);
      const buyer = await resident();
      const g = (
        await buyer.request('POST', '/api/v1/orders', { itemId: goods.id, idempotencyKey: 'goods-key-01' })
      ).json();
      const atShop = await shop.client.request('POST', '/api/v1/vouchers/lookup', { code: g.qrPayload });
      expect([atShop.statusCode, atShop.json().message]).toEqual([422, '该券不是本店的券（属于“积分超市”）']);
    });

    it('redeemVoucher redeems once; the same redeemKey answers the same success', async () => {
      const shop = await shopWithOffer();
      const { v } = await voucherAt(shop);
      const r1 = await shop.client.request('POST', '/api/v1/vouchers/redeem', {
        code: v.qrPayload,
        redeemKey: 'redeem-key-1',
      });
      expect([r1.statusCode, r1.json().status]).toEqual([200, 'redeemed']);
      const r2 = await shop.client.request('POST', '/api/v1/vouchers/redeem', {
        code: v.qrPayload,
        redeemKey: 'redeem-key-1',
      });
      expect([r2.statusCode, r2.json()]).toEqual([200, r1.json()]);
    });

    it('redeemVoucher answers 409 to a second redemption', async () => {
      const shop = await shopWithOffer();
      const { v } = await voucherAt(shop);
      await shop.client.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-1' });
      const twice = await shop.client.request('POST', '/api/v1/vouchers/redeem', {
        code: v.qrPayload,
        redeemKey: 'redeem-key-2',
      });
      expect([twice.statusCode, twice.json().message]).toEqual([409, '该券已于 2026-11-25 10:00 核销，不能重复使用']);
    });

    it('redeemVoucher answers 409 IDEMPOTENCY_CONFLICT to a used redeemKey on another voucher', async () => {
      const shop = await shopWithOffer();
      const { v } = await voucherAt(shop);
      const { v: v2 } = await voucherAt(shop);
      await shop.client.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-3' });
      const res = await shop.client.request('POST', '/api/v1/vouchers/redeem', {
        code: v2.qrPayload,
        redeemKey: 'redeem-key-3',
      });
      expect([res.statusCode, res.json().code]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
    });

    it('listTodayRedemptions shows the shop’s redemptions with the holder’s name', async () => {
      const shop = await shopWithOffer();
      const { v } = await voucherAt(shop);
      await shop.client.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-4' });
      const today = (await shop.client.request('GET', '/api/v1/merchants/redemptions/today')).json().items;
      expect(today.map((t: { id: string; holderName: string }) => [t.id, t.holderName])).toEqual([
        [v.id, v.holderName],
      ]);
    });

    it('rateVoucher rates a redeemed voucher, and a complaint needs content', async () => {
      const shop = await shopWithOffer();
      const { buyer, v } = await voucherAt(shop);
      await shop.client.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-5' });
      expect(
        (await buyer.request('POST', `/api/v1/me/vouchers/${v.id}/rating`, { score: 5, comment: '好' })).json().rated,
      ).toBe(true);
      const empty = await buyer.request('POST', `/api/v1/merchants/${shop.merchantId}/complaints`, { content: '' });
      expect([empty.statusCode, empty.json().message]).toEqual([
        400,
        '请求参数不正确：内容：不能为空，且不超过500个字',
      ]);
      expect(
        (await buyer.request('POST', `/api/v1/merchants/${shop.merchantId}/complaints`, { content: '排队太久' }))
          .statusCode,
      ).toBe(201);
    });
  });

  describe('settlement', () => {
    async function redeemedOnce() {
      const shop = await shopWithOffer();
      const { v } = await voucherAt(shop);
      await shop.client.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-6' });
      return shop;
    }

    it('getMerchantStatement shows the month live to the shop and 404 to another community', async () => {
      const shop = await redeemedOnce();
      const st = await shop.client.request('GET', `/api/v1/merchants/${shop.merchantId}/statements/2026-11`);
      expect(st.json()).toMatchObject({ vouchers: 1, points: 20, fenPerPoint: 10, amountFen: 200, closed: false });
      expect((await adminB.request('GET', `/api/v1/merchants/${shop.merchantId}/statements/2026-11`)).statusCode).toBe(
        404,
      );
    });

    it('getMerchantStatement tells the applicant their shop is not filed yet', async () => {
      const { merchantId, owner } = await appliedMerchant(env, tree.communityA);
      const res = await (
        await clientFor(app, owner)
      ).request('GET', `/api/v1/merchants/${merchantId}/statements/2026-11`);
      expect([res.statusCode, res.json().message]).toEqual([422, '商户尚未备案']);
    });

    it('closeMerchantStatement waits for the month to end', async () => {
      const shop = await redeemedOnce();
      const res = await adminA.request('POST', `/api/v1/merchants/${shop.merchantId}/statements/2026-11/close`);
      expect([res.statusCode, res.json().message]).toEqual([422, '2026-11 还没结束，月底后才能关账']);
    });

    it('exportMerchantStatement answers a spreadsheet of the lines', async () => {
      const shop = await redeemedOnce();
      const xlsx = await adminA.request('GET', `/api/v1/merchants/${shop.merchantId}/statements/2026-11/export`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.at(0)!.getRow(2).getCell(2).value).toBe('免费理发');
    });

    it('getRedemptionStats counts the redemptions per merchant in scope', async () => {
      const shop = await redeemedOnce();
      const stats = (await adminA.request('GET', '/api/v1/mall/redemption-stats')).json().items;
      expect(stats.filter((s: { merchantId: string }) => s.merchantId === shop.merchantId)).toEqual([
        { merchantId: shop.merchantId, merchantName: '便民理发', vouchers: 1, points: 20 },
      ]);
      expect((await adminB.request('GET', '/api/v1/mall/redemption-stats')).json().items).toEqual([]);
    });
  });
});
