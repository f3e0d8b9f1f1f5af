// HTTP tests of the service map, one behaviour per test: near-me order and radius, category, GCJ-02 input, archived
// and other-district points, staff scope (404), bad coordinates (400 in plain Chinese, nothing written), the public
// reads without a session and their rate limit, the map config's fallback centre. Each test makes its own points
// around its own spot, so tests pass alone and in any order.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
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
  useClock,
} from '../support.js';
import { createServicePoint, type ServicePoint } from '../../src/server/modules/servicemap/index.js';
import { wgs84ToGcj02, type LatLng } from '../../src/server/platform/geo.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import type { OrgNode } from '../../src/server/modules/org/index.js';
import type { ServicePointCategory } from '../../src/server/modules/servicemap/servicemap.rules.js';

/** Metres per degree of latitude on the sphere distanceMetres uses. */
const M_PER_DEG = (6_371_000 * Math.PI) / 180;

interface NearbyReply {
  centre: LatLng;
  coord: string;
  radius: number;
  items: Array<ServicePoint & { distanceMetres: number; walkingMinutes: number }>;
}

let spotSeq = 0;
/** A fresh spot in Wuhan, kilometres away from every other test's spot. */
function freshSpot(): LatLng {
  spotSeq += 1;
  return { lat: 30.5 + spotSeq * 0.1, lng: 114.1 };
}

/** A point `metres` due north of `from`. */
function north(from: LatLng, metres: number): LatLng {
  return { lat: from.lat + metres / M_PER_DEG, lng: from.lng };
}

