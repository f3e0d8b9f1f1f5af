// HTTP tests of the points bank: success, bad input, no session, other scope, public access, exports.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anon, type Client, clientFor, createTestEnv, DIALECTS, makeTree, makeUser, type TestEnv, testApp, type Tree, type TestUser } from '../support.js';

describe.each(DIALECTS)('points API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let district: Client;
  let adminA: Client;
  let adminB: Client;
  let resident: Client;
  let residentUser: TestUser;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    district = await clientFor(app, await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }));
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    residentUser = await makeUser(env.deps, { home: tree.communityA, realName: '张桂华' });
    resident = await clientFor(app, residentUser);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('answers 401 without a session on every private points endpoint', async () => {
    for (const [m, u] of [
      ['GET', '/api/v1/me/points'], ['GET', `/api/v1/me/points/journals?districtId=${tree.district.id}`], ['GET', `/api/v1/me/points/verify?districtId=${tree.district.id}`],
      ['POST', '/api/v1/me/points/gifts'], ['POST', '/api/v1/me/points/donations'], ['POST', '/api/v1/points/awards'], ['POST', '/api/v1/points/journals/x/reverse'],
      ['POST', '/api/v1/points/contributions'], ['GET', '/api/v1/points/accounts'], ['GET', `/api/v1/districts/${tree.district.id}/point-rules`],
      ['PATCH', `/api/v1/districts/${tree.district.id}/point-rules`], ['GET', `/api/v1/points/year-summary?nodeId=${tree.district.id}&year=2026`],
      ['GET', `/api/v1/points/year-summary/export?nodeId=${tree.district.id}&year=2026`], ['GET', `/api/v1/points/verification?districtId=${tree.district.id}`],
    ] as const) {
      expect([u, (await anon(app, m, u, m === 'GET' ? undefined : {})).statusCode]).toEqual([u, 401]);
    }
  });

  it('awards, lists, verifies and reverses', async () => {
    const bad = await adminA.request('POST', '/api/v1/points/awards', { userId: residentUser.id, points: 0, reason: '', idempotencyKey: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['points', 'reason', 'idempotencyKey']);
    expect((await adminB.request('POST', '/api/v1/points/awards', { userId: residentUser.id, points: 5, reason: '热心', idempotencyKey: 'award-b-0001' })).statusCode).toBe(404);
    const ok = await adminA.request('POST', '/api/v1/points/awards', { userId: residentUser.id, points: 30, reason: '热心公益', idempotencyKey: 'award-a-0001' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ type: 'award', amount: 30 });
    const again = await adminA.request('POST', '/api/v1/points/awards', { userId: residentUser.id, points: 30, reason: '热心公益', idempotencyKey: 'award-a-0001' });
    expect(again.json().id).toBe(ok.json().id);
    const mine = await resident.request('GET', '/api/v1/me/points');
    expect(mine.json().items[0]).toMatchObject({ balance: 30, earned: 30, spent: 0 });
    const journals = await resident.request('GET', `/api/v1/me/points/journals?districtId=${tree.district.id}`);
    expect(journals.json().items).toHaveLength(1);
    const verify = await resident.request('GET', `/api/v1/me/points/verify?districtId=${tree.district.id}`);
    expect(verify.json()).toMatchObject({ allOk: true, head: { count: 1 } });
    expect((await adminB.request('POST', `/api/v1/points/journals/${ok.json().id}/reverse`, { reason: '误操作' })).statusCode).toBe(404);
    expect((await adminA.request('POST', `/api/v1/points/journals/${ok.json().id}/reverse`, { reason: '' })).statusCode).toBe(400);
    const rev = await adminA.request('POST', `/api/v1/points/journals/${ok.json().id}/reverse`, { reason: '误操作' });
    expect(rev.json()).toMatchObject({ type: 'reverse', reversesId: ok.json().id });
    const rev2 = await adminA.request('POST', `/api/v1/points/journals/${rev.json().id}/reverse`, { reason: '再冲' });
    expect(rev2.json()).toMatchObject({ code: 'JOURNAL_NOT_REVERSIBLE', message: '该笔记录不能冲正（冲正记录本身）' });
    expect((await resident.request('GET', '/api/v1/me/points')).json().items[0].balance).toBe(0);
  });

  it('publishes the ledger without login', async () => {
    const head = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/head`);
    expect(head.json()).toMatchObject({ districtName: '测试区', count: 2 });
    const list = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/journals?communityId=${tree.communityA.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items[1]).toMatchObject({ type: 'award', parties: [{ name: '张*华', amount: 30 }] });
    expect(JSON.stringify(list.json())).not.toContain('张桂华');
    expect((await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/journals?month=2026-13x`)).statusCode).toBe(400);
    expect((await anon(app, 'GET', '/api/v1/public/ledger/nope/head')).statusCode).toBe(404);
  });

  it('gifts and donations follow the district rules', async () => {
    await adminA.request('POST', '/api/v1/points/awards', { userId: residentUser.id, points: 50, reason: '测试', idempotencyKey: 'award-a-0002' });
    const relative = await makeUser(env.deps, { home: tree.communityA });
    const body = { districtId: tree.district.id, toPhone: relative.phone, relation: 'child', points: 10, idempotencyKey: 'gift-0001-abc' };
    expect((await resident.request('POST', '/api/v1/me/points/gifts', body)).json()).toMatchObject({ code: 'GIFTS_DISABLED', message: '本区暂未开放积分转赠' });
    expect((await adminA.request('PATCH', `/api/v1/districts/${tree.district.id}/point-rules`, { allowGifts: true })).statusCode).toBe(404);
    const rules = await district.request('PATCH', `/api/v1/districts/${tree.district.id}/point-rules`, { allowGifts: true, allowDonations: true });
    expect(rules.json()).toMatchObject({ allowGifts: true, pointsPerHour: 10 });
    expect((await district.request('PATCH', `/api/v1/districts/${tree.district.id}/point-rules`, { pointsPerHour: -1 })).statusCode).toBe(400);
    const history = await resident.request('GET', `/api/v1/districts/${tree.district.id}/point-rules`);
    expect(history.json().history.length).toBeGreaterThanOrEqual(1);
    expect((await resident.request('POST', '/api/v1/me/points/gifts', { ...body, relation: 'friend' })).statusCode).toBe(400);
    expect((await resident.request('POST', '/api/v1/me/points/gifts', { ...body, points: 200 })).json()).toMatchObject({ code: 'INSUFFICIENT_POINTS', message: '积分余额不足（当前 50 分，需要 200 分）' });
    expect((await resident.request('POST', '/api/v1/me/points/gifts', body)).json()).toMatchObject({ type: 'gift', amount: -10 });
    expect((await resident.request('POST', '/api/v1/me/points/donations', { communityId: tree.communityA.id, points: 5, idempotencyKey: 'donate-0001' })).json()).toMatchObject({ type: 'donate', amount: -5 });
    expect((await resident.request('GET', '/api/v1/me/points')).json().items[0].balance).toBe(35);
  });

  it('contributions, accounts, year summary, export and verification for staff', async () => {
    const partner = await adminA.request('POST', '/api/v1/org/partner-units', { nodeId: tree.communityA.id, name: '便民超市', category: 'company' });
    const c = await adminA.request('POST', '/api/v1/points/contributions', {
      orgType: 'partner', orgId: partner.json().id, kind: 'money', valueFen: 500_000, project: '楼道改造', points: 200, idempotencyKey: 'contrib-0001',
    });
    expect(c.json()).toMatchObject({ accountName: '便民超市', balance: 200 });
    expect((await adminB.request('POST', '/api/v1/points/contributions', {
      orgType: 'partner', orgId: partner.json().id, kind: 'money', valueFen: 1, project: 'x', points: 1, idempotencyKey: 'contrib-0002',
    })).statusCode).toBe(404);
    const accounts = await adminA.request('GET', '/api/v1/points/accounts?kind=person');
    expect(accounts.json().items.map((a: { name: string }) => a.name)).toContain('张*华');
    expect((await adminB.request('GET', '/api/v1/points/accounts?kind=person')).json().items.map((a: { name: string }) => a.name)).not.toContain('张*华');
    const year = Number(new Date(env.clock.now()).toISOString().slice(0, 4));
    const summary = await adminA.request('GET', `/api/v1/points/year-summary?nodeId=${tree.communityA.id}&year=${year}`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json().communities[0]).toMatchObject({ communityName: '甲社区', leveragedFen: 500_000 });
    expect(summary.json().communities[0].organisations[0]).toMatchObject({ name: '便民超市', contributionsFen: 500_000 });
    expect((await adminB.request('GET', `/api/v1/points/year-summary?nodeId=${tree.communityA.id}&year=${year}`)).statusCode).toBe(404);
    expect((await adminA.request('GET', `/api/v1/points/year-summary?nodeId=${tree.communityA.id}&year=abc`)).statusCode).toBe(400);
    const xlsx = await adminA.request('GET', `/api/v1/points/year-summary/export?nodeId=${tree.communityA.id}&year=${year}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('总览')!.getRow(2).getCell(1).value).toBe('甲社区');
    const status = await district.request('GET', `/api/v1/points/verification?districtId=${tree.district.id}`);
    expect(status.json()).toMatchObject({ ok: true, problems: [] });
    expect((await resident.request('GET', `/api/v1/points/verification?districtId=${tree.district.id}`)).statusCode).toBe(404);
  });
});
