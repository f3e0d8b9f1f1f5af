// Resources for a need (GET /api/v1/needs/:id/resources) on each database: ranking order with reasons, scope (the
// need's street at most, the actor's communities only, never another district, never archived), 404 for a need out
// of scope, and the need categories a resource serves checked on create and update (400 in Chinese, nothing written).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNeed } from '../../src/server/modules/needs/index.js';
import {
  clientFor,
  type Client,
  createTestEnv,
  DIALECTS,
  makeUser,
  type TestEnv,
  testApp,
  useClock,
} from '../support.js';
import { makeWorld, type World } from './projects.fixtures.js';

interface Matched {
  resource: { id: string; title: string; needCategories: string[] };
  total: number;
  fit: string;
  distance: string;
  factors: Record<string, number>;
  reasons: { factor: string; key: string; text: string }[];
  because: string;
}
interface MatchReply {
  needId: string;
  considered: number;
  items: Matched[];
}

describe.each(DIALECTS)('resources for a need (%s)', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let w: World;
  let other: World;
  let admin: Client;
  let adminB: Client;
  let street: Client;
  let otherAdmin: Client;
  let needId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    w = await makeWorld(env, '资源区');
    other = await makeWorld(env, '别的区');
    admin = await clientFor(app, w.adminA);
    adminB = await clientFor(app, w.adminB);
    street = await clientFor(
      app,
      await makeUser(env.deps, { role: 'street_admin', roleNode: w.tree.streetA, home: w.tree.communityA }),
    );
    otherAdmin = await clientFor(app, other.adminA);
    const streetClient = street;

    async function resource(client: Client, name: string, body: Record<string, unknown>): Promise<void> {
      const res = await client.request('POST', '/api/v1/resources', {
        providerKind: 'community',
        kind: 'professionals',
        availability: '工作日',
        ...body,
        title: name,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json<{ id: string }>().id;
    }
    const A = w.tree.communityA.id;
    // Named fit, same community, open-ended, 3 people for a need of 1 → 100.
    await resource(admin, '陪诊医生', { communityId: A, needCategories: ['escort'], quantity: 3, unit: '人' });
    // Named fit, same community, ended long ago, quantity unknown → (50·100 + 25·100) / 100 = 75.
    await resource(admin, '轮椅', {
      communityId: A,
      kind: 'goods',
      needCategories: ['escort', 'meal'],
      availableFrom: '2020-01-01',
      availableTo: '2020-02-01',
    });
    // Kind fit (professionals ↔ escort), the street's other community, open, 1 person → (2500+1250+1500+1000)/100 = 63.
    await resource(streetClient, '甲二社区护士', { communityId: w.tree.communityA2.id, quantity: 1, unit: '人' });
    // No fit (a venue does not serve escort) → left out.
    await resource(admin, '活动室', { communityId: A, kind: 'venue', quantity: 30, unit: '座' });
    // Archived → never.
    await resource(admin, '已停用的陪诊', { communityId: A, needCategories: ['escort'] });
    const res = await admin.request('PATCH', `/api/v1/resources/${ids['已停用的陪诊']}`, { status: 'archived' });
    expect(res.statusCode, res.body).toBe(200);
    // Another street, another district → never.
    await resource(adminB, '乙社区陪诊', { communityId: w.tree.communityB.id, needCategories: ['escort'] });
    await resource(otherAdmin, '别区陪诊', { communityId: other.tree.communityA.id, needCategories: ['escort'] });

    needId = (
      await createNeed(env.deps, w.residentActor, { category: 'escort', description: '下周去医院复查，想有人陪' })
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  async function match(client: Client, id = needId, locale?: string): Promise<MatchReply> {
    const res = await client.request('GET', `/api/v1/needs/${id}/resources`, undefined, {
      ...(locale ? { 'accept-language': locale } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MatchReply>();
  }

  it('ranks the community admin’s resources by fit, with a reason per factor', async () => {
    const r = await match(admin);
    expect(r.items.map((i) => [i.resource.title, i.total])).toEqual([
      ['陪诊医生', 100],
      ['轮椅', 75],
    ]);
    const [best] = r.items;
    expect(best!.fit).toBe('named');
    expect(best!.distance).toBe('community');
    expect(best!.factors).toEqual({ category: 100, distance: 100, availability: 100, quantity: 100 });
    expect(best!.because).toBe('因为：适用于 就医陪护；同一社区；长期可用；数量够用（3人）');
    expect(best!.reasons.map((x) => x.factor)).toEqual(['category', 'distance', 'availability', 'quantity']);
    expect(r.items[1]!.reasons.map((x) => x.key)).toEqual(['category.named', 'distance.community']);
    // Considered: the active resources of community A only (the venue counts, the archived one does not).
    expect(r.considered).toBe(3);
  });

  it('a street admin also sees the street’s other community, nearer ones first; reasons in English on request', async () => {
    const r = await match(street);
    expect(r.items.map((i) => [i.resource.title, i.total, i.distance, i.fit])).toEqual([
      ['陪诊医生', 100, 'community', 'named'],
      ['轮椅', 75, 'community', 'named'],
      ['甲二社区护士', 63, 'street', 'kind'],
    ]);
    const en = await match(street, needId, 'en');
    expect(en.items[2]!.because).toBe('Because: trained people for it; same street; available any time; enough (1 人)');
  });

  it('a grid worker sees their community’s resources (not the street’s other community)', async () => {
    const grid = await clientFor(
      app,
      await makeUser(env.deps, { role: 'grid_worker', roleNode: w.tree.gridA, home: w.tree.communityA }),
    );
    expect((await match(grid)).items.map((i) => i.resource.title)).toEqual(['陪诊医生', '轮椅']);
  });

  it('never shows archived resources, nor another street’s or district’s', async () => {
    const titles = (await match(street)).items.map((i) => i.resource.title);
    for (const t of ['已停用的陪诊', '乙社区陪诊', '别区陪诊', '活动室']) expect(titles).not.toContain(t);
  });

  it('a need out of the actor’s scope (or unknown) is 404', async () => {
    for (const c of [adminB, otherAdmin]) {
      const res = await c.request('GET', `/api/v1/needs/${needId}/resources`);
      expect(res.statusCode).toBe(404);
      expect(res.json<{ code: string }>().code).toBe('NOT_FOUND');
    }
    const resident = await clientFor(app, w.resident);
    expect((await resident.request('GET', `/api/v1/needs/${needId}/resources`)).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/v1/needs/01ARZ3NDEKTSV4RRFFQ69G5FAV/resources`)).statusCode).toBe(404);
  });

  it('an unknown need category on a resource is 400 in Chinese and writes nothing', async () => {
    const before = (await admin.request('GET', '/api/v1/resources?limit=100')).json<{ total: number }>().total;
    const res = await admin.request('POST', '/api/v1/resources', {
      communityId: w.tree.communityA.id,
      providerKind: 'community',
      kind: 'venue',
      title: '会议室',
      needCategories: ['escort', 'no_such_thing'],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; message: string; details: { field: string; message: string }[] }>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details[0]).toEqual({ field: 'needCategories', message: '没有这个需求类别：no_such_thing' });
    expect((await admin.request('GET', '/api/v1/resources?limit=100')).json<{ total: number }>().total).toBe(before);

    const patch = await admin.request('PATCH', `/api/v1/resources/${ids['活动室']}`, { needCategories: ['nope'] });
    expect(patch.statusCode).toBe(400);
    const ok = await admin.request('PATCH', `/api/v1/resources/${ids['活动室']}`, {
      needCategories: ['childcare', 'childcare', 'phone_help'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ needCategories: string[] }>().needCategories).toEqual(['childcare', 'phone_help']);
  });
});
