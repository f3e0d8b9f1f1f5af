// HTTP tests of the mall: no session, bad input, scope, and the whole loop through the API.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anon, type Client, clientFor, createTestEnv, DIALECTS, makeTree, makeUser, type TestEnv, testApp, type Tree } from '../support.js';

describe.each(DIALECTS)('mall API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminA: Client;
  let adminB: Client;
  let street: Client;
  let shop: Client;
  let buyer: Client;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    street = await clientFor(app, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
    shop = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const b = await makeUser(env.deps, { home: tree.communityA });
    buyer = await clientFor(app, b);
    await adminA.request('POST', '/api/v1/points/awards', { userId: b.id, points: 100, reason: '测试积分', idempotencyKey: 'seed-award-1' });
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('answers 401 without a session', async () => {
    for (const [m, u] of [['GET', '/api/v1/catalog'], ['POST', '/api/v1/orders'], ['GET', '/api/v1/me/vouchers'], ['POST', '/api/v1/vouchers/redeem'],
      ['POST', '/api/v1/merchants'], ['GET', '/api/v1/merchants'], ['GET', '/api/v1/mall/redemption-stats']] as const) {
      expect([u, (await anon(app, m, u, m === 'GET' ? undefined : {})).statusCode]).toEqual([u, 401]);
    }
  });

  it('runs the loop: apply, review, file, offer, order, redeem, rate, statement', async () => {
    const bad = await shop.request('POST', '/api/v1/merchants', { communityId: tree.communityA.id, name: '', licenceNo: 'abc', address: 'x', category: 'x', offerSummary: 'x', contactName: 'x', contactPhone: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['name', 'licenceNo', 'contactPhone']);
    const applied = await shop.request('POST', '/api/v1/merchants', {
      communityId: tree.communityA.id, name: '便民理发', licenceNo: '91420100MA4K00ZZ9X', address: '商业街 3 号', category: '理发',
      offerSummary: '老人免费理发', contactName: '刘师傅', contactPhone: '13912349999',
    });
    expect(applied.statusCode).toBe(201);
    const mid = applied.json().id as string;
    expect((await adminB.request('POST', `/api/v1/merchants/${mid}/review`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await adminA.request('POST', `/api/v1/merchants/${mid}/review`, { decision: 'approve' })).json().status).toBe('reviewed');
    expect((await adminA.request('POST', `/api/v1/merchants/${mid}/file`, { fenPerPoint: 10 })).statusCode).toBe(404);
    expect((await street.request('POST', `/api/v1/merchants/${mid}/file`, { fenPerPoint: 10, fundName: '街道基金' })).json().status).toBe('filed');
    const contribution = await adminA.request('POST', '/api/v1/points/contributions', {
      orgType: 'merchant', orgId: mid, kind: 'labour', valueFen: 30_000, project: '重阳节义剪', points: 50, idempotencyKey: 'merchant-contrib-1',
    });
    expect(contribution.json()).toMatchObject({ accountName: '便民理发', balance: 50 });
    const item = await shop.request('POST', '/api/v1/catalog', { kind: 'offer', merchantId: mid, title: '老人免费理发', category: '生活服务', pricePoints: 20, perPersonLimit: 2 });
    expect(item.statusCode).toBe(201);
    expect((await buyer.request('POST', '/api/v1/catalog', { kind: 'offer', merchantId: mid, title: 'x', category: 'x', pricePoints: 1 })).statusCode).toBe(404);
    const listed = await buyer.request('GET', '/api/v1/catalog?kind=offer');
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(item.json().id);
    expect((await buyer.request('POST', '/api/v1/orders', { itemId: item.json().id })).statusCode).toBe(400);
    const order = await buyer.request('POST', '/api/v1/orders', { itemId: item.json().id, idempotencyKey: 'order-key-0001' });
    expect(order.statusCode).toBe(201);
    const v = order.json();
    expect(v).toMatchObject({ status: 'active', points: 20, merchantName: '便民理发' });
    expect(v.shortCode).toMatch(/^[2-9A-Z]{8}$/);
    expect((await buyer.request('GET', '/api/v1/me/points')).json().items[0].balance).toBe(80);
    const look = await shop.request('POST', '/api/v1/vouchers/lookup', { code: v.shortCode });
    expect(look.json()).toMatchObject({ redeemable: true, title: '老人免费理发', problem: null });
    expect((await adminB.request('POST', '/api/v1/vouchers/lookup', { code: v.qrPayload })).json().code).toBe('VOUCHER_OTHER_MERCHANT');
    const r1 = await shop.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-1' });
    expect(r1.json().status).toBe('redeemed');
    expect((await shop.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-1' })).statusCode).toBe(200);
    const twice = await shop.request('POST', '/api/v1/vouchers/redeem', { code: v.qrPayload, redeemKey: 'redeem-key-2' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/^该券已于 .+ 核销，不能重复使用$/);
    const today = (await shop.request('GET', '/api/v1/merchants/redemptions/today')).json().items;
    expect(today).toHaveLength(1);
    expect(today[0].holderName).toBeTruthy();
    const near = await buyer.request('GET', '/api/v1/catalog?kind=offer&lat=30.5&lng=114.3');
    expect(near.json()).toMatchObject({ nextCursor: null });
    expect((await buyer.request('POST', `/api/v1/me/vouchers/${v.id}/rating`, { score: 5, comment: '好' })).json().rated).toBe(true);
    expect((await buyer.request('POST', `/api/v1/merchants/${mid}/complaints`, { content: '' })).statusCode).toBe(400);
    expect((await buyer.request('POST', `/api/v1/merchants/${mid}/complaints`, { content: '排队太久' })).statusCode).toBe(201);
    const month = new Date(env.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 7);
    const st = await shop.request('GET', `/api/v1/merchants/${mid}/statements/${month}`);
    expect(st.json()).toMatchObject({ vouchers: 1, points: 20, fenPerPoint: 10, amountFen: 200, closed: false });
    expect((await adminB.request('GET', `/api/v1/merchants/${mid}/statements/${month}`)).statusCode).toBe(404);
    expect((await adminA.request('POST', `/api/v1/merchants/${mid}/statements/${month}/close`)).json().code).toBe('MONTH_NOT_OVER');
    const xlsx = await adminA.request('GET', `/api/v1/merchants/${mid}/statements/${month}/export`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).getCell(2).value).toBe('老人免费理发');
    const stats = await adminA.request('GET', '/api/v1/mall/redemption-stats');
    expect(stats.json().items).toEqual([{ merchantId: mid, merchantName: '便民理发', vouchers: 1, points: 20 }]);
  });
});

describe('catalog edits and staff listing', () => {
  it('keeps the description on a partial edit and lists hidden items for staff', async () => {
    const env = await createTestEnv('sqlite');
    const app = await testApp(env);
    const tree = await makeTree(env.deps);
    const admin = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    const item = await admin.request('POST', '/api/v1/catalog', { kind: 'goods', communityId: tree.communityA.id, title: '挂面', description: '现场领取', category: '粮油', pricePoints: 5, stock: 3 });
    const edited = await admin.request('PATCH', `/api/v1/catalog/${item.json().id}`, { status: 'hidden' });
    expect(edited.json()).toMatchObject({ status: 'hidden', description: '现场领取' });
    expect((await admin.request('GET', '/api/v1/catalog')).json().items).toEqual([]);
    expect((await admin.request('GET', '/api/v1/catalog?manage=true')).json().items.map((i: { id: string }) => i.id)).toEqual([item.json().id]);
    await app.close();
    await env.close();
  });
});
