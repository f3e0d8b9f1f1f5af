// HTTP tests of the needs list: no session, bad input (exact zh-CN messages), other scope (404), wrong state (409
// naming the state in words), and the happy path of each operation.
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
  type TestUser,
  type Tree,
  useClock,
} from '../support.js';
import type { Need, NeedDetail, NeedList } from '../../src/server/modules/needs/needs.service.js';
import { residentOf, walk } from './needs.fixtures.js';

describe.each(DIALECTS)('needs API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let gridA: Client;
  let adminB: Client;
  let elderUser: TestUser;
  let elder: Client;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    gridA = await clientFor(app, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    elderUser = await residentOf(env.deps, tree.gridA);
    elder = await clientFor(app, elderUser);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  const body = { category: 'errand', description: '帮忙买降压药', urgency: 'urgent', beneficiaryGroup: 'elderly' };

  it('answers 401 without a session', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/needs'],
      ['GET', '/api/v1/needs'],
      ['GET', '/api/v1/needs/x'],
      ['POST', '/api/v1/needs/x/triage'],
      ['POST', '/api/v1/needs/x/rating'],
    ] as const) {
      const res = await anon(app, method, url, method === 'POST' ? {} : undefined);
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('createNeed refuses bad input with one message per field, in Chinese, writing nothing', async () => {
    // Other tests of this file raise needs for the same person, in any order: count what is there first.
    const needsOfElder = async () =>
      (await env.deps.db.selectFrom('needs').select('id').where('requester_user_id', '=', elderUser.id).execute())
        .length;
    const before = await needsOfElder();
    const res = await elder.request('POST', '/api/v1/needs', {
      category: 'errand',
      description: '',
      urgency: 'whenever',
      peopleNeeded: 0,
    });
    expect(res.statusCode).toBe(400);
    const err = res.json<{ code: string; message: string; details: Array<{ field: string }> }>();
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.map((d) => d.field).sort()).toEqual(['description', 'peopleNeeded', 'urgency']);
    expect(err.message).toMatch(/^请求参数不正确：/);
    expect(err.message).toContain('说明：');
    expect(err.message).toContain('紧急程度：');

    const unknown = await elder.request('POST', '/api/v1/needs', { ...body, category: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请求参数不正确：类别：请选择本区已有的需求类别',
    });
    const window = await elder.request('POST', '/api/v1/needs', {
      ...body,
      windowStart: '2026-11-26T10:00:00+08:00',
      windowEnd: '2026-11-26T09:00:00+08:00',
    });
    expect(window.json()).toMatchObject({ message: '请求参数不正确：结束时间：结束时间须晚于开始时间' });
    expect(await needsOfElder()).toBe(before);
  });

  it('createNeed raises the resident’s need (201) and getNeed shows it with its timeline', async () => {
    const res = await elder.request('POST', '/api/v1/needs', {
      ...body,
      windowStart: '2026-11-26T09:00:00+08:00',
      windowEnd: '2026-11-26T12:00:00+08:00',
    });
    expect(res.statusCode).toBe(201);
    const n = res.json<Need>();
    expect(n).toMatchObject({
      status: 'submitted',
      windowStart: '2026-11-26T01:00:00.000Z',
      windowEnd: '2026-11-26T04:00:00.000Z',
      gridId: tree.gridA.id,
    });
    const got = await elder.request('GET', `/api/v1/needs/${n.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json<NeedDetail>().timeline.map((s) => s.to)).toEqual(['submitted']);
  });

  it('getNeed and triageNeed answer 404 to staff of another community and to another resident', async () => {
    const n = (await elder.request('POST', '/api/v1/needs', body)).json<Need>();
    const other = await clientFor(app, await residentOf(env.deps, tree.gridA));
    for (const c of [adminB, other]) {
      const res = await c.request('GET', `/api/v1/needs/${n.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '需求不存在' });
      expect((await c.request('POST', `/api/v1/needs/${n.id}/triage`, { decision: 'dispatch' })).statusCode).toBe(404);
    }
  });

  it('createNeed by a grid worker for a resident (代录) records the proxy; the staff view masks the phone', async () => {
    const res = await gridA.request('POST', '/api/v1/needs', {
      requesterPhone: elderUser.phone,
      category: 'bath_haircut',
      description: '独居老人需要助浴',
    });
    expect(res.statusCode).toBe(201);
    const n = res.json<Need>();
    expect(n.recordedByUserId).toBe(gridA.userId);
    expect(n.requesterUserId).toBe(elderUser.id);
    expect(n.requesterPhoneMasked).toBe(`${elderUser.phone.slice(0, 3)}****${elderUser.phone.slice(7)}`);
    const own = (await elder.request('GET', `/api/v1/needs/${n.id}`)).json<Need>();
    expect(own.requesterPhoneMasked).toBeNull();
    const bad = await gridA.request('POST', '/api/v1/needs', { ...body, requesterPhone: '123' });
    expect(bad.json()).toMatchObject({ message: '请求参数不正确：居民手机号：请输入11位中国大陆手机号' });
  });

  it('listNeeds gives staff their scope with totals, and a resident only their own', async () => {
    const n = (await elder.request('POST', '/api/v1/needs', body)).json<Need>();
    const staff = (await gridA.request('GET', '/api/v1/needs?status=submitted&limit=200')).json<NeedList>();
    expect(staff.items.map((x) => x.id)).toContain(n.id);
    expect(staff.total).toBe(staff.items.length);
    expect(staff.byStatus.submitted).toBeGreaterThanOrEqual(1);
    const b = (await adminB.request('GET', '/api/v1/needs?limit=200')).json<NeedList>();
    expect(b.items.map((x) => x.id)).not.toContain(n.id);
    const mine = (await elder.request('GET', '/api/v1/needs')).json<NeedList>();
    expect(mine.items.every((x) => x.requesterUserId === elderUser.id)).toBe(true);
    expect((await gridA.request('GET', '/api/v1/needs?status=whatever')).statusCode).toBe(400);
  });

  it('triageNeed dispatches; a second triage answers 409 naming the state in words', async () => {
    const n = (await elder.request('POST', '/api/v1/needs', body)).json<Need>();
    const t = await gridA.request('POST', `/api/v1/needs/${n.id}/triage`, {
      decision: 'dispatch',
      peopleNeeded: 2,
      version: 1,
    });
    expect(t.statusCode).toBe(200);
    expect(t.json<Need>()).toMatchObject({ status: 'triaged', peopleNeeded: 2, version: 2 });
    const again = await gridA.request('POST', `/api/v1/needs/${n.id}/triage`, { decision: 'dispatch' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'NEED_STATE', message: '该需求当前为“已分派待匹配”，不能分派' });
    const stale = await gridA.request('POST', `/api/v1/needs/${n.id}/triage`, { decision: 'link', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'NEED_CHANGED', message: '该需求刚被他人处理过，请刷新后再操作' });
    const noReason = await gridA.request('POST', `/api/v1/needs/${n.id}/triage`, { decision: 'close' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ message: '请求参数不正确：原因：请填写原因' });
  });

  it('withdrawNeed and rateNeed: the requester withdraws before matching and rates after it is done', async () => {
    const a = (await elder.request('POST', '/api/v1/needs', body)).json<Need>();
    const w = await elder.request('POST', `/api/v1/needs/${a.id}/withdraw`, {});
    expect(w.statusCode).toBe(200);
    expect(w.json<Need>()).toMatchObject({ status: 'closed', statusReason: '本人撤回' });

    const b = (await elder.request('POST', '/api/v1/needs', body)).json<Need>();
    const early = await elder.request('POST', `/api/v1/needs/${b.id}/rating`, { rating: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ message: '该需求当前为“待分派”，不能评价（服务完成后才能评价）' });
    await walk(env.deps, b.id, ['triaged', 'dispatched', 'matched']);
    const late = await elder.request('POST', `/api/v1/needs/${b.id}/withdraw`, {});
    expect(late.json()).toMatchObject({
      code: 'NEED_STATE',
      message: '该需求当前为“已匹配”，不能撤回（已有志愿者接单，请联系社区）',
    });
    await walk(env.deps, b.id, ['in_service', 'done']);
    expect((await elder.request('POST', `/api/v1/needs/${b.id}/rating`, { rating: 6 })).statusCode).toBe(400);
    const r = await elder.request('POST', `/api/v1/needs/${b.id}/rating`, { rating: 4, comment: '很及时' });
    expect(r.statusCode).toBe(200);
    expect(r.json<Need>()).toMatchObject({ status: 'evaluated', rating: 4, ratingComment: '很及时' });
  });

  it('answers in English when asked', async () => {
    const res = await elder.request(
      'POST',
      '/api/v1/needs',
      { ...body, category: 'nope' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain("Choose one of the district's need categories");
  });

  it('getNeedSettings lists the 12 default categories with the skills they match', async () => {
    const res = await elder.request('GET', `/api/v1/districts/${tree.district.id}/need-settings`);
    expect(res.statusCode).toBe(200);
    const s = res.json<{ categories: Array<{ key: string; name: string; skills: string[] }> }>();
    expect(s.categories).toHaveLength(12);
    expect(s.categories.find((c) => c.key === 'escort')).toEqual({
      key: 'escort',
      name: '就医陪护',
      skills: ['医护', '驾驶'],
    });
  });

  it('listNeedCategories gives a resident their home district’s categories', async () => {
    const res = await elder.request('GET', '/api/v1/need-categories');
    expect(res.statusCode).toBe(200);
    const c = res.json<{ districtId: string; categories: Array<{ key: string }> }>();
    expect(c.districtId).toBe(tree.district.id);
    expect(c.categories.map((x) => x.key)).toContain('errand');
    expect((await elder.request('GET', '/api/v1/need-categories?districtId=elsewhere')).statusCode).toBe(404);
  });

  it('updateNeedSettings: the district admin changes categories (400 on a bad key); a community admin gets 404', async () => {
    const districtAdmin = await clientFor(
      app,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }),
    );
    const url = `/api/v1/districts/${tree.district.id}/need-settings`;
    const bad = await districtAdmin.request('PATCH', url, { categories: [{ key: 'Bad Key', name: '坏', skills: [] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    expect(
      (await adminB.request('PATCH', url, { categories: [{ key: 'x', name: '某', skills: [] }] })).statusCode,
    ).toBe(404);
    const before = (await districtAdmin.request('GET', url)).json<{ categories: unknown[] }>();
    const ok = await districtAdmin.request('PATCH', url, {
      categories: [...before.categories, { key: 'pet_care', name: '宠物照看', skills: [] }],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ categories: Array<{ key: string }> }>().categories.map((c) => c.key)).toContain('pet_care');
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', 'needs')
      .where('target_type', '=', 'district_settings')
      .execute();
    expect(audit).toEqual([{ action: 'settings.update' }]);
    await districtAdmin.request('PATCH', url, before);
  });
});
