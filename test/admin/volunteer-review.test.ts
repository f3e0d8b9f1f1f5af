// Volunteer review in bulk: one call approves or rejects a selected list, each audited; the queue filters by
// community, team and application date.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../../src/server/modules/volunteers/teams.service.js';
import { applyVolunteer } from '../../src/server/modules/volunteers/volunteers.service.js';
import type { OrgNode } from '../../src/server/modules/org/index.js';
import {
  actorOf,
  anon,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  plainActor,
  type TestEnv,
  testApp,
  type Tree,
  type TestUser,
  useClock,
} from '../support.js';

describe.each(DIALECTS)('bulk volunteer review on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminUser: TestUser;
  let adminA: Client;
  let adminB: Client;

  async function applicant(community: OrgNode = tree.communityA): Promise<string> {
    const u = await makeUser(env.deps, { home: community });
    const v = await applyVolunteer(env.deps, plainActor(u.id), {
      communityId: community.id,
      realName: '申请人',
      skills: [],
      availability: {},
    });
    return v.id;
  }

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminUser = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    adminA = await clientFor(app, adminUser);
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
  });
  useClock(() => env);
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('approves a selected list in one call, numbering each and auditing each', async () => {
    const ids = [await applicant(), await applicant(), await applicant()];
    const res = await adminA.request('POST', '/api/v1/volunteers/review', { volunteerIds: ids, decision: 'approve' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual(
      ids.map((id) => [id, 'approved']),
    );
    const numbers = res.json().items.map((v: { volunteerNo: string }) => v.volunteerNo);
    expect(new Set(numbers).size).toBe(3);
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('target_id', 'in', ids)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['volunteer.approve', 'volunteer.approve', 'volunteer.approve']);
    expect(new Set(audit.map((a) => a.target_id))).toEqual(new Set(ids));
  });

  it('rejects a selected list with one reason', async () => {
    const ids = [await applicant(), await applicant()];
    const res = await adminA.request('POST', '/api/v1/volunteers/review', {
      volunteerIds: ids,
      decision: 'reject',
      reason: '资料不全',
    });
    expect(res.json().items.map((v: { status: string; rejectReason: string }) => [v.status, v.rejectReason])).toEqual([
      ['rejected', '资料不全'],
      ['rejected', '资料不全'],
    ]);
  });

  it('requires a reason to reject', async () => {
    const id = await applicant();
    const res = await adminA.request('POST', '/api/v1/volunteers/review', { volunteerIds: [id], decision: 'reject' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'REASON_REQUIRED', message: '请填写原因' });
  });

  it('changes nothing when one of the list was already decided', async () => {
    const fresh = await applicant();
    const decided = await applicant();
    await adminA.request('POST', '/api/v1/volunteers/review', { volunteerIds: [decided], decision: 'approve' });
    const res = await adminA.request('POST', '/api/v1/volunteers/review', {
      volunteerIds: [fresh, decided],
      decision: 'approve',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'VOLUNTEER_NOT_PENDING',
      message: '该申请已处理（已通过），不能重复审核',
    });
    const row = await env.deps.db
      .selectFrom('volunteers')
      .select('status')
      .where('id', '=', fresh)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('decides each application once when two reviewers race with the same list', async () => {
    const ids = [await applicant(), await applicant()];
    const other = await clientFor(
      app,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    const results = await Promise.all(
      [adminA, other, adminA].map((c) =>
        c.request('POST', '/api/v1/volunteers/review', { volunteerIds: ids, decision: 'approve' }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422, 422]);
    expect(results.filter((r) => r.statusCode === 422).map((r) => r.json().code)).toEqual([
      'VOLUNTEER_NOT_PENDING',
      'VOLUNTEER_NOT_PENDING',
    ]);
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .select('target_id')
      .where('target_id', 'in', ids)
      .where('action', '=', 'volunteer.approve')
      .execute();
    expect(audit).toHaveLength(2);
    const rows = await env.deps.db.selectFrom('volunteers').select('volunteer_no').where('id', 'in', ids).execute();
    expect(new Set(rows.map((r) => r.volunteer_no)).size).toBe(2);
  });

  it('rejects bad input with a clear message', async () => {
    const res = await adminA.request('POST', '/api/v1/volunteers/review', { volunteerIds: [], decision: 'maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      '请求参数不正确：所选志愿者：至少选择 1 项；审核结果：无效选项：期望以下之一 "approve"|"reject"',
    );
  });

  it('answers 401 without a session', async () => {
    const res = await anon(app, 'POST', '/api/v1/volunteers/review', { volunteerIds: ['x'], decision: 'approve' });
    expect(res.statusCode).toBe(401);
  });

  it("answers 404 when one of the list is outside the reviewer's community, changing nothing", async () => {
    const mine = await applicant();
    const theirs = await applicant(tree.communityB);
    const res = await adminA.request('POST', '/api/v1/volunteers/review', {
      volunteerIds: [mine, theirs],
      decision: 'approve',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '志愿者不存在' });
    expect(
      (await adminB.request('POST', '/api/v1/volunteers/review', { volunteerIds: [mine], decision: 'approve' }))
        .statusCode,
    ).toBe(404);
    const row = await env.deps.db
      .selectFrom('volunteers')
      .select('status')
      .where('id', '=', mine)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('filters the queue by application date (China dates)', async () => {
    env.clock.set(new Date('2026-12-01T15:59:00Z')); // 23:59 on 1 Dec in China
    const early = await applicant(tree.communityA2);
    env.clock.set(new Date('2026-12-01T16:01:00Z')); // 00:01 on 2 Dec in China
    const late = await applicant(tree.communityA2);
    const day = async (from: string, to: string) =>
      (await adminA.request('GET', `/api/v1/volunteers?status=pending&from=${from}&to=${to}`))
        .json()
        .items.map((v: { id: string }) => v.id);
    expect((await adminA.request('GET', '/api/v1/volunteers?from=2026-12-1')).statusCode).toBe(400);
    expect(await day('2026-12-01', '2026-12-01')).toEqual([]); // A2 is not in community A's scope
    const street = await clientFor(app, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
    const list = async (q: string) =>
      (await street.request('GET', `/api/v1/volunteers?status=pending&${q}`))
        .json()
        .items.map((v: { id: string }) => v.id);
    expect(await list('from=2026-12-01&to=2026-12-01')).toEqual([early]);
    expect(await list('from=2026-12-02&to=2026-12-02')).toEqual([late]);
    expect(await list(`communityId=${tree.communityA2.id}&from=2026-12-01`)).toEqual([late, early]);
  });

  it('filters the roster by team', async () => {
    const leader = await makeVolunteer(env.deps, tree.communityA);
    const bystander = await makeVolunteer(env.deps, tree.communityA);
    const team = await createTeam(env.deps, await actorOf(env.deps, adminUser), {
      communityId: tree.communityA.id,
      name: `队${leader.id.slice(-6)}`,
      category: '邻里关照',
      leaderUserId: leader.id,
    });
    const res = await adminA.request('GET', `/api/v1/volunteers?teamId=${team.id}`);
    const ids = res.json().items.map((v: { id: string }) => v.id);
    expect(ids).toEqual([leader.volunteerId]);
    expect(ids).not.toContain(bystander.volunteerId);
  });
});
