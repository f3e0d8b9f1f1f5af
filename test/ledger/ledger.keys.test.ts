// Idempotency keys of the points bank under real races: identical requests sent at the same moment (a genuine race
// on PostgreSQL, serial on SQLite) give one movement and the same answer to every caller, never a 500; the same key
// with a different request is a 409 that says so and moves nothing. Same for a person signing up twice at once.
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  plainActor,
  testApp,
  type Client,
  type TestEnv,
  type Tree,
} from '../support.js';
import * as activities from '../../src/server/modules/activities/activities.service.js';
import { updatePointRules } from '../../src/server/modules/ledger/ledger.settings.js';
import * as teams from '../../src/server/modules/volunteers/teams.service.js';

const RACERS = 8;

function statuses(rs: LightMyRequestResponse[]): number[] {
  return rs.map((r) => r.statusCode);
}

describe.each(DIALECTS)('idempotency keys raced on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let admin: Client;
  let resident: { id: string; phone: string };
  let residentClient: Client;
  let seq = 0;
  const key = (p: string) => `${p}-${dialect}-${++seq}-key`;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    const adminUser = await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district });
    admin = await clientFor(app, adminUser);
    await updatePointRules(env.deps, await actorOf(env.deps, adminUser), tree.district.id, {
      allowGifts: true,
      allowDonations: true,
      monthlyGiveLimit: 1_000_000,
    });
    resident = await makeUser(env.deps, { home: tree.communityA });
    residentClient = await clientFor(app, resident);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  async function balance(userId: string): Promise<number> {
    const row = await env.deps.db
      .selectFrom('point_accounts')
      .select('balance')
      .where('district_id', '=', tree.district.id)
      .where('owner_id', '=', userId)
      .executeTakeFirst();
    return row ? Number(row.balance) : 0;
  }

  async function journalsWithKey(k: string): Promise<number> {
    const rows = await env.deps.db
      .selectFrom('journals')
      .select('id')
      .where('idempotency_key', 'like', `%${k}`)
      .execute();
    return rows.length;
  }

  async function award(userId: string, points: number, k: string) {
    return admin.request('POST', '/api/v1/points/awards', {
      userId,
      points,
      reason: '年度优秀志愿者',
      idempotencyKey: k,
    });
  }

  it('awards once when the same award is sent eight times at once, answering every caller the same journal', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const k = key('award');
    const rs = await Promise.all(Array.from({ length: RACERS }, () => award(u.id, 5, k)));
    expect(statuses(rs)).toEqual(Array(RACERS).fill(200));
    expect(new Set(rs.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    expect(await balance(u.id)).toBe(5);
    expect(await journalsWithKey(k)).toBe(1);
  });

  it('answers 409 to the same award key with other points, and moves nothing', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const k = key('award');
    expect((await award(u.id, 5, k)).statusCode).toBe(200);
    const res = await award(u.id, 50, k);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', message: '该请求编号已用于另一笔不同的操作' });
    expect(await balance(u.id)).toBe(5);
  });

  it('answers 409 to the same award key for another person, and moves nothing', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const other = await makeUser(env.deps, { home: tree.communityA });
    const k = key('award');
    expect((await award(u.id, 5, k)).statusCode).toBe(200);
    expect((await award(other.id, 5, k)).statusCode).toBe(409);
    expect(await balance(other.id)).toBe(0);
  });

  it('gives once when the same gift is sent eight times at once', async () => {
    expect((await award(resident.id, 100, key('fund'))).statusCode).toBe(200);
    const start = await balance(resident.id);
    const relative = await makeUser(env.deps, { home: tree.communityA });
    const k = key('gift');
    const body = {
      districtId: tree.district.id,
      toPhone: relative.phone,
      relation: 'parent',
      points: 10,
      idempotencyKey: k,
    };
    const rs = await Promise.all(
      Array.from({ length: RACERS }, () => residentClient.request('POST', '/api/v1/me/points/gifts', body)),
    );
    expect(statuses(rs)).toEqual(Array(RACERS).fill(200));
    expect(await balance(relative.id)).toBe(10);
    expect(await balance(resident.id)).toBe(start - 10);
    const other = await residentClient.request('POST', '/api/v1/me/points/gifts', { ...body, points: 20 });
    expect(other.statusCode).toBe(409);
    expect(await balance(relative.id)).toBe(10);
  });

  it('donates once when the same donation is sent eight times at once', async () => {
    expect((await award(resident.id, 100, key('fund'))).statusCode).toBe(200);
    const start = await balance(resident.id);
    const k = key('donate');
    const body = { communityId: tree.communityA.id, points: 7, idempotencyKey: k };
    const rs = await Promise.all(
      Array.from({ length: RACERS }, () => residentClient.request('POST', '/api/v1/me/points/donations', body)),
    );
    expect(statuses(rs)).toEqual(Array(RACERS).fill(200));
    expect(await balance(resident.id)).toBe(start - 7);
    expect(
      (
        await residentClient.request('POST', '/api/v1/me/points/donations', {
          ...body,
          communityId: tree.communityA2.id,
        })
      ).statusCode,
    ).toBe(409);
    expect(await balance(resident.id)).toBe(start - 7);
  });

  it('records a contribution once when it is sent eight times at once', async () => {
    const unit = await admin.request('POST', '/api/v1/org/partner-units', {
      nodeId: tree.communityA.id,
      name: `共建单位${++seq}`,
      category: 'company',
    });
    expect(unit.statusCode).toBe(201);
    const orgId = unit.json<{ id: string }>().id;
    const k = key('contrib');
    const body = {
      orgType: 'partner',
      orgId,
      kind: 'money',
      valueFen: 500_000,
      project: '楼道改造',
      points: 200,
      idempotencyKey: k,
    };
    const rs = await Promise.all(
      Array.from({ length: RACERS }, () => admin.request('POST', '/api/v1/points/contributions', body)),
    );
    expect(statuses(rs)).toEqual(Array(RACERS).fill(200));
    const contributions = await env.deps.db
      .selectFrom('contributions')
      .select('id')
      .where('district_id', '=', tree.district.id)
      .where('account_id', '=', rs[0]!.json<{ accountId: string }>().accountId)
      .execute();
    expect(contributions).toHaveLength(1);
    expect((await admin.request('POST', '/api/v1/points/contributions', { ...body, points: 300 })).statusCode).toBe(
      409,
    );
  });

  it('signs a person up once when they tap 报名 eight times at once', async () => {
    const adminA = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    const l = await makeVolunteer(env.deps, tree.communityA);
    const team = await teams.createTeam(env.deps, adminA, {
      communityId: tree.communityA.id,
      name: `队${++seq}`,
      category: '邻里关照',
      leaderUserId: l.id,
    });
    const start = new Date(env.clock.now().getTime() + 48 * 3600_000);
    const [a] = await activities.createActivity(env.deps, plainActor(l.id), {
      communityId: tree.communityA.id,
      teamId: team.id,
      title: '助老探访',
      category: '助老服务',
      description: '',
      address: '活动室',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      slots: 3,
      publish: true,
    });
    const v = await makeVolunteer(env.deps, tree.communityA);
    const me = await clientFor(app, v);
    const rs = await Promise.all(
      Array.from({ length: RACERS }, () => me.request('POST', `/api/v1/activities/${a!.id}/signups`, {})),
    );
    expect(rs.filter((r) => r.statusCode >= 500)).toEqual([]);
    const rows = await env.deps.db
      .selectFrom('signups')
      .select(['status'])
      .where('activity_id', '=', a!.id)
      .where('user_id', '=', v.id)
      .execute();
    expect(rows).toEqual([{ status: 'confirmed' }]);
  });
});
