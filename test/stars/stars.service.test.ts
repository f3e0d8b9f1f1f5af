// Star levels on both databases: accepted hours crossing a threshold start publicity (公示) through the `stars`
// consumer; the period counts working days; levels never skip (the next follows once the first takes effect); the job
// run twice makes one effective promotion; residents object once each; staff uphold or reject (falsified hours block
// promotion); the certificate shows only the level held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/server/platform/errors.js';
import { runStarJobs } from '../../src/server/modules/recognition/index.js';
import * as svc from '../../src/server/modules/recognition/stars.service.js';
import { getCertificate } from '../../src/server/modules/records/index.js';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  plainActor,
  type TestEnv,
  type Tree,
  useClock,
} from '../support.js';
import { acceptHours } from './stars.fixtures.js';

/** 2026-11-25 (Wednesday) + 5 working days = Wednesday 12-02; it takes effect on Thursday 12-03. */
const LAST_DAY = '2026-12-02T08:00:00.000Z';
const DAY_AFTER = '2026-12-03T02:00:00.000Z';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
}

describe.each(DIALECTS)('star levels on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let adminActor: Awaited<ReturnType<typeof actorOf>>;
  let otherAdminActor: Awaited<ReturnType<typeof actorOf>>;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps, '星级区');
    adminActor = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    otherAdminActor = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }),
    );
  });
  afterAll(() => env.close());
  useClock(() => env);

  const promotionsOf = (userId: string) =>
    env.deps.db.selectFrom('star_promotions').selectAll().where('user_id', '=', userId).orderBy('level').execute();

  it('publicises ★1 when accepted hours cross 100 h, for 5 working days, and makes it effective the day after', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA, { realName: '王小明' });
    await acceptHours(env.deps, tree.communityA, vol.id, 60);
    await runStarJobs(env.deps);
    expect(await promotionsOf(vol.id)).toHaveLength(0);
    await acceptHours(env.deps, tree.communityA, vol.id, 45);
    await runStarJobs(env.deps);
    const [p] = await promotionsOf(vol.id);
    expect(p).toMatchObject({
      level: 1,
      status: 'in_publicity',
      publicity_from: '2026-11-25',
      publicity_until: '2026-12-02',
      name_masked: '王*明',
    });
    env.clock.set(new Date(LAST_DAY));
    await runStarJobs(env.deps);
    expect((await promotionsOf(vol.id))[0]!.status).toBe('in_publicity');
    env.clock.set(new Date(DAY_AFTER));
    expect((await runStarJobs(env.deps)).effective).toBeGreaterThanOrEqual(1);
    const levels = await svc.getStarLevels(env.deps, vol.actor);
    expect(levels.items[0]).toMatchObject({
      effectiveLevel: 1,
      computedLevel: 1,
      current: null,
      acceptedMinutes: 6300,
    });
  });

  it('never skips a level: 350 h goes to ★1 first, and ★2 follows only after ★1 takes effect', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA);
    await acceptHours(env.deps, tree.communityA, vol.id, 350);
    await runStarJobs(env.deps);
    expect((await promotionsOf(vol.id)).map((p) => [p.level, p.status])).toEqual([[1, 'in_publicity']]);
    await acceptHours(env.deps, tree.communityA, vol.id, 10);
    await runStarJobs(env.deps);
    expect(await promotionsOf(vol.id)).toHaveLength(1);
    env.clock.set(new Date(DAY_AFTER));
    await runStarJobs(env.deps);
    expect((await promotionsOf(vol.id)).map((p) => [p.level, p.status])).toEqual([
      [1, 'effective'],
      [2, 'in_publicity'],
    ]);
    const levels = await svc.getStarLevels(env.deps, vol.actor);
    expect(levels.items[0]).toMatchObject({ effectiveLevel: 1, computedLevel: 2, current: { level: 2 } });
  });

  it('run twice, the job makes one effective promotion and audits it once', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA);
    await acceptHours(env.deps, tree.communityA, vol.id, 120);
    await runStarJobs(env.deps);
    env.clock.set(new Date(DAY_AFTER));
    await runStarJobs(env.deps);
    await runStarJobs(env.deps, { fullScan: true });
    const rows = await promotionsOf(vol.id);
    expect(rows.map((p) => [p.level, p.status])).toEqual([[1, 'effective']]);
    const audits = await env.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', rows[0]!.id)
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['star.publicise', 'star.effective']);
  });

  it('takes one objection per resident, none from the volunteer, and holds the level until staff decide', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA);
    await acceptHours(env.deps, tree.communityA, vol.id, 110);
    await runStarJobs(env.deps);
    const [p] = await promotionsOf(vol.id);
    const resident = plainActor((await makeUser(env.deps, { home: tree.communityA })).id);
    await svc.objectStarPublicity(env.deps, resident, p!.id, { reason: '他很少参加活动' });
    expect(await codeOf(svc.objectStarPublicity(env.deps, resident, p!.id, { reason: '再说一次' }))).toBe(
      'STAR_OBJECTION_TWICE',
    );
    expect(await codeOf(svc.objectStarPublicity(env.deps, vol.actor, p!.id, { reason: '我自己' }))).toBe(
      'STAR_OBJECTION_SELF',
    );
    const second = plainActor((await makeUser(env.deps, { home: tree.communityB })).id);
    await svc.objectStarPublicity(env.deps, second, p!.id, { reason: '时长可能有误' });
    env.clock.set(new Date(DAY_AFTER));
    await runStarJobs(env.deps);
    expect((await promotionsOf(vol.id))[0]!.status).toBe('objected');
    // Once the period is over nobody objects any more.
    const late = plainActor((await makeUser(env.deps, { home: tree.communityA })).id);
    expect(await codeOf(svc.objectStarPublicity(env.deps, late, p!.id, { reason: '晚了' }))).toBe('STAR_STATE');
    // Staff of another community do not see it; staff of its community see both objections and uphold the level.
    expect((await svc.listStarPromotions(env.deps, otherAdminActor, {})).items.map((i) => i.id)).not.toContain(p!.id);
    expect(await codeOf(svc.decideStarPromotion(env.deps, otherAdminActor, p!.id, { decision: 'uphold' }))).toBe(
      'NOT_FOUND',
    );
    const listed = (await svc.listStarPromotions(env.deps, adminActor, {})).items.find((i) => i.id === p!.id);
    expect(listed?.objections.map((o) => o.reason).sort()).toEqual(['他很少参加活动', '时长可能有误'].sort());
    const upheld = await svc.decideStarPromotion(env.deps, adminActor, p!.id, { decision: 'uphold', note: '核实无误' });
    expect(upheld).toMatchObject({ status: 'effective', decision: 'uphold' });
    expect(await codeOf(svc.decideStarPromotion(env.deps, adminActor, p!.id, { decision: 'uphold' }))).toBe(
      'STAR_STATE',
    );
    const audits = await env.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', p!.id)
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['star.decide', 'star.object', 'star.object', 'star.publicise']);
  });

  it('a falsified-hours finding rejects the level and blocks promotion for the configured months', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA);
    await acceptHours(env.deps, tree.communityA, vol.id, 130);
    await runStarJobs(env.deps);
    const [p] = await promotionsOf(vol.id);
    const resident = plainActor((await makeUser(env.deps, { home: tree.communityA })).id);
    await svc.objectStarPublicity(env.deps, resident, p!.id, { reason: '时长造假' });
    expect(await codeOf(svc.decideStarPromotion(env.deps, adminActor, p!.id, { decision: 'reject' }))).toBe(
      'REASON_REQUIRED',
    );
    const rejected = await svc.decideStarPromotion(env.deps, adminActor, p!.id, {
      decision: 'reject',
      finding: 'falsified',
      note: '签到记录与实际不符',
    });
    expect(rejected.status).toBe('rejected');
    expect(rejected.blockedUntil).toBe('2027-11-25T02:00:00.000Z');
    await acceptHours(env.deps, tree.communityA, vol.id, 200);
    await runStarJobs(env.deps);
    expect(await promotionsOf(vol.id)).toHaveLength(1);
    const levels = await svc.getStarLevels(env.deps, vol.actor);
    expect(levels.items[0]).toMatchObject({ effectiveLevel: 0, blockedUntil: '2027-11-25T02:00:00.000Z' });
    // After the block, the next acceptance publicises ★1 again.
    env.clock.set(new Date('2027-11-26T02:00:00.000Z'));
    await acceptHours(env.deps, tree.communityA, vol.id, 1);
    await runStarJobs(env.deps);
    expect((await promotionsOf(vol.id)).map((x) => x.status).sort()).toEqual(['in_publicity', 'rejected']);
  });

  it('the certificate shows the level held, not the level the hours reach', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA, { realName: '赵小红' });
    await acceptHours(env.deps, tree.communityA, vol.id, 150);
    await runStarJobs(env.deps);
    const snapshot = async () => {
      const { certNo } = await getCertificate(env.deps, vol.actor, vol.volunteerId, 'https://linli.example');
      const row = await env.deps.db
        .selectFrom('certificates')
        .select('snapshot')
        .where('cert_no', '=', certNo)
        .executeTakeFirstOrThrow();
      return JSON.parse(row.snapshot) as { starLevel: number; activities?: unknown[] };
    };
    expect((await snapshot()).starLevel).toBe(0);
    env.clock.set(new Date(DAY_AFTER));
    await runStarJobs(env.deps);
    const after = await snapshot();
    expect(after.starLevel).toBe(1);
    expect(after.activities).toHaveLength(1);
  });
});
