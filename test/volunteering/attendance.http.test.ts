// HTTP tests of attendance and resident events: exact zh-CN (and one en) messages for every new refusal, closing an
// activity (success, no session, other scope) and the fields the web apps read (audience, closedAt, activityPhase).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anon,
  type Client,
  clientFor,
  CLOCK_START,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  type TestEnv,
  testApp,
  type Tree,
  useClock,
} from '../support.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Every activity starts 24 h after the test clock: 2026-11-26 10:00–12:00 China time. */
const START = new Date(new Date(CLOCK_START).getTime() + 24 * HOUR);
const END = new Date(START.getTime() + 2 * HOUR);
const at = (minutesFromStart: number) => new Date(START.getTime() + minutesFromStart * MIN);

describe.each(DIALECTS)('attendance API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let admin: Client;
  let adminB: Client;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    admin = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  async function create(audience: 'volunteer' | 'resident'): Promise<string> {
    const res = await admin.request('POST', '/api/v1/activities', {
      communityId: tree.communityA.id,
      title: audience === 'resident' ? '免费理发日' : '上门探访',
      category: audience === 'resident' ? '便民服务' : '助老服务',
      address: '活动室',
      startsAt: START.toISOString(),
      endsAt: END.toISOString(),
      slots: 5,
      publish: true,
      audience,
    });
    expect(res.statusCode).toBe(201);
    return res.json().items[0].id as string;
  }

  /** A volunteer activity with one signed-up volunteer, logged in. */
  async function signedUp() {
    const id = await create('volunteer');
    const v = await clientFor(app, await makeVolunteer(env.deps, tree.communityA));
    expect((await v.request('POST', `/api/v1/activities/${id}/signups`, {})).statusCode).toBe(201);
    return { id, v };
  }

  async function code(id: string): Promise<string> {
    return (await admin.request('GET', `/api/v1/activities/${id}/attendance-code`)).json().code as string;
  }

  it('createActivity returns the audience and an open attendance', async () => {
    const id = await create('resident');
    const res = await admin.request('GET', `/api/v1/activities/${id}`);
    expect(res.json()).toMatchObject({ audience: 'resident', closedAt: null, phase: 'open' });
  });

  it('createActivity refuses an unknown audience', async () => {
    const res = await admin.request('POST', '/api/v1/activities', {
      communityId: tree.communityA.id,
      title: '讲座',
      category: '课程',
      address: '活动室',
      startsAt: START.toISOString(),
      endsAt: END.toISOString(),
      slots: 5,
      audience: 'everyone',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('audience');
  });

  it('signUpActivity lets a resident into a resident event', async () => {
    const id = await create('resident');
    const r = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const res = await r.request('POST', `/api/v1/activities/${id}/signups`, {});
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'confirmed', position: null });
  });

  it('signUpActivity tells a resident of another community who the event is for', async () => {
    const id = await create('resident');
    const r = await clientFor(app, await makeUser(env.deps, { home: tree.communityB }));
    const res = await r.request('POST', `/api/v1/activities/${id}/signups`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'NOT_A_RESIDENT', message: '本活动仅限“甲社区”的居民报名' });
  });

  it('checkOut before the start says when check-out opens, in China time', async () => {
    const { id, v } = await signedUp();
    env.clock.set(at(-20));
    expect(
      (await v.request('POST', '/api/v1/attendance/check-in', { activityId: id, code: await code(id) })).statusCode,
    ).toBe(200);
    env.clock.set(at(-10));
    const res = await v.request('POST', '/api/v1/attendance/check-out', { activityId: id, code: await code(id) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'ATTENDANCE_NOT_YET',
      message: '签退将于 2026-11-26 10:00（北京时间）开放',
    });
  });

  it('checkOut before the start says it in English too', async () => {
    const { id, v } = await signedUp();
    env.clock.set(at(-20));
    await v.request('POST', '/api/v1/attendance/check-in', { activityId: id, code: await code(id) });
    env.clock.set(at(-10));
    const res = await v.request(
      'POST',
      '/api/v1/attendance/check-out',
      { activityId: id, code: await code(id) },
      { 'accept-language': 'en' },
    );
    expect(res.json().message).toBe('Check-out opens at 2026-11-26 10:00 (China time)');
  });

  it('confirmServiceRecords before the end answers 422 with the end time', async () => {
    const { id, v } = await signedUp();
    env.clock.set(at(0));
    await v.request('POST', '/api/v1/attendance/check-in', { activityId: id, code: await code(id) });
    env.clock.set(at(60));
    await v.request('POST', '/api/v1/attendance/check-out', { activityId: id, code: await code(id) });
    const recordId = (await admin.request('GET', `/api/v1/service-records?activityId=${id}`)).json().items[0]
      .id as string;
    const res = await admin.request('POST', '/api/v1/service-records/confirm', { recordIds: [recordId] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'ACTIVITY_NOT_ENDED',
      message: '活动于 2026-11-26 12:00（北京时间）结束，结束后才能确认',
    });
  });

  it('markAttendance refuses a departure later than now', async () => {
    const { id, v } = await signedUp();
    env.clock.set(at(30));
    const res = await admin.request('POST', `/api/v1/activities/${id}/attendance`, {
      entries: [{ userId: v.userId, present: true, checkOutAt: END.toISOString() }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('到场和离场时间不能晚于现在');
  });

  it('checkIn tells a person marked absent why they cannot', async () => {
    const { id, v } = await signedUp();
    env.clock.set(at(5));
    await admin.request('POST', `/api/v1/activities/${id}/attendance`, {
      entries: [{ userId: v.userId, present: false }],
    });
    const res = await v.request('POST', '/api/v1/attendance/check-in', { activityId: id, code: await code(id) });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('您在该活动被登记为缺席，不能签到、签退或补录时长');
  });

  it('declareBackfill refuses a resident event', async () => {
    const id = await create('resident');
    const v = await clientFor(app, await makeVolunteer(env.deps, tree.communityA));
    env.clock.set(at(150));
    const res = await v.request('POST', `/api/v1/activities/${id}/backfill`, { minutes: 60, note: '来帮忙了' });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('居民活动只记录到场，不计志愿服务时长');
  });

  it('closeActivity checks open stays out at the end and answers the roster', async () => {
    const { id, v } = await signedUp();
    env.clock.set(at(30));
    await admin.request('POST', `/api/v1/activities/${id}/attendance`, {
      entries: [{ userId: v.userId, present: true }],
    });
    env.clock.set(at(150));
    const res = await admin.request('POST', `/api/v1/activities/${id}/close`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      userId: v.userId,
      checkInAt: at(30).toISOString(),
      checkOutAt: END.toISOString(),
    });
    expect((await admin.request('GET', `/api/v1/activities/${id}`)).json().closedAt).toBe(at(150).toISOString());
  });

  it('closeActivity before the end answers 422 with the end time', async () => {
    const { id } = await signedUp();
    env.clock.set(at(60));
    const res = await admin.request('POST', `/api/v1/activities/${id}/close`);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('活动于 2026-11-26 12:00（北京时间）结束，结束后才能结束登记');
  });

  it("closeActivity answers 404 to another community's staff", async () => {
    const { id } = await signedUp();
    env.clock.set(at(150));
    expect((await adminB.request('POST', `/api/v1/activities/${id}/close`)).statusCode).toBe(404);
  });

  it('closeActivity answers 404 to a participant', async () => {
    const { id, v } = await signedUp();
    env.clock.set(at(150));
    expect((await v.request('POST', `/api/v1/activities/${id}/close`)).statusCode).toBe(404);
  });

  it('closeActivity answers 401 without a session', async () => {
    expect((await anon(app, 'POST', '/api/v1/activities/x/close', {})).statusCode).toBe(401);
  });

  it('listMySignUps shows a finished activity as finished', async () => {
    const { id, v } = await signedUp();
    env.clock.set(at(121));
    const res = await v.request('GET', '/api/v1/me/signups');
    expect(res.json().items.find((s: { activityId: string }) => s.activityId === id)).toMatchObject({
      activityPhase: 'finished',
      audience: 'volunteer',
    });
  });
});
