// HTTP tests of the care registry (关爱台账): staff register and assign in their scope; a visitor sees only the people
// assigned to them (anyone else: 404, 401 without a session); every read is logged; a visit moves the next visit on
// and turns red to blue; an emergency turns red; "needs help" raises a need; the daily job notices once a day.
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
  nextPhone,
  type TestEnv,
  testApp,
  type TestUser,
  type Tree,
  useClock,
} from '../support.js';
import { runCareJobs } from '../../src/server/modules/care/index.js';
import { processNotificationEvents } from '../../src/server/modules/notifications/index.js';
import type { CareSubject, CareSubjectPage } from '../../src/server/modules/care/care.schemas.js';

const DAY = 86_400_000;

describe.each(DIALECTS)('care registry API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let gridWorker: Client;
  let admin: Client;
  let volunteer: Client;
  let volunteerPhone: string;
  let otherVolunteer: Client;
  let people: { gw: TestUser; adm: TestUser; vol: TestUser };
  let outsiders: Array<[string, Client]>;

  useClock(() => env);

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    const client = async (opts: Parameters<typeof makeUser>[1]) => clientFor(app, await makeUser(env.deps, opts));
    const gw = await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA });
    const adm = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    const vol = await makeVolunteer(env.deps, tree.communityA);
    people = { gw, adm, vol };
    gridWorker = await clientFor(app, gw);
    admin = await clientFor(app, adm);
    volunteerPhone = vol.phone;
    volunteer = await clientFor(app, vol);
    otherVolunteer = await clientFor(app, await makeVolunteer(env.deps, tree.communityA));
    outsiders = [
      ['resident', await client({ home: tree.communityA })],
      ['volunteer not assigned', otherVolunteer],
      ['admin of another community', await client({ role: 'community_admin', roleNode: tree.communityB })],
      ['grid worker of another grid', await client({ role: 'grid_worker', roleNode: tree.gridB })],
      ['mediation lead', await client({ role: 'mediation_lead', roleNode: tree.communityA })],
    ];
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  /**
   * Moves the clock on and signs the three people in afresh (a session idle that long has expired; the shared
   * clients must not be used while the clock is moved, or their sessions end).
   */
  async function later(ms: number) {
    env.clock.advance(ms);
    return {
      gw: await clientFor(app, people.gw),
      adm: await clientFor(app, people.adm),
      vol: await clientFor(app, people.vol),
    };
  }

  async function register(over: Record<string, unknown> = {}): Promise<CareSubject> {
    const res = await gridWorker.request('POST', '/api/v1/care/subjects', {
      nodeId: tree.gridA.id,
      name: '王秀英',
      phone: nextPhone(),
      address: '甲社区 3 栋 2 单元 501',
      categories: ['living_alone'],
      tier: 'key',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CareSubject>();
  }

  async function assign(id: string, phone = volunteerPhone) {
    return gridWorker.request('POST', `/api/v1/care/subjects/${id}/visitors`, { phone });
  }

  async function readCount(id: string, action = 'care.subject_read'): Promise<number> {
    const rows = await env.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', action)
      .where('target_id', '=', id)
      .execute();
    return rows.length;
  }

  it('registers a subject with the tier interval, next visit and blue colour; no name in the log', async () => {
    const s = await register();
    expect(s).toMatchObject({ tier: 'key', intervalDays: 7, alert: 'blue', name: '王*英', fullName: '王秀英' });
    expect(s.nextVisitAt).toBe(new Date(Date.parse(CLOCK_START) + 7 * DAY).toISOString());
    const created = await env.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'care.subject_created')
      .where('target_id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(created.details).not.toContain('王');
    const outside = await outsiders[2]![1].request('POST', '/api/v1/care/subjects', {
      nodeId: tree.gridA.id,
      name: '李四',
      categories: ['empty_nest'],
      tier: 'general',
    });
    expect(outside.statusCode).toBe(404);
  });

  it('answers 404 to everyone but its managers and assigned visitor, 401 without a session', async () => {
    const s = await register();
    expect((await assign(s.id)).statusCode).toBe(200);
    for (const [who, c] of outsiders) {
      expect((await c.request('GET', `/api/v1/care/subjects/${s.id}`)).statusCode, who).toBe(404);
      const visit = await c.request('POST', `/api/v1/care/subjects/${s.id}/visits`, {
        findings: '看看',
        outcome: 'well',
      });
      expect(visit.statusCode, who).toBe(404);
      const mine = await c.request('GET', '/api/v1/care/my-people');
      expect(
        mine.json<CareSubjectPage>().items.map((i) => i.id),
        who,
      ).not.toContain(s.id);
    }
    expect((await anon(app, 'GET', `/api/v1/care/subjects/${s.id}`)).statusCode).toBe(401);
    expect((await volunteer.request('GET', `/api/v1/care/subjects/${s.id}`)).statusCode).toBe(200);
    expect((await admin.request('GET', `/api/v1/care/subjects/${s.id}`)).statusCode).toBe(200);
    // A visitor does not manage: no tier change, no assignment.
    const tier = await volunteer.request('POST', `/api/v1/care/subjects/${s.id}/tier`, { tier: 'general' });
    expect(tier.statusCode).toBe(404);
  });

  it('takes their people from a grid worker whose role is revoked', async () => {
    const worker = await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA });
    const s = await register();
    expect((await assign(s.id, worker.phone)).statusCode).toBe(200);
    const before = await clientFor(app, worker);
    expect((await before.request('GET', `/api/v1/care/subjects/${s.id}`)).statusCode).toBe(200);
    await env.deps.db
      .updateTable('role_assignments')
      .set({ revoked_at: env.clock.now().toISOString() })
      .where('user_id', '=', worker.id)
      .execute();
    expect((await before.request('GET', `/api/v1/care/subjects/${s.id}`)).statusCode).toBe(404);
    const mine = await before.request('GET', '/api/v1/care/my-people');
    expect(mine.json<CareSubjectPage>().items.map((i) => i.id)).not.toContain(s.id);
  });

  it('logs every read of a care record, in full and in lists', async () => {
    const s = await register();
    await assign(s.id);
    const before = await readCount(s.id);
    await volunteer.request('GET', `/api/v1/care/subjects/${s.id}`);
    await admin.request('GET', `/api/v1/care/subjects/${s.id}`);
    expect(await readCount(s.id)).toBe(before + 2);
    const listedBefore = await readCount(s.id, 'care.subject_listed');
    const mine = await volunteer.request('GET', '/api/v1/care/my-people?limit=200');
    expect(mine.json<CareSubjectPage>().items.map((i) => i.id)).toContain(s.id);
    expect(await readCount(s.id, 'care.subject_listed')).toBe(listedBefore + 1);
  });

  it('refuses a visitor who is neither care staff over the subject nor an approved volunteer of its community', async () => {
    const s = await register();
    const stranger = await makeUser(env.deps, { home: tree.communityB });
    const res = await assign(s.id, stranger.phone);
    expect(res.statusCode).toBe(422);
    expect(res.json<{ code: string }>().code).toBe('CARE_VISITOR_INVALID');
    expect((await assign(s.id, nextPhone())).statusCode).toBe(404);
  });

  it('turns red when overdue and blue again when the visitor logs a visit; the alert list follows', async () => {
    const s = await register();
    await assign(s.id);
    let c = await later(6 * DAY);
    let got = await c.vol.request('GET', `/api/v1/care/subjects/${s.id}`);
    expect(got.json<CareSubject>().alert).toBe('yellow');
    c = await later(2 * DAY);
    got = await c.vol.request('GET', `/api/v1/care/subjects/${s.id}`);
    expect(got.json<CareSubject>()).toMatchObject({ alert: 'red', daysOverdue: 1 });
    const alerts = await c.gw.request('GET', '/api/v1/care/alerts?limit=200');
    const item = alerts.json<CareSubjectPage>().items.find((i) => i.id === s.id);
    expect(item?.alert).toBe('red');

    const visit = await c.vol.request('POST', `/api/v1/care/subjects/${s.id}/visits`, {
      findings: '老人精神不错，冰箱里有菜',
      outcome: 'well',
    });
    expect(visit.statusCode, visit.body).toBe(200);
    const after = visit.json<CareSubject>();
    expect(after.alert).toBe('blue');
    expect(after.lastVisitAt).toBe(env.clock.now().toISOString());
    expect(after.nextVisitAt).toBe(new Date(env.clock.now().getTime() + 7 * DAY).toISOString());
    expect(after.visits[0]).toMatchObject({ outcome: 'well', findings: '老人精神不错，冰箱里有菜' });
    const alertsAfter = await c.gw.request('GET', '/api/v1/care/alerts?limit=200');
    expect(alertsAfter.json<CareSubjectPage>().items.map((i) => i.id)).not.toContain(s.id);
  });

  it('is red after an emergency until a visit without one; needs help raises a need', async () => {
    const s = await register({ tier: 'general' });
    await assign(s.id);
    const count = async () => (await env.deps.db.selectFrom('needs').select('id').execute()).length;
    const needsBefore = await count();
    const bad = await volunteer.request('POST', `/api/v1/care/subjects/${s.id}/visits`, {
      findings: '老人摔倒，已送医',
      outcome: 'needs_help',
      emergency: true,
    });
    expect(bad.statusCode).toBe(400);
    const em = await volunteer.request('POST', `/api/v1/care/subjects/${s.id}/visits`, {
      findings: '老人摔倒，需要有人陪同复诊',
      outcome: 'needs_help',
      needCategory: 'escort',
      emergency: true,
    });
    expect(em.statusCode, em.body).toBe(200);
    const red = em.json<CareSubject>();
    expect(red).toMatchObject({ alert: 'red', emergency: true });
    expect(red.visits[0]?.needId).toBeTruthy();
    expect(await count()).toBe(needsBefore + 1);
    const list = await admin.request('GET', '/api/v1/care/subjects?limit=200');
    expect(list.json<CareSubjectPage>().items[0]?.emergency).toBe(true);
    const ok = await volunteer.request('POST', `/api/v1/care/subjects/${s.id}/visits`, {
      findings: '已复诊，一切安好',
      outcome: 'well',
    });
    expect(ok.json<CareSubject>()).toMatchObject({ alert: 'blue', emergency: false });
  });

  it('changes the tier and recomputes the next visit from the last one', async () => {
    const s = await register({ tier: 'general' });
    expect(s.intervalDays).toBe(180);
    const res = await admin.request('POST', `/api/v1/care/subjects/${s.id}/tier`, { tier: 'important' });
    expect(res.statusCode).toBe(200);
    expect(res.json<CareSubject>()).toMatchObject({ tier: 'important', intervalDays: 90 });
    expect(res.json<CareSubject>().nextVisitAt).toBe(new Date(Date.parse(CLOCK_START) + 90 * DAY).toISOString());
  });

  it('lists subjects most urgent first', async () => {
    await register({ tier: 'general' });
    await register({ tier: 'key' });
    const c = await later(8 * DAY);
    const items = (await c.adm.request('GET', '/api/v1/care/subjects?limit=200')).json<CareSubjectPage>().items;
    const rank = { red: 0, yellow: 1, blue: 2 } as const;
    const ranks = items.map((i) => (i.emergency ? -1 : rank[i.alert]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const next = items.filter((i) => !i.emergency).map((i) => i.nextVisitAt);
    expect(next).toEqual([...next].sort());
  });

  it('the daily job stores colours and raises one alert per subject and day', async () => {
    const s = await register();
    await assign(s.id);
    const events = async () =>
      (
        await env.deps.db
          .selectFrom('domain_events')
          .select('id')
          .where('type', '=', 'care.alert')
          .where('ref_id', 'like', `${s.id}:%`)
          .execute()
      ).length;
    await runCareJobs(env.deps);
    expect(await events()).toBe(0);
    env.clock.advance(8 * DAY);
    await runCareJobs(env.deps);
    await runCareJobs(env.deps);
    expect(await events()).toBe(1);
    const stored = await env.deps.db
      .selectFrom('care_subjects')
      .select('alert')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(stored.alert).toBe('red');
    env.clock.advance(DAY);
    await runCareJobs(env.deps);
    expect(await events()).toBe(2);
    // The notices: the visitor (to the visit page) and the grid's care staff (to the console list), masked name.
    await processNotificationEvents(env.deps);
    const notices = await env.deps.db
      .selectFrom('notices')
      .select(['user_id', 'link', 'params'])
      .where('kind', '=', 'care_alert')
      .where('ref_id', '=', s.id)
      .execute();
    const vol = notices.filter((n) => n.user_id === volunteer.userId);
    expect(vol.map((n) => n.link)).toEqual([`/care/${s.id}`, `/care/${s.id}`]);
    expect(notices.filter((n) => n.user_id === gridWorker.userId).map((n) => n.link)).toContain('/admin/care');
    expect(notices.every((n) => n.params.includes('王*英') && !n.params.includes('王秀英'))).toBe(true);
  });
});
