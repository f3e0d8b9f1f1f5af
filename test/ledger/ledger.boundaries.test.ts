// The ledger at its module boundaries: services behind the point-rules and verification routes (no query or
// permission check left in a route), and merchants reaching the contribution service only through the resolver
// app.ts passes (the ledger cannot import the mall). Every test builds its own district (beforeEach).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  actorOf,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  plainActor,
  type TestEnv,
  testApp,
  type TestUser,
  type Tree,
} from '../support.js';
import { getLedgerVerification } from '../../src/server/modules/ledger/ledger.public.js';
import { awardPoints, recordContribution } from '../../src/server/modules/ledger/ledger.service.js';
import { getPointRulesWithHistory, updatePointRules } from '../../src/server/modules/ledger/ledger.settings.js';
import * as merchants from '../../src/server/modules/mall/merchants.service.js';
import type { Actor } from '../../src/server/platform/permissions.js';

describe.each(DIALECTS)('ledger boundaries on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let districtAdmin: Actor;
  let adminA: Actor;
  let streetAdmin: Actor;
  let adminUserA: TestUser;
  let resident: TestUser;
  let n = 0;
  const key = (label: string) => `${label}-${dialect}-${n}-xxxx`;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
  });
  beforeEach(async () => {
    n += 1;
    tree = await makeTree(env.deps, `边界区${n}`);
    districtAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district, displayName: '区管理员' }),
    );
    adminUserA = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    adminA = await actorOf(env.deps, adminUserA);
    streetAdmin = await actorOf(env.deps, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
    resident = await makeUser(env.deps, { home: tree.communityA, realName: '张桂华' });
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  /** A merchant of community A, approved; filed too unless `filed` is false. */
  async function merchant(filed = true) {
    const owner = await makeUser(env.deps, { home: tree.communityA });
    const m = await merchants.applyMerchant(env.deps, plainActor(owner.id), {
      communityId: tree.communityA.id,
      name: '王师傅理发',
      licenceNo: `9142010${String(n).padStart(4, '0')}MA4K0001`,
      address: '商业街 1 号',
      category: '理发',
      offerSummary: '老人免费理发',
      contactName: '王师傅',
      contactPhone: '13912340000',
    });
    await merchants.reviewMerchant(env.deps, adminA, m.id, { decision: 'approve' });
    if (filed) await merchants.fileMerchant(env.deps, streetAdmin, m.id, { fenPerPoint: 10 });
    return m;
  }

  const contribution = (orgId: string) => ({
    orgType: 'merchant' as const,
    orgId,
    kind: 'goods' as const,
    valueFen: 20_000,
    project: '重阳敬老',
    description: '',
    points: 30,
    idempotencyKey: key('contrib'),
  });

  it('getPointRulesWithHistory answers the rules in force and each version with who changed it', async () => {
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { allowGifts: true });
    const r = await getPointRulesWithHistory(env.deps, plainActor(resident.id), tree.district.id);
    expect(r.rules.allowGifts).toBe(true);
    expect(r.history).toHaveLength(1);
    expect(r.history[0]).toMatchObject({ changedBy: '区管理员', rules: { allowGifts: true } });
  });

  it('getPointRulesWithHistory answers 404 for a node that is not a district', async () => {
    await expect(getPointRulesWithHistory(env.deps, plainActor(resident.id), tree.communityA.id)).rejects.toMatchObject(
      { code: 'NOT_FOUND', params: { entity: 'org_node' } },
    );
  });

  it('getLedgerVerification reports the chain of a district the actor manages points in', async () => {
    await awardPoints(env.deps, adminA, {
      userId: resident.id,
      points: 30,
      reason: '热心公益',
      idempotencyKey: key('award'),
    });
    const report = await getLedgerVerification(env.deps, districtAdmin, tree.district.id);
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      districts: [{ districtId: tree.district.id, journals: 1 }],
    });
  });

  it('getLedgerVerification answers 404 to staff whose reach is below the district', async () => {
    await expect(getLedgerVerification(env.deps, adminA, tree.district.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('credits a filed merchant for a contribution through the resolver app.ts wires', async () => {
    const m = await merchant();
    const client: Client = await clientFor(app, adminUserA);
    const res = await client.request('POST', '/api/v1/points/contributions', contribution(m.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      accountName: '王师傅理发',
      balance: 30,
      journal: { type: 'contribute', amount: 30 },
    });
  });

  it('answers 404 for a contribution to a merchant not yet filed', async () => {
    const m = await merchant(false);
    const client = await clientFor(app, adminUserA);
    const res = await client.request('POST', '/api/v1/points/contributions', contribution(m.id));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '积分账户不存在' });
  });

  it('finds no merchant when the contribution service is called without a resolver', async () => {
    const m = await merchant();
    await expect(recordContribution(env.deps, adminA, contribution(m.id))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      params: { entity: 'point_account' },
    });
  });
});
