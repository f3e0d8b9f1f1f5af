// Resources, projects and claims through HTTP on each database: the state graph, scope (NOT_FOUND outside), claims
// and their review, generated activities, and 400s for bad input.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anon, clientFor, type Client, createTestEnv, DIALECTS, type TestEnv, testApp, useClock } from '../support.js';
import { makeWorld, needOf, type World } from './projects.fixtures.js';

interface P {
  id: string;
  status: string;
  claimedUnitName: string | null;
  needs: { id: string; status: string }[];
  resources: { id: string }[];
  claims: { id: string; status: string; rejectReason: string | null }[];
  activities: { id: string }[];
  needCount: number;
}

describe.each(DIALECTS)('projects over HTTP (%s)', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let w: World;
  let admin: Client;
  let adminB: Client;
  let c1: Client;
  let c2: Client;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    w = await makeWorld(env);
    admin = await clientFor(app, w.adminA);
    adminB = await clientFor(app, w.adminB);
    c1 = await clientFor(app, w.contact1);
    c2 = await clientFor(app, w.contact2);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  const venue = () => ({
    communityId: w.tree.communityA.id,
    providerKind: 'partner',
    providerId: w.unit1,
    kind: 'venue',
    title: '大学礼堂',
    quantity: 200,
    unit: '人',
    availability: '周末白天',
    availableFrom: '2026-12-01',
    availableTo: '2027-06-30',
    conditions: '提前一周预约',
    contact: '陈老师',
  });

  async function project(extra: Record<string, unknown> = {}): Promise<P> {
    const res = await admin.request('POST', '/api/v1/projects', {
      communityId: w.tree.communityA.id,
      title: '老旧小区助老项目',
      description: '为独居老人上门服务',
      budgetFen: 500_000,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<P>();
  }

  async function published(): Promise<P> {
    const p = await project({ publish: true });
    expect(p.status).toBe('published');
    return p;
  }

  it('records a resource from a partner unit and lists it only within scope', async () => {
    const res = await admin.request('POST', '/api/v1/resources', venue());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<{ id: string; providerName: string; status: string }>();
    expect(r.providerName).toBe('江城大学志愿者协会');
    const mine = await admin.request('GET', `/api/v1/resources?kind=venue`);
    expect(mine.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toContain(r.id);
    const other = await adminB.request('GET', '/api/v1/resources');
    expect(other.json<{ total: number }>().total).toBe(0);
    expect((await adminB.request('GET', `/api/v1/resources/${r.id}`)).statusCode).toBe(404);
    expect((await adminB.request('PATCH', `/api/v1/resources/${r.id}`, { title: '改' })).statusCode).toBe(404);
    expect((await anon(app, 'GET', '/api/v1/resources')).statusCode).toBe(401);
  });

  it('asks funds for an amount in fen and refuses a provider outside the community', async () => {
    const funds = await admin.request('POST', '/api/v1/resources', {
      communityId: w.tree.communityA.id,
      providerKind: 'community',
      kind: 'funds',
      title: '社区公益金',
    });
    expect(funds.statusCode).toBe(400);
    expect(funds.json<{ details: { field: string; message: string }[] }>().details).toEqual([
      { field: 'amountFen', message: '资金须填写金额（分）' },
    ]);
    const ok = await admin.request('POST', '/api/v1/resources', {
      communityId: w.tree.communityA.id,
      providerKind: 'community',
      kind: 'funds',
      title: '社区公益金',
      amountFen: 1_000_000,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<{ amountFen: number; providerName: string }>()).toMatchObject({
      amountFen: 1_000_000,
      providerName: '甲社区',
    });
    const fracture = await admin.request('POST', '/api/v1/resources', { ...venue(), quantity: 1.5 });
    expect(fracture.statusCode).toBe(400);
    const otherCommunity = await adminB.request('POST', '/api/v1/resources', {
      ...venue(),
      communityId: w.tree.communityB.id,
    });
    expect(otherCommunity.statusCode).toBe(404);
    const dates = await admin.request('POST', '/api/v1/resources', { ...venue(), availableTo: '2026-01-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json<{ details: { field: string }[] }>().details[0]!.field).toBe('availableTo');
  });

  it('archives a resource, which then cannot join a project', async () => {
    const r = (await admin.request('POST', '/api/v1/resources', venue())).json<{ id: string }>();
    const archived = await admin.request('PATCH', `/api/v1/resources/${r.id}`, { status: 'archived' });
    expect(archived.json<{ status: string }>().status).toBe('archived');
    const res = await admin.request('POST', '/api/v1/projects', {
      communityId: w.tree.communityA.id,
      title: '用停用资源',
      resourceIds: [r.id],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ code: string }>().code).toBe('RESOURCE_ARCHIVED');
  });

  it('bundles needs and resources into a draft, links the needs, publishes once', async () => {
    const n1 = await needOf(env, w, '楼道灯坏了');
    const n2 = await needOf(env, w, '独居老人需要陪伴');
    const r = (await admin.request('POST', '/api/v1/resources', venue())).json<{ id: string }>();
    const p = await project({ needIds: [n1, n2], resourceIds: [r.id] });
    expect(p.status).toBe('draft');
    expect(p.needCount).toBe(2);
    expect(p.needs.map((n) => n.status)).toEqual(['linked', 'linked']);
    expect(p.resources.map((x) => x.id)).toEqual([r.id]);
    const pub = await admin.request('POST', `/api/v1/projects/${p.id}/publish`);
    expect(pub.json<P>().status).toBe('published');
    const again = await admin.request('POST', `/api/v1/projects/${p.id}/publish`);
    expect(again.statusCode).toBe(422);
    expect(again.json<{ message: string }>().message).toBe('项目当前为“已发布”，不能发布');
    // A need already in a project cannot join another.
    const twice = await admin.request('POST', '/api/v1/projects', {
      communityId: w.tree.communityA.id,
      title: '另一个',
      needIds: [n1],
    });
    expect(twice.statusCode).toBe(409);
    expect(await env.deps.db.selectFrom('projects').select('id').where('title', '=', '另一个').execute()).toEqual([]);
  });

  it('answers NOT_FOUND for a need of another community and for projects outside the scope', async () => {
    const p = await project();
    expect((await adminB.request('GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(404);
    expect((await adminB.request('POST', `/api/v1/projects/${p.id}/publish`)).statusCode).toBe(404);
    expect((await adminB.request('PATCH', `/api/v1/projects/${p.id}`, { title: 'x' })).statusCode).toBe(404);
    const list = await adminB.request('GET', '/api/v1/projects');
    expect(list.json<{ items: { id: string }[] }>().items.map((x) => x.id)).not.toContain(p.id);
    const n = await needOf(env, w);
    const res = await adminB.request('POST', '/api/v1/projects', {
      communityId: w.tree.communityB.id,
      title: '跨社区',
      needIds: [n],
    });
    expect(res.statusCode).toBe(404);
    // Partner contacts do not see drafts.
    expect((await c1.request('GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(404);
  });

  it('lets a contact claim for their own unit only; a repeat answers the same claim', async () => {
    const p = await published();
    const units = await c1.request('GET', '/api/v1/me/partner-units');
    expect(units.json<{ items: { id: string }[] }>().items.map((u) => u.id)).toEqual([w.unit1]);
    const seen = await c1.request('GET', '/api/v1/projects?status=published');
    expect(seen.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toContain(p.id);
    const first = await c1.request('POST', `/api/v1/projects/${p.id}/claims`, {
      partnerUnitId: w.unit1,
      plan: '每周两次上门',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await c1.request('POST', `/api/v1/projects/${p.id}/claims`, {
      partnerUnitId: w.unit1,
      plan: '每周两次上门',
    });
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    const other = await c1.request('POST', `/api/v1/projects/${p.id}/claims`, {
      partnerUnitId: w.unit1,
      plan: '改主意了',
    });
    expect(other.statusCode).toBe(409);
    expect(other.json<{ message: string }>().message).toBe(
      '江城大学志愿者协会已认领过该项目（待审核），请等待社区审核',
    );
    const notTheirs = await c1.request('POST', `/api/v1/projects/${p.id}/claims`, {
      partnerUnitId: w.unit2,
      plan: 'x',
    });
    expect(notTheirs.statusCode).toBe(404);
    const empty = await c1.request('POST', `/api/v1/projects/${p.id}/claims`, { partnerUnitId: w.unit1, plan: '  ' });
    expect(empty.statusCode).toBe(400);
    const resident = await clientFor(app, w.resident);
    expect(
      (await resident.request('POST', `/api/v1/projects/${p.id}/claims`, { partnerUnitId: w.unit1, plan: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('approves one claim: the project is claimed, the rival claim rejected; then activities, then done', async () => {
    const p = await published();
    const k1 = (
      await c1.request('POST', `/api/v1/projects/${p.id}/claims`, { partnerUnitId: w.unit1, plan: '计划一' })
    ).json<{ id: string }>();
    const k2 = (
      await c2.request('POST', `/api/v1/projects/${p.id}/claims`, { partnerUnitId: w.unit2, plan: '计划二' })
    ).json<{ id: string }>();
    expect(
      (await adminB.request('POST', `/api/v1/project-claims/${k1.id}/review`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    const noReason = await admin.request('POST', `/api/v1/project-claims/${k2.id}/review`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    const ok = await admin.request('POST', `/api/v1/project-claims/${k1.id}/review`, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ status: string }>().status).toBe('approved');
    const late = await admin.request('POST', `/api/v1/project-claims/${k2.id}/review`, { decision: 'approve' });
    expect(late.statusCode).toBe(422);
    expect(late.json<{ message: string }>().message).toBe('该认领已处理（已驳回），不能再操作');
    const detail = (await admin.request('GET', `/api/v1/projects/${p.id}`)).json<P>();
    expect(detail.status).toBe('claimed');
    expect(detail.claimedUnitName).toBe('江城大学志愿者协会');
    expect(detail.claims.map((c) => [c.status, c.rejectReason])).toEqual([
      ['approved', null],
      ['rejected', '已由其他单位认领'],
    ]);
    // The rival sees only its own claim; the winner still sees the project.
    const rival = (await c2.request('GET', `/api/v1/projects/${p.id}`)).json<P>();
    expect(rival.claims.map((c) => c.id)).toEqual([k2.id]);
    expect((await c1.request('GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(200);

    const act = await admin.request('POST', `/api/v1/projects/${p.id}/activities`, {
      title: '上门陪伴',
      category: '助老服务',
      address: '甲社区 3 栋',
      startsAt: '2026-12-05T01:00:00.000Z',
      endsAt: '2026-12-05T03:00:00.000Z',
      slots: 5,
      publish: true,
    });
    expect(act.statusCode, act.body).toBe(201);
    const running = (await admin.request('GET', `/api/v1/projects/${p.id}`)).json<P>();
    expect(running.status).toBe('in_progress');
    expect(running.activities.map((a) => a.id)).toEqual([act.json<{ id: string }>().id]);
    const done = await admin.request('POST', `/api/v1/projects/${p.id}/finish`);
    expect(done.json<P>().status).toBe('done');
    const withdraw = await admin.request('POST', `/api/v1/projects/${p.id}/withdraw`, { reason: '不做了' });
    expect(withdraw.statusCode).toBe(422);
    const audits = await env.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', 'in', [p.id, k1.id])
      .orderBy('id')
      .execute();
    const events = await env.deps.db
      .selectFrom('domain_events')
      .select(['ref_id', 'payload'])
      .where('type', '=', 'project.claim_reviewed')
      .where('ref_id', 'in', [k1.id, k2.id])
      .execute();
    // The approval is one event; the rival's automatic rejection is told through the claim itself.
    expect(events.map((e) => [e.ref_id, (JSON.parse(e.payload) as { approved: boolean }).approved])).toEqual([
      [k1.id, true],
    ]);
    expect(audits.map((a) => a.action)).toEqual([
      'project.create',
      'project.claim',
      'project.claim.approve',
      'project.activity',
      'project.finish',
    ]);
  });

  it('refuses activities before a claim and withdraws with a reason, rejecting pending claims', async () => {
    const p = await published();
    const early = await admin.request('POST', `/api/v1/projects/${p.id}/activities`, {
      title: '太早',
      category: '助老服务',
      address: '甲社区',
      startsAt: '2026-12-05T01:00:00.000Z',
      endsAt: '2026-12-05T03:00:00.000Z',
      slots: 5,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json<{ message: string }>().message).toBe('项目当前为“已发布”，不能生成活动');
    const k = (
      await c1.request('POST', `/api/v1/projects/${p.id}/claims`, { partnerUnitId: w.unit1, plan: '计划' })
    ).json<{ id: string }>();
    expect((await admin.request('POST', `/api/v1/projects/${p.id}/withdraw`, { reason: '' })).statusCode).toBe(400);
    const res = await admin.request('POST', `/api/v1/projects/${p.id}/withdraw`, { reason: '经费未落实' });
    expect(res.json<P>().status).toBe('withdrawn');
    const claim = (await admin.request('GET', `/api/v1/projects/${p.id}`)).json<P>().claims.find((c) => c.id === k.id);
    expect(claim).toMatchObject({ status: 'rejected', rejectReason: '经费未落实' });
    // The unit may claim again only when the project is published: it is withdrawn now.
    const again = await c1.request('POST', `/api/v1/projects/${p.id}/claims`, { partnerUnitId: w.unit1, plan: '计划' });
    expect(again.statusCode).toBe(422);
  });

  it('lets the unit withdraw its pending claim and claim again; nobody else may withdraw it', async () => {
    const p = await published();
    const first = (
      await c1.request('POST', `/api/v1/projects/${p.id}/claims`, { partnerUnitId: w.unit1, plan: '第一版计划' })
    ).json<{ id: string }>();
    expect((await c2.request('POST', `/api/v1/project-claims/${first.id}/withdraw`)).statusCode).toBe(404);
    expect((await admin.request('POST', `/api/v1/project-claims/${first.id}/withdraw`)).statusCode).toBe(404);
    const back = await c1.request('POST', `/api/v1/project-claims/${first.id}/withdraw`);
    expect(back.json<{ status: string }>().status).toBe('withdrawn');
    expect((await c1.request('POST', `/api/v1/project-claims/${first.id}/withdraw`)).statusCode).toBe(422);
    const again = await c1.request('POST', `/api/v1/projects/${p.id}/claims`, {
      partnerUnitId: w.unit1,
      plan: '第二版计划',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json<{ id: string }>().id).not.toBe(first.id);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await env.deps.db.selectFrom('projects').select('id').execute();
    for (const body of [
      { communityId: w.tree.communityA.id, title: '' },
      { communityId: w.tree.communityA.id, title: '预算为负', budgetFen: -1 },
      { communityId: w.tree.communityA.id, title: '小数预算', budgetFen: 10.5 },
      { title: '没有社区' },
    ]) {
      const res = await admin.request('POST', '/api/v1/projects', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    }
    expect(await env.deps.db.selectFrom('projects').select('id').execute()).toHaveLength(before.length);
    const badKind = await admin.request('POST', '/api/v1/resources', { ...venue(), kind: 'spaceship' });
    expect(badKind.statusCode).toBe(400);
    const badDecision = await admin.request('POST', `/api/v1/project-claims/nope/review`, { decision: 'maybe' });
    expect(badDecision.statusCode).toBe(400);
  });
});
