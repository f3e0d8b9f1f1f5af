// A person whose points are in their own district tries to spend in another one: the message names the districts
// instead of "积分余额不足（当前 0 分…）".
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
  type Tree,
} from '../support.js';

describe.each(DIALECTS)('spending in another district on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let home: Tree;
  let away: Tree;
  let homeAdmin: Client;
  let awayItemId: string;
  let k = 0;
  const key = () => `other-district-${++k}-${Date.now()}`;

  /** A resident of the home district holding `points` there. */
  async function residentWith(points: number): Promise<Client> {
    const user = await makeUser(env.deps, { home: home.communityA, realName: '张桂华' });
    if (points > 0) {
      const res = await homeAdmin.request('POST', '/api/v1/points/awards', {
        userId: user.id,
        points,
        reason: '热心公益',
        idempotencyKey: key(),
      });
      expect(res.statusCode).toBe(200);
    }
    return clientFor(app, user);
  }

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    home = await makeTree(env.deps, '本区');
    away = await makeTree(env.deps, '外区');
    homeAdmin = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: home.communityA }));
    const awayAdmin = await clientFor(
      app,
      await makeUser(env.deps, { role: 'community_admin', roleNode: away.communityA }),
    );
    const item = await awayAdmin.request('POST', '/api/v1/catalog', {
      kind: 'goods',
      communityId: away.communityA.id,
      title: '洗衣液',
      category: '日用品',
      pricePoints: 20,
      stock: 10,
    });
    expect(item.statusCode).toBe(201);
    awayItemId = item.json().id;
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('names both districts when ordering in a district where the person holds nothing', async () => {
    const resident = await residentWith(30);
    const res = await resident.request('POST', '/api/v1/orders', { itemId: awayItemId, idempotencyKey: key() });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      code: 'OTHER_DISTRICT',
      message: '您在“外区”还没有积分，您的积分（30 分）在“本区”，只能在“本区”使用',
      details: null,
    });
  });

  it('names both districts when gifting in a district where the person holds nothing', async () => {
    const resident = await residentWith(30);
    const relative = await makeUser(env.deps, { home: away.communityA });
    const res = await resident.request('POST', '/api/v1/me/points/gifts', {
      districtId: away.district.id,
      toPhone: relative.phone,
      relation: 'child',
      points: 10,
      idempotencyKey: key(),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('OTHER_DISTRICT');
  });

  it('still says the balance is too low for a person with no points anywhere', async () => {
    const resident = await residentWith(0);
    const res = await resident.request('POST', '/api/v1/orders', { itemId: awayItemId, idempotencyKey: key() });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'INSUFFICIENT_POINTS', message: '积分余额不足（当前 0 分，需要 20 分）' });
  });

  it('answers 401 without a session', async () => {
    expect((await anon(app, 'POST', '/api/v1/orders', { itemId: awayItemId, idempotencyKey: key() })).statusCode).toBe(
      401,
    );
  });
});
