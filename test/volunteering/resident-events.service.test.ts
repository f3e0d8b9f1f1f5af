// Resident events (免费理发日, 课程, 议事会, 文体活动) on both databases: any resident of the community signs up with
// the same never-oversell, waitlist and cancellation rules as volunteer service; attendance is recorded but earns
// no service hours. Every test builds its own event and people; the clock is reset after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  CLOCK_START,
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
import * as activities from '../../src/server/modules/activities/activities.service.js';
import * as attendance from '../../src/server/modules/activities/attendance.service.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import type { Actor } from '../../src/server/platform/permissions.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Every event starts 24 h after the test clock: 2026-11-26 10:00–12:00 China time. */
const START = new Date(new Date(CLOCK_START).getTime() + 24 * HOUR);
const END = new Date(START.getTime() + 2 * HOUR);
const at = (minutesFromStart: number) => new Date(START.getTime() + minutesFromStart * MIN);

describe.each(DIALECTS)('resident events on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let admin: Actor;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    admin = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
  });
  afterAll(() => env.close());
  useClock(() => env);

  /** A published resident event of community A at START. */
  async function event(opts: { slots?: number; category?: string } = {}) {
    const a = (
      await activities.createActivity(env.deps, admin, {
        communityId: tree.communityA.id,
        title: '免费理发日',
        category: opts.category ?? '便民服务',
        description: '理发师志愿者上门',
        address: '社区活动室',
        startsAt: START.toISOString(),
        endsAt: END.toISOString(),
        slots: opts.slots ?? 10,
        publish: true,
        audience: 'resident',
      })
    ).at(0)!;
    return a;
  }

  async function resident(home = tree.communityA) {
    const u = await makeUser(env.deps, { home });
    return { ...u, actor: plainActor(u.id) };
  }

  async function recordsOf(activityId: string) {
    return env.deps.db.selectFrom('service_records').select(['id']).where('activity_id', '=', activityId).execute();
  }

  describe('creating', () => {
    it('gives the event the resident audience', async () => {
      const a = await event();
      expect(a).toMatchObject({ audience: 'resident', status: 'published', phase: 'open' });
    });

    it('takes the resident event kinds', async () => {
      const a = await event({ category: '议事会' });
      expect(a.category).toBe('议事会');
    });

    it('refuses required skills on a resident event', async () => {
      await expect(
        activities.createActivity(env.deps, admin, {
          communityId: tree.communityA.id,
          title: '课程',
          category: '课程',
          description: '',
          address: '活动室',
          startsAt: START.toISOString(),
          endsAt: END.toISOString(),
          slots: 10,
          audience: 'resident',
          requiredSkills: ['医护'],
        }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'audience', message: '居民活动不设技能要求和时长积分' }],
      });
    });

    it('keeps volunteer service as the default audience', async () => {
      const a = (
        await activities.createActivity(env.deps, admin, {
          communityId: tree.communityA.id,
          title: '清扫',
          category: '环境保护',
          description: '',
          address: '小区',
          startsAt: START.toISOString(),
          endsAt: END.toISOString(),
          slots: 3,
          publish: true,
        })
      ).at(0)!;
      expect(a.audience).toBe('volunteer');
    });
  });

  describe('signing up', () => {
    it('lets a resident who is not a volunteer sign up', async () => {
      const a = await event();
      const r = await resident();
      expect(await signups.signUpActivity(env.deps, r.actor, a.id)).toMatchObject({
        status: 'confirmed',
        position: null,
      });
    });

    it('lets a resident living in a grid of the community sign up', async () => {
      const a = await event();
      const r = await resident(tree.gridA);
      expect((await signups.signUpActivity(env.deps, r.actor, a.id)).status).toBe('confirmed');
    });

    it('refuses a resident of another community, naming the community', async () => {
      const a = await event();
      const r = await resident(tree.communityB);
      await expect(signups.signUpActivity(env.deps, r.actor, a.id)).rejects.toMatchObject({
        code: 'NOT_A_RESIDENT',
        params: { community: '甲社区' },
      });
    });

    it('refuses a person with no home community', async () => {
      const a = await event();
      const u = await makeUser(env.deps);
      await expect(signups.signUpActivity(env.deps, plainActor(u.id), a.id)).rejects.toMatchObject({
        code: 'NOT_A_RESIDENT',
      });
    });

    it('still asks residents to become volunteers for volunteer service', async () => {
      const a = (
        await activities.createActivity(env.deps, admin, {
          communityId: tree.communityA.id,
          title: '清扫',
          category: '环境保护',
          description: '',
          address: '小区',
          startsAt: START.toISOString(),
          endsAt: END.toISOString(),
          slots: 3,
          publish: true,
        })
      ).at(0)!;
      const r = await resident();
      await expect(signups.signUpActivity(env.deps, r.actor, a.id)).rejects.toMatchObject({ code: 'NOT_A_VOLUNTEER' });
    });

    it('gives exactly 20 places to 200 concurrent sign-ups and waitlists the rest in arrival order', async () => {
      const a = await event({ slots: 20 });
      const people = await Promise.all(Array.from({ length: 200 }, () => resident()));
      const results = await Promise.all(people.map((p) => signups.signUpActivity(env.deps, p.actor, a.id)));
      expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(20);
      const rows = await env.deps.db
        .selectFrom('signups')
        .select(['status', 'seq'])
        .where('activity_id', '=', a.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.status)).toEqual([...Array(20).fill('confirmed'), ...Array(180).fill('waitlisted')]);
      const positions = results
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.position!)
        .sort((x, y) => x - y);
      expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
      expect(await activities.getActivity(env.deps, admin, a.id)).toMatchObject({
        confirmedCount: 20,
        waitlistCount: 180,
      });
    });

    it('refuses the same resident signing up twice at once', async () => {
      const a = await event();
      const r = await resident();
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => signups.signUpActivity(env.deps, r.actor, a.id)),
      );
      expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      expect(results.flatMap((x) => (x.status === 'rejected' ? [(x.reason as { code: string }).code] : []))).toEqual(
        Array(4).fill('SIGNUP_DUPLICATE'),
      );
    });

    it('promotes the first waitlisted resident when a place is cancelled', async () => {
      const a = await event({ slots: 1 });
      const [r1, r2, r3] = [await resident(), await resident(), await resident()];
      for (const r of [r1, r2, r3]) await signups.signUpActivity(env.deps, r.actor, a.id);
      expect(await signups.cancelSignUp(env.deps, r1.actor, a.id)).toEqual({ promotedUserId: r2.id });
    });

    it('refuses cancelling a place after the cancellation deadline', async () => {
      const a = await event();
      const r = await resident();
      await signups.signUpActivity(env.deps, r.actor, a.id);
      env.clock.set(at(-2 * 60));
      await expect(signups.cancelSignUp(env.deps, r.actor, a.id)).rejects.toMatchObject({
        code: 'CANCEL_TOO_LATE',
        params: { hours: 3 },
      });
    });
  });

  describe('attending', () => {
    it('records check-in and check-out but writes no service record', async () => {
      const a = await event();
      const r = await resident();
      await signups.signUpActivity(env.deps, r.actor, a.id);
      env.clock.set(at(0));
      const code = await attendance.getAttendanceCode(env.deps, admin, a.id);
      await attendance.checkIn(env.deps, r.actor, { activityId: a.id, code: code.code });
      env.clock.set(at(90));
      const out = await attendance.checkOut(env.deps, r.actor, {
        qr: (await attendance.getAttendanceCode(env.deps, admin, a.id)).qrPayload,
      });
      expect(out).toMatchObject({ checkInAt: at(0).toISOString(), checkOutAt: at(90).toISOString(), minutes: null });
      expect(await recordsOf(a.id)).toEqual([]);
    });

    it('takes a group present mark without a service record', async () => {
      const a = await event();
      const r = await resident();
      await signups.signUpActivity(env.deps, r.actor, a.id);
      env.clock.set(at(150));
      const roster = await attendance.markAttendance(env.deps, admin, a.id, [{ userId: r.id, present: true }]);
      expect(roster.find((x) => x.userId === r.id)).toMatchObject({
        status: 'confirmed',
        checkInAt: START.toISOString(),
        checkOutAt: END.toISOString(),
      });
      expect(await recordsOf(a.id)).toEqual([]);
    });

    it('closes open stays at the end without a service record', async () => {
      const a = await event();
      const v = await makeVolunteer(env.deps, tree.communityA);
      await signups.signUpActivity(env.deps, v.actor, a.id);
      env.clock.set(at(30));
      await attendance.markAttendance(env.deps, admin, a.id, [{ userId: v.id, present: true }]);
      env.clock.set(at(150));
      const roster = await attendance.closeActivity(env.deps, admin, a.id);
      expect(roster.find((x) => x.userId === v.id)).toMatchObject({
        checkInAt: at(30).toISOString(),
        checkOutAt: END.toISOString(),
      });
      expect(await recordsOf(a.id)).toEqual([]);
    });

    it('refuses back-filled hours', async () => {
      const a = await event();
      const v = await makeVolunteer(env.deps, tree.communityA);
      env.clock.set(at(150));
      await expect(
        attendance.declareBackfill(env.deps, v.actor, a.id, { minutes: 60, note: '来帮忙了' }),
      ).rejects.toMatchObject({ code: 'RESIDENT_EVENT_NO_HOURS' });
    });

    it('shows in my sign-ups as a finished resident event afterwards', async () => {
      const a = await event();
      const r = await resident();
      await signups.signUpActivity(env.deps, r.actor, a.id);
      env.clock.set(at(150));
      const mine = await signups.listMySignUps(env.deps, r.actor, {});
      expect(mine.items.find((s) => s.activityId === a.id)).toMatchObject({
        audience: 'resident',
        activityPhase: 'finished',
      });
    });
  });
});
