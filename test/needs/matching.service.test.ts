// Matching on both databases: the ranking with hand-computed scores and its reasons in words (zh and en), scope (a
// volunteer outside the actor's scope never appears, nor one of another street), and fairness moving a volunteer who
// served little up past a busy one.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchNeed } from '../../src/server/modules/needs/matching.service.js';
import { listMatchCandidates } from '../../src/server/modules/volunteers/index.js';
import { createOrgNode, type OrgNode } from '../../src/server/modules/org/index.js';
import { newId } from '../../src/server/platform/ids.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import {
  actorOf,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  testApp,
  type TestEnv,
  type TestUser,
  type Tree,
  useClock,
} from '../support.js';
import { raise, residentOf } from './needs.fixtures.js';

// Saturday 2026-12-05, 09:00–11:00 China time.
const WINDOW = { windowStart: '2026-12-05T01:00:00.000Z', windowEnd: '2026-12-05T03:00:00.000Z' };

describe.each(DIALECTS)('matching on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  /** An approved volunteer of a community, homed in a grid, free at the given times. */
  async function volunteer(
    community: OrgNode,
    opts: { skills: string[]; grid?: OrgNode; availability?: Record<string, string[]>; realName?: string },
  ) {
    const v = await makeVolunteer(env.deps, community, { skills: opts.skills, realName: opts.realName ?? '张小明' });
    await env.deps.db
      .updateTable('volunteers')
      .set({ home_grid_id: opts.grid?.id ?? null, availability: JSON.stringify(opts.availability ?? {}) })
      .where('id', '=', v.volunteerId)
      .execute();
    return v;
  }

  async function staff(tree: Tree) {
    const gridWorker = await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA });
    const communityAdmin = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    const streetAdmin = await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA });
    return {
      gridWorker,
      communityAdmin,
      streetAdmin,
      actors: {
        gridWorker: await actorOf(env.deps, gridWorker),
        communityAdmin: await actorOf(env.deps, communityAdmin),
        streetAdmin: await actorOf(env.deps, streetAdmin),
      },
    };
  }

  function districtAdmin(tree: Tree): Actor {
    const d = tree.district;
    return {
      userId: 'system',
      displayName: 'system',
      requestId: null,
      roles: [{ assignmentId: 'x', role: 'district_admin', districtId: d.id, nodeId: d.id, path: d.path }],
    };
  }

  describe('ranking, reasons and scope', () => {
    let tree: Tree;
    let people: Awaited<ReturnType<typeof staff>>;
    let resident: TestUser;
    let needId: string;
    let vGrid: TestUser;
    let vCommunity: TestUser;
    let vOtherCommunity: TestUser;
    let vOtherStreet: TestUser;
    let vOtherGrid: TestUser;

    beforeAll(async () => {
      tree = await makeTree(env.deps, '匹配区');
      people = await staff(tree);
      resident = await residentOf(env.deps, tree.gridA);
      // 就医陪护 (escort): skills 医护 and 驾驶.
      needId = (await raise(env.deps, resident, { category: 'escort', ...WINDOW })).id;
      vGrid = await volunteer(tree.communityA, {
        skills: ['医护'],
        grid: tree.gridA,
        availability: { '6': ['morning'] },
      });
      vCommunity = await volunteer(tree.communityA, { skills: ['医护', '驾驶'] });
      vOtherCommunity = await volunteer(tree.communityA2, { skills: ['医护'] });
      vOtherStreet = await volunteer(tree.communityB, { skills: ['医护', '驾驶'], grid: tree.gridB });
      const gridA2 = await createOrgNode(env.deps, districtAdmin(tree), {
        parentId: tree.communityA.id,
        kind: 'grid',
        name: '甲二网格',
      });
      vOtherGrid = await volunteer(tree.communityA, { skills: [], grid: gridA2 });
    });

    it('ranks with the hand-computed scores and explains every factor that counted', async () => {
      const res = await matchNeed(env.deps, people.actors.streetAdmin, needId, {}, 'zh-CN');
      expect(res.items.map((i) => i.userId)).toEqual([vGrid.id, vCommunity.id, vOtherCommunity.id, vOtherGrid.id]);
      const [grid, community, other, otherGrid] = res.items;
      // skill 50 (医护 of 医护+驾驶), grid 75, Saturday morning 100, no history 50, nobody asked lately 100:
      // (35×50 + 25×75 + 15×100 + 10×50 + 15×100) / 100 = 71.25 → 71
      expect(grid).toMatchObject({
        total: 71,
        proximity: 'grid',
        factors: { skill: 50, proximity: 75, availability: 100, reliability: 50, fairness: 100 },
        because: '因为：技能匹配 医护；同一网格；周六上午有空；近30天服务较少',
      });
      expect(grid!.reasons.map((r) => r.factor)).toEqual(['skill', 'proximity', 'availability', 'fairness']);
      // skill 100, community 50, not free then 0, 50, 100: (3500 + 1250 + 0 + 500 + 1500) / 100 = 67.5 → 68
      expect(community).toMatchObject({
        total: 68,
        because: '因为：技能匹配 医护、驾驶；同一社区；近30天服务较少',
      });
      // skill 50, same street 25, 0, 50, 100: (1750 + 625 + 0 + 500 + 1500) / 100 = 43.75 → 44
      expect(other).toMatchObject({ total: 44, proximity: 'street' });
      expect(other!.because).toContain('同一街道');
      // no skill 0, community 50, 0, 50, 100: (0 + 1250 + 0 + 500 + 1500) / 100 = 32.5 → 33
      expect(otherGrid).toMatchObject({ total: 33, because: '因为：同一社区；近30天服务较少' });
      // Names are masked; no phone anywhere in the result.
      expect(grid!.name).toBe('张*明');
      expect(JSON.stringify(res)).not.toContain(vGrid.phone);
    });

    it('never shows a volunteer outside the actor’s scope, nor one of another street', async () => {
      const byCommunity = await matchNeed(env.deps, people.actors.communityAdmin, needId, {}, 'zh-CN');
      expect(byCommunity.items.map((i) => i.userId)).toEqual([vGrid.id, vCommunity.id, vOtherGrid.id]);
      // A grid worker: the volunteers homed in the grid, and the community's volunteers with no home grid.
      const byGrid = await matchNeed(env.deps, people.actors.gridWorker, needId, {}, 'zh-CN');
      expect(byGrid.items.map((i) => i.userId)).toEqual([vGrid.id, vCommunity.id]);
      const all = [byCommunity, byGrid, await matchNeed(env.deps, people.actors.streetAdmin, needId, {}, 'zh-CN')];
      for (const r of all) expect(r.items.map((i) => i.userId)).not.toContain(vOtherStreet.id);
      // Staff of another community cannot match the need at all: it is "not found".
      const adminB: Actor = await actorOf(
        env.deps,
        await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }),
      );
      await expect(matchNeed(env.deps, adminB, needId, {}, 'zh-CN')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('answers through HTTP in Chinese by default and in English when asked; residents get 404', async () => {
      const worker = await clientFor(app, people.gridWorker);
      const zh = await worker.request('GET', `/api/v1/needs/${needId}/matches?limit=5`);
      expect(zh.statusCode).toBe(200);
      expect(zh.json().items[0].because).toBe('因为：技能匹配 医护；同一网格；周六上午有空；近30天服务较少');
      const en = await worker.request('GET', `/api/v1/needs/${needId}/matches`, undefined, { 'accept-language': 'en' });
      expect(en.json().items[0].because).toBe(
        'Because: has the skills 医护; same grid; free Saturday morning; served little in the last 30 days',
      );
      const bad = await worker.request('GET', `/api/v1/needs/${needId}/matches?limit=0`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('VALIDATION_FAILED');
      const asResident = await (await clientFor(app, resident)).request('GET', `/api/v1/needs/${needId}/matches`);
      expect(asResident.statusCode).toBe(404);
      expect(asResident.json()).toMatchObject({ code: 'NOT_FOUND', message: '需求不存在' });
    });
  });

  it('the coarse query answers from the need’s grid alone exactly when nothing outside it can rank higher', async () => {
    const tree = await makeTree(env.deps, '分层区');
    const inGrid = [];
    for (let i = 0; i < 3; i += 1)
      inGrid.push(await volunteer(tree.communityA, { skills: ['医护'], grid: tree.gridA }));
    const near = await volunteer(tree.communityA, { skills: ['医护'] });
    const plain = await volunteer(tree.communityA, { skills: [], grid: tree.gridA });
    const query = {
      districtId: tree.district.id,
      communityIds: [tree.communityA.id, tree.communityA2.id],
      gridIds: [],
      skills: ['医护', '驾驶'],
      needCommunityId: tree.communityA.id,
      needGridId: tree.gridA.id,
    };
    const everyone = [...inGrid, near, plain].map((v) => v.id);
    // onlyUserIds skips the tiers: the plain street-wide ordering to compare with.
    const whole = await listMatchCandidates(env.deps.db, { ...query, limit: 5, onlyUserIds: everyone });
    expect(whole.map((r) => r.coarse)).toEqual([13, 13, 13, 12, 3]);
    for (const limit of [2, 3, 4, 5]) {
      const tiered = await listMatchCandidates(env.deps.db, { ...query, limit });
      expect(tiered).toEqual(whole.slice(0, limit));
    }
  });

  it('weights are per district: the district admin changes them (audited), others are told not found', async () => {
    const tree = await makeTree(env.deps, '权重区');
    const admin = await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district });
    const communityAdmin = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    const client = await clientFor(app, admin);
    const url = `/api/v1/districts/${tree.district.id}/match-weights`;
    expect((await client.request('GET', url)).json()).toEqual({
      skill: 35,
      proximity: 25,
      availability: 15,
      reliability: 10,
      fairness: 15,
    });
    const changed = await client.request('PATCH', url, { fairness: 40 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ skill: 35, fairness: 40 });
    const bad = await client.request('PATCH', url, {
      skill: 0,
      proximity: 0,
      availability: 0,
      reliability: 0,
      fairness: 0,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toContain('匹配权重须为 0 至 100 的整数');
    const typo = await client.request('PATCH', url, { skill: 1.5 });
    expect(typo.statusCode).toBe(400);
    const other = await (await clientFor(app, communityAdmin)).request('PATCH', url, { fairness: 10 });
    expect(other.statusCode).toBe(404);
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', 'match_weights')
      .where('district_id', '=', tree.district.id)
      .execute();
    expect(audit).toHaveLength(1);
    // The new weights rank: with fairness 40, a need's result reports them.
    const resident = await residentOf(env.deps, tree.gridA);
    const needId = (await raise(env.deps, resident, { category: 'repair' })).id;
    const res = await matchNeed(env.deps, await actorOf(env.deps, communityAdmin), needId, {}, 'zh-CN');
    expect(res.weights.fairness).toBe(40);
  });

  it('fairness moves a volunteer who served little up past an equally fit busy one', async () => {
    const tree = await makeTree(env.deps, '公平区');
    const { actors } = await staff(tree);
    const resident = await residentOf(env.deps, tree.gridA);
    const needId = (await raise(env.deps, resident, { category: 'repair' })).id;
    const busy = await volunteer(tree.communityA, { skills: ['维修'], grid: tree.gridA });
    const rare = await volunteer(tree.communityA, { skills: ['维修'], grid: tree.gridA });
    // The busy one served three times in the last 30 days.
    for (const day of ['2026-11-10', '2026-11-15', '2026-11-20']) {
      await env.deps.db
        .insertInto('service_records')
        .values({
          district_id: tree.district.id,
          id: newId(),
          activity_id: null,
          user_id: busy.id,
          community_id: tree.communityA.id,
          team_id: null,
          service_date: day,
          minutes: 60,
          status: 'accepted',
          is_backfill: 0,
          note: null,
          corrects_id: null,
          correction_reason: null,
          confirmed_by: null,
          confirmed_at: null,
          accepted_by: null,
          accepted_at: null,
          returned_reason: null,
          created_by: busy.id,
          created_at: '2026-11-20T02:00:00.000Z',
          updated_at: '2026-11-20T02:00:00.000Z',
          category: '助老服务',
          content: '修水龙头',
        })
        .execute();
    }
    const res = await matchNeed(env.deps, actors.communityAdmin, needId, {}, 'zh-CN');
    expect(res.items.map((i) => i.userId)).toEqual([rare.id, busy.id]);
    expect(res.items.map((i) => i.factors.fairness)).toEqual([100, 40]);
    // skill 100, grid 75, no window 50, 50, fairness 100 vs 40: 8125 → 81 vs 7225 → 72.
    expect(res.items.map((i) => i.total)).toEqual([81, 72]);
    expect(res.items[0]!.because).toContain('近30天服务较少');
    expect(res.items[1]!.because).not.toContain('近30天服务较少');
  });
});
