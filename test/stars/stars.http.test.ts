// Star publicity through HTTP on both databases: the public list needs no login and shows masked names, level,
// community and dates (no phone, no ID); a signed-in resident objects (201, then 409); my levels; the staff list and
// decision; the certificate with optional activity rows.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStarJobs } from '../../src/server/modules/recognition/index.js';
import {
  anon,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  testApp,
  type TestEnv,
  type Tree,
  useClock,
} from '../support.js';
import { acceptHours } from './stars.fixtures.js';

interface PublicityList {
  items: Array<Record<string, unknown> & { id: string; nameMasked: string; objectedByMe: boolean }>;
}

describe.each(DIALECTS)('star publicity over HTTP on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let app: FastifyInstance;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps, '公示区');
    app = await testApp(env);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  it('lists publicity without login, takes one objection per resident, and lets staff uphold it', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA, { realName: '李大为' });
    await acceptHours(env.deps, tree.communityA, vol.id, 101);
    await runStarJobs(env.deps);

    const list = await anon(app, 'GET', `/api/v1/public/star-publicity?districtId=${tree.district.id}`);
    expect(list.statusCode).toBe(200);
    const item = list.json<PublicityList>().items.find((i) => i.nameMasked === '李*为');
    expect(item).toMatchObject({ level: 1, status: 'in_publicity', communityName: '甲社区', objectedByMe: false });
    expect(Object.keys(item!).sort()).toEqual(
      [
        'communityName',
        'id',
        'level',
        'nameMasked',
        'objectedByMe',
        'publicityFrom',
        'publicityUntil',
        'status',
        'teamName',
      ].sort(),
    );
    expect(list.body).not.toContain(vol.phone);

    expect(
      (await anon(app, 'POST', `/api/v1/star-publicity/${item!.id}/objections`, { reason: '匿名异议' })).statusCode,
    ).toBe(401);
    const resident = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const objected = await resident.request('POST', `/api/v1/star-publicity/${item!.id}/objections`, {
      reason: '时长可能有误',
    });
    expect(objected.statusCode).toBe(201);
    const again = await resident.request('POST', `/api/v1/star-publicity/${item!.id}/objections`, { reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('STAR_OBJECTION_TWICE');
    const mine = await resident.request('GET', `/api/v1/public/star-publicity?districtId=${tree.district.id}`);
    expect(mine.json<PublicityList>().items.find((i) => i.id === item!.id)).toMatchObject({
      status: 'objected',
      objectedByMe: true,
    });

    const admin = await clientFor(
      app,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    const queue = await admin.request('GET', '/api/v1/star-promotions?status=objected');
    expect(queue.statusCode).toBe(200);
    expect(queue.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(item!.id);
    const stranger = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    expect(
      (await stranger.request('POST', `/api/v1/star-promotions/${item!.id}/decision`, { decision: 'uphold' }))
        .statusCode,
    ).toBe(404);
    const decided = await admin.request('POST', `/api/v1/star-promotions/${item!.id}/decision`, {
      decision: 'uphold',
      note: '已核实',
    });
    expect(decided.statusCode).toBe(200);
    // Upheld during the period: back in publicity, effective once the period is over.
    expect(decided.json<{ status: string }>().status).toBe('in_publicity');
    env.clock.set(new Date('2026-12-03T02:00:00.000Z'));
    await runStarJobs(env.deps);

    const me = await clientFor(app, vol);
    const levels = await me.request('GET', '/api/v1/me/star-levels');
    expect(levels.statusCode).toBe(200);
    expect(levels.json<{ items: Array<{ effectiveLevel: number }> }>().items[0]?.effectiveLevel).toBe(1);
    const pdf = await me.request('GET', `/api/v1/volunteers/${vol.volunteerId}/certificate?activities=1`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('refuses a reason that is empty or missing with 400', async () => {
    const resident = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const res = await resident.request('POST', '/api/v1/star-publicity/01HXXXXXXXXXXXXXXXXXXXXXXX/objections', {
      reason: '   ',
    });
    expect(res.statusCode).toBe(400);
    const missing = await resident.request('POST', '/api/v1/star-publicity/01HXXXXXXXXXXXXXXXXXXXXXXX/objections', {
      reason: '有异议',
    });
    expect(missing.statusCode).toBe(404);
  });
});
