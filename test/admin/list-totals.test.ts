// The staff console's main lists carry the whole filtered list's total: counted with the page's filters and scope,
// the same on every page, never counting rows out of the actor's scope.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../src/server/modules/activities/activities.service.js';
import * as catalog from '../../src/server/modules/mall/catalog.service.js';
import { createTeam } from '../../src/server/modules/volunteers/teams.service.js';
import type { OrgNode } from '../../src/server/modules/org/index.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import {
  actorOf,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  type TestEnv,
  testApp,
  type Tree,
} from '../support.js';
import { appliedMerchant, staffOf } from '../mall/mall.fixtures.js';

describe.each(DIALECTS)('list totals on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let treeSeq = 0;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  /** A district of its own, so nothing another test made is in the lists; staff of communities A and B. */
  async function freshDistrict(): Promise<{ tree: Tree; adminA: Client; adminAActor: Actor; adminB: Client }> {
    treeSeq += 1;
    const tree = await makeTree(env.deps, `合计区${treeSeq}`);
    const userA = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    const userB = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB });
    return {
      tree,
      adminA: await clientFor(app, userA),
      adminAActor: await actorOf(env.deps, userA),
      adminB: await clientFor(app, userB),
    };
  }

  async function page(
    client: Client,
    url: string,
  ): Promise<{ items: unknown[]; nextCursor: string | null; total: number }> {
    const res = await client.request('GET', url);
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  function activityIn(actor: Actor, community: OrgNode, title: string) {
    return createActivity(env.deps, actor, {
      communityId: community.id,
      title,
      category: '助老服务',
      description: '',
      address: '活动室',
      startsAt: '2026-12-10T01:00:00.000Z',
      endsAt: '2026-12-10T03:00:00.000Z',
      slots: 5,
    });
  }

  it('people: counts everyone in scope, not the page and not people elsewhere', async () => {
    const { tree, adminA } = await freshDistrict();
    for (let i = 0; i < 3; i += 1) await makeUser(env.deps, { home: tree.communityA });
    await makeUser(env.deps, { home: tree.communityB });
    const first = await page(adminA, '/api/v1/people?limit=2');
    expect(first.items).toHaveLength(2);
    // The three residents of A and the admin of A herself (she holds a role there); B's resident and admin are out.
    expect(first.total).toBe(4);
    const second = await page(adminA, `/api/v1/people?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.total).toBe(4);
  });

  it('people: the total follows the filter', async () => {
    const { tree, adminA } = await freshDistrict();
    for (let i = 0; i < 3; i += 1) await makeUser(env.deps, { home: tree.gridA });
    await makeUser(env.deps, { home: tree.communityA });
    const res = await page(adminA, `/api/v1/people?nodeId=${tree.gridA.id}&limit=2`);
    expect(res.items).toHaveLength(2);
    expect(res.total).toBe(3);
  });

  it('volunteers: counts the volunteers of the communities in scope only', async () => {
    const { tree, adminA } = await freshDistrict();
    for (let i = 0; i < 3; i += 1) await makeVolunteer(env.deps, tree.communityA);
    await makeVolunteer(env.deps, tree.communityB);
    const res = await page(adminA, '/api/v1/volunteers?limit=2');
    expect(res.items).toHaveLength(2);
    expect(res.total).toBe(3);
  });

  it('teams: counts the teams of the chosen community, not those of another', async () => {
    const { tree, adminA } = await freshDistrict();
    const { adminA: staffA, adminB: staffB } = staffOf(tree);
    for (let i = 0; i < 3; i += 1) {
      const leader = await makeVolunteer(env.deps, tree.communityA);
      await createTeam(env.deps, staffA, {
        communityId: tree.communityA.id,
        name: `甲队${i}`,
        category: '邻里关照',
        leaderUserId: leader.id,
      });
    }
    const leaderB = await makeVolunteer(env.deps, tree.communityB);
    await createTeam(env.deps, staffB, {
      communityId: tree.communityB.id,
      name: '乙队',
      category: '邻里关照',
      leaderUserId: leaderB.id,
    });
    const res = await page(
      adminA,
      `/api/v1/teams?districtId=${tree.district.id}&communityId=${tree.communityA.id}&limit=2`,
    );
    expect(res.items).toHaveLength(2);
    expect(res.total).toBe(3);
  });

  it('activities: counts the drafts in scope, not the drafts of another community', async () => {
    const { tree, adminA } = await freshDistrict();
    const { adminA: staffA, adminB: staffB } = staffOf(tree);
    for (let i = 0; i < 3; i += 1) await activityIn(staffA, tree.communityA, `甲活动${i}`);
    await activityIn(staffB, tree.communityB, '乙活动');
    const res = await page(adminA, `/api/v1/activities?districtId=${tree.district.id}&status=draft&limit=2`);
    expect(res.items).toHaveLength(2);
    expect(res.total).toBe(3);
  });

  it('service records: the acceptance queue counts the pending records in scope only', async () => {
    const { tree, adminA, adminB } = await freshDistrict();
    const entry = (userId: string, communityId: string) => ({
      userId,
      communityId,
      serviceDate: '2026-11-20',
      minutes: 60,
      category: '助老服务',
      place: '3号楼2单元',
      content: '陪独居老人就医',
      vouchedBy: '李四（楼长）13900000000',
    });
    for (let i = 0; i < 3; i += 1) {
      const v = await makeVolunteer(env.deps, tree.communityA);
      const res = await adminA.request('POST', '/api/v1/service-records/past', entry(v.id, tree.communityA.id));
      expect(res.statusCode).toBe(201);
    }
    const vB = await makeVolunteer(env.deps, tree.communityB);
    const resB = await adminB.request('POST', '/api/v1/service-records/past', entry(vB.id, tree.communityB.id));
    expect(resB.statusCode).toBe(201);
    const res = await page(adminA, '/api/v1/service-records?status=pending&limit=2');
    expect(res.items).toHaveLength(2);
    expect(res.total).toBe(3);
  });

  it('merchants: counts the applications in scope, not an application of another community', async () => {
    const { tree, adminA } = await freshDistrict();
    for (let i = 0; i < 3; i += 1) await appliedMerchant(env, tree.communityA, `甲店${i}`);
    await appliedMerchant(env, tree.communityB, '乙店');
    const res = await page(adminA, `/api/v1/merchants?districtId=${tree.district.id}&limit=2`);
    expect(res.items).toHaveLength(2);
    expect(res.total).toBe(3);
  });

  it('catalog (staff, manage): counts the items in scope, not the items of another community', async () => {
    const { tree, adminA } = await freshDistrict();
    const { adminA: staffA, adminB: staffB } = staffOf(tree);
    const goods = (actor: Actor, community: OrgNode, title: string) =>
      catalog.createCatalogItem(env.deps, actor, {
        kind: 'goods',
        communityId: community.id,
        title,
        description: '',
        category: '粮油',
        pricePoints: 5,
        stock: 10,
        voucherDays: 30,
        visibleTo: null,
        validUntil: null,
      });
    for (let i = 0; i < 3; i += 1) await goods(staffA, tree.communityA, `挂面${i}`);
    await goods(staffB, tree.communityB, '大米');
    const res = await page(adminA, '/api/v1/catalog?manage=true&limit=2');
    expect(res.items).toHaveLength(2);
    expect(res.total).toBe(3);
  });

  it('catalog (district list the console shows): counts the district items, not those of another district', async () => {
    const { tree, adminA } = await freshDistrict();
    const other = await makeTree(env.deps, `合计外区${treeSeq}`);
    for (let i = 0; i < 3; i += 1) {
      await catalog.createCatalogItem(env.deps, staffOf(tree).adminA, {
        kind: 'goods',
        communityId: tree.communityA.id,
        title: `挂面${i}`,
        description: '',
        category: '粮油',
        pricePoints: 5,
        stock: 10,
        voucherDays: 30,
        visibleTo: null,
        validUntil: null,
      });
    }
    await catalog.createCatalogItem(env.deps, staffOf(other).adminA, {
      kind: 'goods',
      communityId: other.communityA.id,
      title: '大米',
      description: '',
      category: '粮油',
      pricePoints: 5,
      stock: 10,
      voucherDays: 30,
      visibleTo: null,
      validUntil: null,
    });
    const res = await page(adminA, `/api/v1/catalog?districtId=${tree.district.id}&limit=2`);
    expect(res.items).toHaveLength(2);
    expect(res.total).toBe(3);
  });
});