describe.each(DIALECTS)('service map API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminA: Client;
  let adminActor: Actor;
  let adminB: Client;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    const a = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    adminA = await clientFor(app, a);
    adminActor = await actorOf(env.deps, a);
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  async function point(
    at: LatLng,
    name: string,
    category: ServicePointCategory = 'clinic',
    community: OrgNode = tree.communityA,
    actor: Actor = adminActor,
  ) {
    return createServicePoint(env.deps, actor, {
      communityId: community.id,
      name,
      category,
      address: `${name}地址`,
      lat: at.lat,
      lng: at.lng,
      coord: 'wgs84',
    });
  }

  function nearby(query: string, districtId = tree.district.id) {
    return anon(app, 'GET', `/api/v1/districts/${districtId}/service-points/nearby?${query}`);
  }

  it('creates a point through HTTP (201, audited) and shows it to anyone', async () => {
    const at = freshSpot();
    const res = await adminA.request('POST', '/api/v1/service-points', {
      communityId: tree.communityA.id,
      name: '甲社区卫生服务站',
      category: 'clinic',
      address: '甲路 1 号',
      hours: { mon: ['08:00-17:30'], tue: [], wed: ['08:00-17:30'], thu: [], fri: [], sat: [], sun: [] },
      contactPhone: '0711-3201234',
      lat: at.lat,
      lng: at.lng,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json<ServicePoint>();
    expect(p).toMatchObject({ name: '甲社区卫生服务站', communityName: '甲社区', status: 'active', coord: 'wgs84' });
    expect(p.lat).toBeCloseTo(at.lat, 7);
    // The pinned clock is Wednesday 10:00 in China.
    expect(p.openNow).toBe(true);
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('district_id', '=', tree.district.id)
      .where('target_id', '=', p.id)
      .execute();
    expect(audit).toEqual([{ action: 'servicepoint.create', actor_id: adminA.userId }]);
    const got = await anon(app, 'GET', `/api/v1/districts/${tree.district.id}/service-points/${p.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json<ServicePoint>().contactPhone).toBe('0711-3201234');
  });

  it('finds points nearest first within the radius, with distance and walking minutes', async () => {
    const c = freshSpot();
    await point(north(c, 995), '刚好在内');
    await point(north(c, 1005), '刚好在外');
    await point(north(c, 100), '最近');
    await point(north(c, 400), '第二');
    const res = await nearby(`lat=${c.lat}&lng=${c.lng}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<NearbyReply>();
    expect(body.radius).toBe(1000);
    expect(body.items.map((p) => [p.name, p.distanceMetres, p.walkingMinutes])).toEqual([
      ['最近', 100, 2],
      ['第二', 400, 6],
      ['刚好在内', 995, 15],
    ]);
    const wider = (await nearby(`lat=${c.lat}&lng=${c.lng}&radius=2000`)).json<NearbyReply>();
    expect(wider.items.map((p) => p.name)).toEqual(['最近', '第二', '刚好在内', '刚好在外']);
  });

  it('filters by category', async () => {
    const c = freshSpot();
    await point(north(c, 50), '卫生站', 'clinic');
    await point(north(c, 60), '幸福食堂', 'canteen');
    await point(north(c, 70), '骑手驿站', 'rider_station');
    const body = (await nearby(`lat=${c.lat}&lng=${c.lng}&category=canteen`)).json<NearbyReply>();
    expect(body.items.map((p) => p.name)).toEqual(['幸福食堂']);
  });

  it('answers a GCJ-02 position exactly as the same place in WGS-84, and replies in GCJ-02', async () => {
    const c = freshSpot();
    const a = await point(north(c, 300), '甲');
    await point(north(c, 700), '乙');
    await point(north(c, 1100), '丙');
    const wgs = (await nearby(`lat=${c.lat}&lng=${c.lng}`)).json<NearbyReply>();
    const g = wgs84ToGcj02(c);
    const gcj = (await nearby(`lat=${g.lat}&lng=${g.lng}&coord=gcj02`)).json<NearbyReply>();
    expect(gcj.items.map((p) => [p.id, p.distanceMetres])).toEqual(wgs.items.map((p) => [p.id, p.distanceMetres]));
    expect(gcj.coord).toBe('gcj02');
    const shown = wgs84ToGcj02({ lat: a.lat, lng: a.lng });
    expect(gcj.items[0]!.lat).toBeCloseTo(shown.lat, 6);
    expect(gcj.items[0]!.lng).toBeCloseTo(shown.lng, 6);
    expect(gcj.centre.lat).toBeCloseTo(g.lat, 6);
  });

  it('stores a point given in GCJ-02 as WGS-84', async () => {
    const c = freshSpot();
    const g = wgs84ToGcj02(c);
    const res = await adminA.request('POST', '/api/v1/service-points', {
      communityId: tree.communityA.id,
      name: '高德取点',
      category: 'canteen',
      address: '甲路 2 号',
      lat: g.lat,
      lng: g.lng,
      coord: 'gcj02',
    });
    expect(res.statusCode).toBe(201);
    const row = await env.deps.db
      .selectFrom('service_points')
      .select(['lat_e7', 'lng_e7'])
      .where('district_id', '=', tree.district.id)
      .where('id', '=', res.json<ServicePoint>().id)
      .executeTakeFirstOrThrow();
    expect(Math.abs(Number(row.lat_e7) - Math.round(c.lat * 1e7))).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(row.lng_e7) - Math.round(c.lng * 1e7))).toBeLessThanOrEqual(2);
  });

  it('never shows archived points to the public; staff still list them; restoring brings them back', async () => {
    const c = freshSpot();
    const p = await point(north(c, 200), '已停用的站');
    const archive = await adminA.request(
      'POST',
      `/api/v1/districts/${tree.district.id}/service-points/${p.id}/archive`,
      { archived: true },
    );
    expect(archive.statusCode).toBe(200);
    expect(archive.json<ServicePoint>().status).toBe('archived');
    expect((await nearby(`lat=${c.lat}&lng=${c.lng}`)).json<NearbyReply>().items).toEqual([]);
    const publicList = await anon(app, 'GET', `/api/v1/districts/${tree.district.id}/service-points?limit=200`);
    expect(publicList.json<{ items: ServicePoint[] }>().items.map((x) => x.id)).not.toContain(p.id);
    expect((await anon(app, 'GET', `/api/v1/districts/${tree.district.id}/service-points/${p.id}`)).statusCode).toBe(
      404,
    );
    const staffList = await adminA.request(
      'GET',
      `/api/v1/districts/${tree.district.id}/service-points?status=archived&limit=200`,
    );
    expect(staffList.json<{ items: ServicePoint[] }>().items.map((x) => x.id)).toContain(p.id);
    // Staff of another community do not see it.
    const otherStaff = await adminB.request(
      'GET',
      `/api/v1/districts/${tree.district.id}/service-points?status=archived&limit=200`,
    );
    expect(otherStaff.json<{ items: ServicePoint[] }>().items.map((x) => x.id)).not.toContain(p.id);
    await adminA.request('POST', `/api/v1/districts/${tree.district.id}/service-points/${p.id}/archive`, {
      archived: false,
    });
    expect((await nearby(`lat=${c.lat}&lng=${c.lng}`)).json<NearbyReply>().items.map((x) => x.id)).toEqual([p.id]);
  });

  it("never shows another district's points, even at the same spot", async () => {
    const c = freshSpot();
    const other = await makeTree(env.deps, `另一区${dialect}`);
    const otherAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: other.communityA }),
    );
    const theirs = await point(north(c, 10), '外区的站', 'clinic', other.communityA, otherAdmin);
    const ours = await point(north(c, 20), '本区的站');
    const body = (await nearby(`lat=${c.lat}&lng=${c.lng}`)).json<NearbyReply>();
    expect(body.items.map((p) => p.id)).toEqual([ours.id]);
    const inTheirs = (await nearby(`lat=${c.lat}&lng=${c.lng}`, other.district.id)).json<NearbyReply>();
    expect(inTheirs.items.map((p) => p.id)).toEqual([theirs.id]);
    // The point is found only under its own district.
    expect(
      (await anon(app, 'GET', `/api/v1/districts/${tree.district.id}/service-points/${theirs.id}`)).statusCode,
    ).toBe(404);
  });

  it('answers NOT_FOUND to staff out of scope: edit, archive, create in a community they do not manage', async () => {
    const p = await point(freshSpot(), '甲社区的站');
    const url = `/api/v1/districts/${tree.district.id}/service-points/${p.id}`;
    const edit = await adminB.request('PATCH', url, { name: '改名' });
    expect(edit.statusCode).toBe(404);
    expect(edit.json()).toMatchObject({ code: 'NOT_FOUND', message: '服务点不存在' });
    const archive = await adminB.request('POST', `${url}/archive`, { archived: true });
    expect(archive.statusCode).toBe(404);
    const create = await adminB.request('POST', '/api/v1/service-points', {
      communityId: tree.communityA.id,
      name: '越权新增',
      category: 'other',
      address: '某处',
      lat: 30.6,
      lng: 114.1,
    });
    expect(create.statusCode).toBe(404);
    expect(create.json()).toMatchObject({ code: 'NOT_FOUND', message: '组织节点不存在' });
    const grid = await clientFor(app, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA }));
    expect((await grid.request('PATCH', url, { name: '改名' })).statusCode).toBe(404);
    const after = await anon(app, 'GET', url);
    expect(after.json<ServicePoint>()).toMatchObject({ name: '甲社区的站', status: 'active' });
  });

  it('lets the community admin edit hours and position (GCJ-02 too), audited', async () => {
    const c = freshSpot();
    const p = await point(c, '要改的站');
    const moved = north(c, 500);
    const g = wgs84ToGcj02(moved);
    const res = await adminA.request('PATCH', `/api/v1/districts/${tree.district.id}/service-points/${p.id}`, {
      hours: { mon: [], tue: [], wed: ['14:00-18:00'], thu: [], fri: [], sat: [], sun: [] },
      lat: g.lat,
      lng: g.lng,
      coord: 'gcj02',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<ServicePoint>().openNow).toBe(false); // Wednesday 10:00
    const near = (await nearby(`lat=${moved.lat}&lng=${moved.lng}&radius=50`)).json<NearbyReply>();
    expect(near.items.map((x) => [x.id, x.distanceMetres])).toEqual([[p.id, 0]]);
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('district_id', '=', tree.district.id)
      .where('target_id', '=', p.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['servicepoint.create', 'servicepoint.update']);
  });

  it('refuses bad coordinates with a 400 in plain Chinese and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await env.deps.db
            .selectFrom('service_points')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const body = { communityId: tree.communityA.id, name: '坏坐标', category: 'clinic', address: '某处', lng: 114.1 };
    const tooFar = await adminA.request('POST', '/api/v1/service-points', { ...body, lat: 91 });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请求参数不正确：纬度：纬度应为 -90 到 90 之间的数字',
    });
    const text = await adminA.request('POST', '/api/v1/service-points', { ...body, lat: '30.6' });
    expect(text.statusCode).toBe(400);
    expect(text.json<{ message: string }>().message).toContain('纬度应为 -90 到 90 之间的数字');
    const badLng = await adminA.request('POST', '/api/v1/service-points', { ...body, lat: 30.6, lng: -181 });
    expect(badLng.json<{ message: string }>().message).toBe('请求参数不正确：经度：经度应为 -180 到 180 之间的数字');
    const badHours = await adminA.request('POST', '/api/v1/service-points', {
      ...body,
      lat: 30.6,
      hours: { mon: ['8点到5点'], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    expect(badHours.statusCode).toBe(400);
    expect(badHours.json<{ message: string }>().message).toContain('营业时间应写成“08:00-17:30”（24小时制）');
    expect(await count()).toBe(before);

    for (const q of ['lat=NaN&lng=114.1', 'lat=abc&lng=114.1', 'lat=30.6&lng=Infinity', 'lng=114.1']) {
      const res = await nearby(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    }
    expect((await nearby('lat=NaN&lng=114.1')).json<{ message: string }>().message).toBe(
      '请求参数不正确：纬度：纬度应为 -90 到 90 之间的数字',
    );
    expect((await nearby('lat=30.6&lng=114.1&radius=99999')).json<{ message: string }>().message).toBe(
      '请求参数不正确：范围：不能大于 5000',
    );
  });

  it('answers 401 to writes without a session; public reads need none; an unknown district is 404', async () => {
    expect((await anon(app, 'POST', '/api/v1/service-points', {})).statusCode).toBe(401);
    expect((await anon(app, 'PATCH', `/api/v1/districts/${tree.district.id}/service-points/x`, {})).statusCode).toBe(
      401,
    );
    expect((await anon(app, 'GET', `/api/v1/districts/${tree.district.id}/service-points`)).statusCode).toBe(200);
    expect((await anon(app, 'GET', `/api/v1/districts/${tree.district.id}/service-map`)).statusCode).toBe(200);
    const unknown = await anon(app, 'GET', '/api/v1/districts/nope/service-points/nearby?lat=30&lng=114');
    expect(unknown.statusCode).toBe(404);
  });

  it('rate-limits the public reads per IP (429 in plain words)', async () => {
    const limited = await testApp(env);
    const saved = env.deps.config.publicRateLimit;
    env.deps.config.publicRateLimit = 2;
    try {
      const url = `/api/v1/districts/${tree.district.id}/service-points`;
      expect((await anon(limited, 'GET', url)).statusCode).toBe(200);
      expect((await anon(limited, 'GET', url)).statusCode).toBe(200);
      const third = await anon(limited, 'GET', url);
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    } finally {
      env.deps.config.publicRateLimit = saved;
      await limited.close();
    }
  });

  it("starts the map at the community's own centre, and says there are no tiles by default", async () => {
    const c = freshSpot();
    const street = await actorOf(env.deps, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
    await point(c, '甲二社区党群服务中心', 'activity_centre', tree.communityA2, street);
    const res = await anon(
      app,
      'GET',
      `/api/v1/districts/${tree.district.id}/service-map?communityId=${tree.communityA2.id}`,
    );
    expect(res.statusCode).toBe(200);
    const cfg = res.json<{ tileUrl: string | null; centre: { lat: number; source: string; name: string } }>();
    expect(cfg.tileUrl).toBeNull();
    expect(cfg.centre).toMatchObject({ source: 'community', name: '甲二社区党群服务中心' });
    expect(cfg.centre.lat).toBeCloseTo(c.lat, 7);
    const noCommunity = await anon(app, 'GET', `/api/v1/districts/${tree.district.id}/service-map`);
    expect(noCommunity.json<{ centre: { source: string } }>().centre.source).toBe('district');
  });
});
