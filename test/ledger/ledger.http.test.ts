// HTTP tests of the points bank: success, bad input, no session, other scope, public access, exports.
// Every test gets a district of its own (beforeEach), so each passes alone and in any order.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
  type TestUser,
} from '../support.js';

describe.each(DIALECTS)('points API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let district: Client;
  let adminA: Client;
  let adminB: Client;
  let resident: Client;
  let residentUser: TestUser;
  let keySeq = 0;
  /** A fresh idempotency key (unique in the file, long enough for the schema). */
  const key = (label: string) => `${label}-${dialect}-${++keySeq}-xxxx`;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
  });
  beforeEach(async () => {
    tree = await makeTree(env.deps);
    district = await clientFor(
      app,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district, displayName: '区管理员' }),
    );
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    residentUser = await makeUser(env.deps, { home: tree.communityA, realName: '张桂华' });
    resident = await clientFor(app, residentUser);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  async function award(points: number) {
    const res = await adminA.request('POST', '/api/v1/points/awards', {
      userId: residentUser.id,
      points,
      reason: '热心公益',
      idempotencyKey: key('award'),
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ id: string }>();
  }
  async function allowGiving() {
    const res = await district.request('PATCH', `/api/v1/districts/${tree.district.id}/point-rules`, {
      allowGifts: true,
      allowDonations: true,
    });
    expect(res.statusCode).toBe(200);
  }
  const myBalance = async () => (await resident.request('GET', '/api/v1/me/points')).json().items[0].balance as number;

  it('answers 401 without a session on every private points endpoint', async () => {
    for (const [m, u] of [
      ['GET', '/api/v1/me/points'],
      ['GET', `/api/v1/me/points/journals?districtId=${tree.district.id}`],
      ['GET', `/api/v1/me/points/verify?districtId=${tree.district.id}`],
      ['POST', '/api/v1/me/points/gifts'],
      ['POST', '/api/v1/me/points/donations'],
      ['POST', '/api/v1/points/awards'],
      ['POST', '/api/v1/points/journals/x/reverse'],
      ['POST', '/api/v1/points/contributions'],
      ['GET', '/api/v1/points/accounts'],
      ['GET', `/api/v1/districts/${tree.district.id}/point-rules`],
      ['PATCH', `/api/v1/districts/${tree.district.id}/point-rules`],
      ['GET', `/api/v1/points/year-summary?nodeId=${tree.district.id}&year=2026`],
      ['GET', `/api/v1/points/year-summary/export?nodeId=${tree.district.id}&year=2026`],
      ['GET', `/api/v1/points/verification?districtId=${tree.district.id}`],
    ] as const) {
      expect([u, (await anon(app, m, u, m === 'GET' ? undefined : {})).statusCode]).toEqual([u, 401]);
    }
  });

  describe('awardPoints', () => {
    it('refuses bad input, naming each field in Chinese, and writes nothing', async () => {
      const bad = await adminA.request('POST', '/api/v1/points/awards', {
        userId: residentUser.id,
        points: 0,
        reason: '',
        idempotencyKey: 'short',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({
        code: 'VALIDATION_FAILED',
        message: '请求参数不正确：积分：不能小于 1；原因：请填写原因；请求编号：至少 8 个字',
        details: [
          { field: 'points', message: '不能小于 1' },
          { field: 'reason', message: '请填写原因' },
          { field: 'idempotencyKey', message: '至少 8 个字' },
        ],
      });
      expect((await resident.request('GET', '/api/v1/me/points')).json().items).toEqual([]);
    });
    it('answers 404 for a person outside the admin’s scope', async () => {
      const res = await adminB.request('POST', '/api/v1/points/awards', {
        userId: residentUser.id,
        points: 5,
        reason: '热心',
        idempotencyKey: key('award-b'),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '人员不存在', details: null });
    });
    it('awards the points to the resident', async () => {
      const ok = await adminA.request('POST', '/api/v1/points/awards', {
        userId: residentUser.id,
        points: 30,
        reason: '热心公益',
        idempotencyKey: key('award'),
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ type: 'award', amount: 30, reason: '奖励：热心公益' });
      expect((await resident.request('GET', '/api/v1/me/points')).json().items).toMatchObject([
        { balance: 30, earned: 30, spent: 0 },
      ]);
    });
    it('answers a repeated idempotency key with the first journal and awards once', async () => {
      const body = { userId: residentUser.id, points: 30, reason: '热心公益', idempotencyKey: key('award') };
      const first = await adminA.request('POST', '/api/v1/points/awards', body);
      const again = await adminA.request('POST', '/api/v1/points/awards', body);
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);
      expect(await myBalance()).toBe(30);
    });
  });

  describe('the resident’s own points', () => {
    it('lists the resident’s journals', async () => {
      const j = await award(30);
      const journals = await resident.request('GET', `/api/v1/me/points/journals?districtId=${tree.district.id}`);
      expect(journals.json().items.map((i: { id: string; amount: number }) => [i.id, i.amount])).toEqual([[j.id, 30]]);
    });
    it('verifies the resident’s journals against the published chain', async () => {
      await award(30);
      const verify = await resident.request('GET', `/api/v1/me/points/verify?districtId=${tree.district.id}`);
      expect(verify.json()).toMatchObject({ allOk: true, head: { count: 1 }, journals: [{ amount: 30, ok: true }] });
    });
  });

  describe('reverseJournal', () => {
    it('reverses an award and takes the points back', async () => {
      const j = await award(30);
      const rev = await adminA.request('POST', `/api/v1/points/journals/${j.id}/reverse`, { reason: '误操作' });
      expect(rev.statusCode).toBe(200);
      expect(rev.json()).toMatchObject({ type: 'reverse', reversesId: j.id, reason: '冲正：误操作' });
      expect(await myBalance()).toBe(0);
    });
    it('answers 404 to an admin of another community', async () => {
      const j = await award(30);
      const res = await adminB.request('POST', `/api/v1/points/journals/${j.id}/reverse`, { reason: '误操作' });
      expect(res.statusCode).toBe(404);
      expect(await myBalance()).toBe(30);
    });
    it('needs a reason', async () => {
      const j = await award(30);
      const res = await adminA.request('POST', `/api/v1/points/journals/${j.id}/reverse`, { reason: '' });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field: 'reason', message: '请填写原因' }]);
    });
    it('refuses to reverse a reversal', async () => {
      const j = await award(30);
      const rev = await adminA.request('POST', `/api/v1/points/journals/${j.id}/reverse`, { reason: '误操作' });
      const rev2 = await adminA.request('POST', `/api/v1/points/journals/${rev.json().id}/reverse`, { reason: '再冲' });
      expect(rev2.statusCode).toBe(422);
      expect(rev2.json()).toEqual({
        code: 'JOURNAL_NOT_REVERSIBLE',
        message: '该笔记录不能冲正（冲正记录本身）',
        details: null,
      });
    });
  });

  describe('the public ledger', () => {
    it('publishes the head without login: the district’s name and its journal count', async () => {
      const j = await award(30);
      await adminA.request('POST', `/api/v1/points/journals/${j.id}/reverse`, { reason: '误操作' });
      const head = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/head`);
      expect(head.statusCode).toBe(200);
      expect(head.json()).toMatchObject({ districtName: '测试区', count: 2 });
    });
    it('lists the community’s journals newest first with masked names only', async () => {
      const j = await award(30);
      await adminA.request('POST', `/api/v1/points/journals/${j.id}/reverse`, { reason: '误操作' });
      const list = await anon(
        app,
        'GET',
        `/api/v1/public/ledger/${tree.district.id}/journals?communityId=${tree.communityA.id}`,
      );
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((i: { type: string }) => i.type)).toEqual(['reverse', 'award']);
      expect(list.json().items[1]).toMatchObject({ type: 'award', parties: [{ name: '张*华', amount: 30 }] });
      expect(JSON.stringify(list.json())).not.toContain('张桂华');
    });
    it('refuses a malformed month with 400', async () => {
      const res = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/journals?month=2026-13x`);
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field: 'month', message: '月份格式应为 YYYY-MM' }]);
    });
    it('answers 404 for an unknown district', async () => {
      expect((await anon(app, 'GET', '/api/v1/public/ledger/nope/head')).statusCode).toBe(404);
    });
  });

  describe('point rules', () => {
    it('lets the district admin allow gifts and donations', async () => {
      const rules = await district.request('PATCH', `/api/v1/districts/${tree.district.id}/point-rules`, {
        allowGifts: true,
        allowDonations: true,
      });
      expect(rules.statusCode).toBe(200);
      expect(rules.json()).toMatchObject({ allowGifts: true, allowDonations: true, pointsPerHour: 10 });
    });
    it('answers 404 to a community admin changing the rules', async () => {
      const res = await adminA.request('PATCH', `/api/v1/districts/${tree.district.id}/point-rules`, {
        allowGifts: true,
      });
      expect(res.statusCode).toBe(404);
      expect(
        (await resident.request('GET', `/api/v1/districts/${tree.district.id}/point-rules`)).json().rules.allowGifts,
      ).toBe(false);
    });
    it('refuses a negative rate', async () => {
      const res = await district.request('PATCH', `/api/v1/districts/${tree.district.id}/point-rules`, {
        pointsPerHour: -1,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(['pointsPerHour']);
    });
    it('shows residents the rules and one history entry per change, with who changed them', async () => {
      await allowGiving();
      const res = await resident.request('GET', `/api/v1/districts/${tree.district.id}/point-rules`);
      expect(res.statusCode).toBe(200);
      expect(res.json().rules).toMatchObject({ allowGifts: true, allowDonations: true });
      expect(res.json().history).toHaveLength(1);
      expect(res.json().history[0]).toMatchObject({
        rules: { allowGifts: true },
        changedBy: '区管理员',
        changedAt: env.clock.now().toISOString(),
      });
    });
  });

  describe('giftPoints and donatePoints', () => {
    it('refuses a gift while the district has not allowed gifts', async () => {
      await award(50);
      const relative = await makeUser(env.deps, { home: tree.communityA });
      const res = await resident.request('POST', '/api/v1/me/points/gifts', {
        districtId: tree.district.id,
        toPhone: relative.phone,
        relation: 'child',
        points: 10,
        idempotencyKey: key('gift'),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({ code: 'GIFTS_DISABLED', message: '本区暂未开放积分转赠', details: null });
    });
    it('refuses a gift to someone who is not a close relative', async () => {
      await allowGiving();
      await award(50);
      const relative = await makeUser(env.deps, { home: tree.communityA });
      const res = await resident.request('POST', '/api/v1/me/points/gifts', {
        districtId: tree.district.id,
        toPhone: relative.phone,
        relation: 'friend',
        points: 10,
        idempotencyKey: key('gift'),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(['relation']);
    });
    it('refuses a gift larger than the balance, naming both amounts', async () => {
      await allowGiving();
      await award(50);
      const relative = await makeUser(env.deps, { home: tree.communityA });
      const res = await resident.request('POST', '/api/v1/me/points/gifts', {
        districtId: tree.district.id,
        toPhone: relative.phone,
        relation: 'child',
        points: 200,
        idempotencyKey: key('gift'),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'INSUFFICIENT_POINTS',
        message: '积分余额不足（当前 50 分，需要 200 分）',
      });
      expect(await myBalance()).toBe(50);
    });
    it('gifts points to a relative', async () => {
      await allowGiving();
      await award(50);
      const relative = await makeUser(env.deps, { home: tree.communityA });
      const res = await resident.request('POST', '/api/v1/me/points/gifts', {
        districtId: tree.district.id,
        toPhone: relative.phone,
        relation: 'child',
        points: 10,
        idempotencyKey: key('gift'),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ type: 'gift', amount: -10 });
      expect(await myBalance()).toBe(40);
      const theirs = await (await clientFor(app, relative)).request('GET', '/api/v1/me/points');
      expect(theirs.json().items).toMatchObject([{ balance: 10 }]);
    });
    it('donates points to the community fund', async () => {
      await allowGiving();
      await award(50);
      const res = await resident.request('POST', '/api/v1/me/points/donations', {
        communityId: tree.communityA.id,
        points: 5,
        idempotencyKey: key('donate'),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ type: 'donate', amount: -5 });
      expect(await myBalance()).toBe(45);
    });
  });

  describe('staff: contributions, accounts, year summary, verification', () => {
    async function partner() {
      const res = await adminA.request('POST', '/api/v1/org/partner-units', {
        nodeId: tree.communityA.id,
        name: '便民超市',
        category: 'company',
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    }
    const contribution = (orgId: string) => ({
      orgType: 'partner',
      orgId,
      kind: 'money',
      valueFen: 500_000,
      project: '楼道改造',
      points: 200,
      idempotencyKey: key('contrib'),
    });

    it('credits a partner unit for a contribution', async () => {
      const c = await adminA.request('POST', '/api/v1/points/contributions', contribution(await partner()));
      expect(c.statusCode).toBe(200);
      expect(c.json()).toMatchObject({ accountName: '便民超市', balance: 200 });
    });
    it('answers 404 for another community’s partner unit', async () => {
      const res = await adminB.request('POST', '/api/v1/points/contributions', contribution(await partner()));
      expect(res.statusCode).toBe(404);
    });
    it('lists the person accounts in the admin’s scope with masked names, and none of another scope', async () => {
      await award(30);
      const mine = await adminA.request('GET', '/api/v1/points/accounts?kind=person');
      expect(mine.json().items.map((a: { name: string }) => a.name)).toEqual(['张*华']);
      const theirs = await adminB.request('GET', '/api/v1/points/accounts?kind=person');
      expect(theirs.json().items).toEqual([]);
    });
    it('summarises the year of a community with its partners’ contributions', async () => {
      await adminA.request('POST', '/api/v1/points/contributions', contribution(await partner()));
      const summary = await adminA.request('GET', `/api/v1/points/year-summary?nodeId=${tree.communityA.id}&year=2026`);
      expect(summary.statusCode).toBe(200);
      expect(summary.json().communities).toHaveLength(1);
      expect(summary.json().communities[0]).toMatchObject({ communityName: '甲社区', leveragedFen: 500_000 });
      expect(summary.json().communities[0].organisations).toMatchObject([
        { name: '便民超市', contributionsFen: 500_000 },
      ]);
    });
    it('answers 404 for another scope’s year summary and 400 for a malformed year', async () => {
      expect(
        (await adminB.request('GET', `/api/v1/points/year-summary?nodeId=${tree.communityA.id}&year=2026`)).statusCode,
      ).toBe(404);
      const bad = await adminA.request('GET', `/api/v1/points/year-summary?nodeId=${tree.communityA.id}&year=abc`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['year']);
    });
    it('exports the year summary as a workbook', async () => {
      await adminA.request('POST', '/api/v1/points/contributions', contribution(await partner()));
      const xlsx = await adminA.request(
        'GET',
        `/api/v1/points/year-summary/export?nodeId=${tree.communityA.id}&year=2026`,
      );
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.getWorksheet('总览')!.getRow(2).getCell(1).value).toBe('甲社区');
    });
    it('shows the district admin a verified ledger, and 404 to a resident', async () => {
      await award(30);
      const status = await district.request('GET', `/api/v1/points/verification?districtId=${tree.district.id}`);
      expect(status.json()).toMatchObject({ ok: true, problems: [] });
      expect(
        (await resident.request('GET', `/api/v1/points/verification?districtId=${tree.district.id}`)).statusCode,
      ).toBe(404);
    });
  });
});
