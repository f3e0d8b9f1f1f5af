// The suggestion box over HTTP on each database: leave (rate-limited), answer, the public list (masked names, no
// phones), staff queue and scope, conversion into a need or a project (retry-safe), and 400s.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anon,
  clientFor,
  type Client,
  createTestEnv,
  DIALECTS,
  makeUser,
  type TestEnv,
  testApp,
  useClock,
} from '../support.js';
import { makeWorld, type World } from '../projects/projects.fixtures.js';

interface S {
  id: string;
  status: string;
  authorName: string | null;
  answer: string | null;
  needId: string | null;
  projectId: string | null;
  mine: boolean;
}

describe.each(DIALECTS)('suggestion box over HTTP (%s)', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let w: World;
  let admin: Client;
  let adminB: Client;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    w = await makeWorld(env, '意见区');
    admin = await clientFor(app, w.adminA);
    adminB = await clientFor(app, w.adminB);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  /** A fresh resident of community A (the limit is per person) and their client. */
  async function resident(realName = '李秀兰') {
    const u = await makeUser(env.deps, { home: w.tree.communityA, realName, displayName: '李奶奶' });
    return { user: u, client: await clientFor(app, u) };
  }

  async function suggest(c: Client, extra: Record<string, unknown> = {}): Promise<S> {
    const res = await c.request('POST', '/api/v1/suggestions', {
      category: '设施维修',
      content: '3栋楼道的灯坏了很久，晚上看不清台阶',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<S>();
  }

  it('takes a suggestion for the home community and limits one person to one a minute, five a day', async () => {
    const { client } = await resident();
    const s = await suggest(client);
    expect(s).toMatchObject({ status: 'open', authorName: '李*兰', mine: true });
    const soon = await client.request('POST', '/api/v1/suggestions', { category: '其他', content: '再提一条意见' });
    expect(soon.statusCode).toBe(429);
    expect(soon.json<{ code: string; message: string }>()).toMatchObject({
      code: 'RATE_LIMITED',
      message: '操作过于频繁，请稍后再试',
    });
    for (let i = 0; i < 4; i++) {
      env.clock.advance(61_000);
      await suggest(client, { content: `第${i + 2}条意见：垃圾桶不够` });
    }
    env.clock.advance(61_000);
    expect(
      (await client.request('POST', '/api/v1/suggestions', { category: '其他', content: '第六条意见了' })).statusCode,
    ).toBe(429);
    env.clock.advance(24 * 3600_000);
    expect(
      (await client.request('POST', '/api/v1/suggestions', { category: '其他', content: '第二天的意见' })).statusCode,
    ).toBe(201);
  });

  it('refuses bad input with 400 in plain words and writes nothing', async () => {
    const { user, client } = await resident();
    const short = await client.request('POST', '/api/v1/suggestions', { category: '其他', content: '灯' });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ details: { field: string; message: string }[] }>().details).toEqual([
      { field: 'content', message: '请写下您的意见（5至1000字）' },
    ]);
    const cat = await client.request('POST', '/api/v1/suggestions', { category: '外星人', content: '一条正常的意见' });
    expect(cat.statusCode).toBe(400);
    const elsewhere = await client.request('POST', '/api/v1/suggestions', {
      category: '其他',
      content: '一条正常的意见',
      communityId: 'no-such-node',
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(await env.deps.db.selectFrom('suggestions').select('id').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
    expect((await anon(app, 'POST', '/api/v1/suggestions', { category: '其他', content: '匿名提交' })).statusCode).toBe(
      401,
    );
  });

  it('publishes answered suggestions with masked or hidden names and never a phone', async () => {
    const a = await resident('王建华');
    const b = await resident('赵小梅');
    const named = await suggest(a.client, { content: '希望增加老年食堂的座位' });
    const hidden = await suggest(b.client, { content: '小区门口车太多，孩子上学不安全', anonymous: true });
    const open = await anon(app, 'GET', `/api/v1/suggestions?view=public&communityId=${w.tree.communityA.id}`);
    expect(open.json<{ items: S[] }>().items.map((x) => x.id)).not.toContain(named.id);
    for (const s of [named, hidden]) {
      const res = await admin.request('POST', `/api/v1/suggestions/${s.id}/answer`, { answer: '已收到，下周处理' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const pub = await anon(app, 'GET', `/api/v1/suggestions?view=public&communityId=${w.tree.communityA.id}`);
    expect(pub.statusCode).toBe(200);
    const items = pub.json<{ items: S[] }>().items;
    expect(items.find((x) => x.id === named.id)).toMatchObject({
      authorName: '王*华',
      answer: '已收到，下周处理',
      mine: false,
    });
    expect(items.find((x) => x.id === hidden.id)!.authorName).toBeNull();
    for (const secret of [a.user.phone, b.user.phone, '王建华', '赵小梅', '赵*梅'])
      expect(pub.body).not.toContain(secret);
    // Staff see who wrote the anonymous one (masked); the author sees it as theirs.
    const mine = await b.client.request('GET', '/api/v1/suggestions?view=mine');
    expect(mine.json<{ items: S[] }>().items[0]).toMatchObject({ id: hidden.id, authorName: '赵*梅', mine: true });
  });

  it('queues open suggestions for staff of the community only', async () => {
    const { client } = await resident();
    const s = await suggest(client, { content: '健身器材坏了一个' });
    const queue = await admin.request('GET', '/api/v1/suggestions?view=queue');
    expect(queue.json<{ items: S[] }>().items.map((x) => x.id)).toContain(s.id);
    const other = await adminB.request('GET', '/api/v1/suggestions?view=queue');
    expect(other.json<{ items: S[] }>().items.map((x) => x.id)).not.toContain(s.id);
    expect((await adminB.request('POST', `/api/v1/suggestions/${s.id}/answer`, { answer: '好' })).statusCode).toBe(404);
    expect((await client.request('POST', `/api/v1/suggestions/${s.id}/answer`, { answer: '自己答' })).statusCode).toBe(
      404,
    );
    expect((await anon(app, 'GET', '/api/v1/suggestions?view=queue')).statusCode).toBe(401);
    expect((await admin.request('POST', `/api/v1/suggestions/${s.id}/answer`, { answer: '' })).statusCode).toBe(400);
  });

  it('turns a suggestion into one need with the author as requester; a retry answers the same need', async () => {
    const { user, client } = await resident();
    const s = await suggest(client, { content: '独居老人希望有人每周来看看' });
    const body = { idempotencyKey: 'to-need-key-0001', category: 'visit', urgency: 'normal' };
    const first = await admin.request('POST', `/api/v1/suggestions/${s.id}/to-need`, body);
    expect(first.statusCode, first.body).toBe(200);
    const converted = first.json<S>();
    expect(converted.status).toBe('to_need');
    expect(converted.answer).toBe('已转为需求，社区正在安排办理');
    const again = await admin.request('POST', `/api/v1/suggestions/${s.id}/to-need`, body);
    expect(again.json<S>().needId).toBe(converted.needId);
    const needs = await env.deps.db
      .selectFrom('needs')
      .select(['id', 'requester_user_id', 'recorded_by_user_id', 'description'])
      .where('requester_user_id', '=', user.id)
      .execute();
    expect(needs).toEqual([
      {
        id: converted.needId,
        requester_user_id: user.id,
        recorded_by_user_id: w.adminA.id,
        description: '独居老人希望有人每周来看看',
      },
    ]);
    const otherKey = await admin.request('POST', `/api/v1/suggestions/${s.id}/to-need`, {
      ...body,
      idempotencyKey: 'another-key-0002',
    });
    expect(otherKey.statusCode).toBe(409);
    expect(otherKey.json<{ message: string }>().message).toBe('该意见当前为“已转为需求”，不能转为需求');
    const toProject = await admin.request('POST', `/api/v1/suggestions/${s.id}/to-project`, {
      idempotencyKey: 'to-need-key-0001',
      title: '项目',
    });
    expect(toProject.statusCode).toBe(409);
    expect(toProject.json<{ code: string }>().code).toBe('IDEMPOTENCY_CONFLICT');
    const events = await env.deps.db
      .selectFrom('domain_events')
      .select('payload')
      .where('type', '=', 'suggestion.answered')
      .where('ref_id', 'like', `${s.id}:%`)
      .execute();
    expect(events.map((e) => JSON.parse(e.payload) as { status: string; userId: string })).toEqual([
      { suggestionId: s.id, userId: user.id, status: 'to_need', answer: '已转为需求，社区正在安排办理' },
    ]);
    // The author sees the link to their need.
    const mine = await client.request('GET', '/api/v1/suggestions?view=mine');
    expect(mine.json<{ items: S[] }>().items[0]!.needId).toBe(converted.needId);
  });

  it('releases the suggestion when the need is refused (unknown category), writing no need', async () => {
    const { user, client } = await resident();
    const s = await suggest(client, { content: '希望有人教用智能手机' });
    const bad = await admin.request('POST', `/api/v1/suggestions/${s.id}/to-need`, {
      idempotencyKey: 'bad-cat-key-01',
      category: 'nope',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      await env.deps.db.selectFrom('needs').select('id').where('requester_user_id', '=', user.id).execute(),
    ).toEqual([]);
    // Nothing told the author it was taken up.
    expect(
      await env.deps.db.selectFrom('domain_events').select('id').where('ref_id', 'like', `${s.id}:%`).execute(),
    ).toEqual([]);
    const ok = await admin.request('POST', `/api/v1/suggestions/${s.id}/to-need`, {
      idempotencyKey: 'bad-cat-key-01',
      category: 'errand',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<S>().needId).not.toBeNull();
  });

  it('turns a suggestion into one draft project; a retry answers the same project', async () => {
    const { client } = await resident();
    const s = await suggest(client, { content: '小区需要一个儿童阅读角' });
    const body = { idempotencyKey: 'to-project-key-1', title: '儿童阅读角', budgetFen: 200_000 };
    const first = await admin.request('POST', `/api/v1/suggestions/${s.id}/to-project`, body);
    expect(first.statusCode, first.body).toBe(200);
    const again = await admin.request('POST', `/api/v1/suggestions/${s.id}/to-project`, body);
    expect(again.json<S>().projectId).toBe(first.json<S>().projectId);
    const rows = await env.deps.db
      .selectFrom('projects')
      .select(['id', 'status', 'suggestion_id'])
      .where('suggestion_id', '=', s.id)
      .execute();
    expect(rows).toEqual([{ id: first.json<S>().projectId, status: 'draft', suggestion_id: s.id }]);
    expect((await adminB.request('POST', `/api/v1/suggestions/${s.id}/to-project`, body)).statusCode).toBe(404);
  });
});
