// Hours follow attendance, on both databases: a leader's mark credits only recorded time, a no-show keeps and
// earns nothing whenever it is marked, records settle only after the end, short stays leave no record, and the
// attendance window says when it opens. Every test builds its own activity and people; the clock is reset after each.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import {
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
  actorOf,
} from '../support.js';
import * as activities from '../../src/server/modules/activities/activities.service.js';
import * as attendance from '../../src/server/modules/activities/attendance.service.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import * as records from '../../src/server/modules/records/records.service.js';
import * as teams from '../../src/server/modules/volunteers/teams.service.js';
import { processLedgerEvents } from '../../src/server/modules/ledger/index.js';
import { listEventsAfter } from '../../src/server/platform/events.js';
import type { Actor } from '../../src/server/platform/permissions.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Every activity here starts 24 h after the test clock: 2026-11-26 10:00–12:00 China time. */
const START = new Date(new Date(CLOCK_START).getTime() + 24 * HOUR);
const END = new Date(START.getTime() + 2 * HOUR);
const at = (minutesFromStart: number) => new Date(START.getTime() + minutesFromStart * MIN);

describe.each(DIALECTS)('attendance on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let admin: Actor;
  let leader: Actor;
  let teamId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    admin = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    const l = await makeVolunteer(env.deps, tree.communityA);
    teamId = (
      await teams.createTeam(env.deps, admin, {
        communityId: tree.communityA.id,
        name: '关照队',
        category: '邻里关照',
        leaderUserId: l.id,
      })
    ).id;
    leader = plainActor(l.id);
  });
  afterAll(() => env.close());
  useClock(() => env);

  /** A published 2-hour volunteer activity at START with one signed-up volunteer. */
  async function signedUp() {
    const a = (
      await activities.createActivity(env.deps, leader, {
        communityId: tree.communityA.id,
        teamId,
        title: '上门探访',
        category: '助老服务',
        description: '',
        address: '活动室',
        startsAt: START.toISOString(),
        endsAt: END.toISOString(),
        slots: 5,
        publish: true,
      })
    ).at(0)!;
    const p = await makeVolunteer(env.deps, tree.communityA);
    await signups.signUpActivity(env.deps, p.actor, a.id);
    return { a, p };
  }

  async function code(activityId: string) {
    return (await attendance.getAttendanceCode(env.deps, leader, activityId)).code;
  }

  async function recordsOf(activityId: string, userId: string) {
    return env.deps.db
      .selectFrom('service_records')
      .select(['id', 'status', 'minutes', 'corrects_id'])
      .where('activity_id', '=', activityId)
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
  }

  /** Marked present after the end: one pending record of the whole 120 minutes. */
  async function pendingRecord() {
    const { a, p } = await signedUp();
    env.clock.set(at(150));
    await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
    const rec = (await recordsOf(a.id, p.id)).at(0)!;
    return { a, p, rec };
  }

  describe("a leader's present mark", () => {
    it('during the activity records the mark as the check-in and leaves the check-out open', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(40));
      const roster = await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
      expect(roster.find((r) => r.userId === p.id)).toMatchObject({
        checkInAt: at(40).toISOString(),
        checkOutAt: null,
        method: 'leader',
      });
    });

    it('during the activity writes no record in advance', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(40));
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
      expect(await recordsOf(a.id, p.id)).toEqual([]);
    });

    it("during the activity credits from the mark to the person's check-out", async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(40));
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
      env.clock.set(at(100));
      const out = await attendance.checkOut(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      expect(out.minutes).toBe(60);
      expect((await recordsOf(a.id, p.id)).map((r) => [r.status, r.minutes])).toEqual([['pending', 60]]);
    });

    it('refuses a check-out time later than now', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(40));
      await expect(
        attendance.markAttendance(env.deps, leader, a.id, [
          { userId: p.id, present: true, checkOutAt: END.toISOString() },
        ]),
      ).rejects.toMatchObject({ code: 'ACTIVITY_BAD_TIME', params: { problem: 'attendance_in_future' } });
    });

    it('before the start says when marking opens', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(-5));
      await expect(
        attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]),
      ).rejects.toMatchObject({ code: 'ATTENDANCE_NOT_YET', params: { what: 'mark', time: '2026-11-26 10:00' } });
    });

    it('after the end credits the whole activity', async () => {
      const { rec } = await pendingRecord();
      expect(rec).toMatchObject({ status: 'pending', minutes: 120 });
    });
  });

  describe('closing the activity', () => {
    it('checks an open stay out at the end and writes its record', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(40));
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
      env.clock.set(at(150));
      const roster = await attendance.closeActivity(env.deps, leader, a.id);
      expect(roster.find((r) => r.userId === p.id)).toMatchObject({
        checkInAt: at(40).toISOString(),
        checkOutAt: END.toISOString(),
      });
      expect((await recordsOf(a.id, p.id)).map((r) => [r.status, r.minutes])).toEqual([['pending', 75]]);
    });

    it('is refused before the end, naming the end in China time', async () => {
      const { a } = await signedUp();
      env.clock.set(at(60));
      await expect(attendance.closeActivity(env.deps, leader, a.id)).rejects.toMatchObject({
        code: 'ACTIVITY_NOT_ENDED',
        params: { time: '2026-11-26 12:00', action: 'close' },
      });
    });

    it('stops self check-out, naming when it closed', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(0));
      await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      env.clock.set(at(130));
      const late = await code(a.id);
      await attendance.closeActivity(env.deps, leader, a.id);
      await expect(attendance.checkOut(env.deps, p.actor, { activityId: a.id, code: late })).rejects.toMatchObject({
        code: 'ATTENDANCE_CLOSED',
        params: { what: 'check_out', time: '2026-11-26 12:10' },
      });
    });

    it("is not for other communities' staff", async () => {
      const { a } = await signedUp();
      const other = await actorOf(
        env.deps,
        await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }),
      );
      env.clock.set(at(150));
      await expect(attendance.closeActivity(env.deps, other, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('a no-show', () => {
    it('marked absent after a present mark has the pending record voided', async () => {
      const { a, p } = await pendingRecord();
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      expect((await recordsOf(a.id, p.id)).map((r) => [r.status, r.minutes])).toEqual([['voided', 120]]);
    });

    it('marked absent leaves a roster without attendance, agreeing with the records', async () => {
      const { a, p } = await pendingRecord();
      const roster = await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      expect(roster.find((r) => r.userId === p.id)).toMatchObject({
        status: 'no_show',
        checkInAt: null,
        checkOutAt: null,
      });
      expect((await records.getMyHours(env.deps, p.actor)).items[0]).toMatchObject({
        acceptedMinutes: 0,
        pendingMinutes: 0,
      });
    });

    it('marked absent has a confirmed record voided, and it can no longer be accepted', async () => {
      const { a, p, rec } = await pendingRecord();
      await records.confirmServiceRecords(env.deps, leader, [rec.id]);
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      await expect(records.acceptServiceRecords(env.deps, admin, [rec.id])).rejects.toMatchObject({
        code: 'RECORD_STATE',
        params: { status: 'voided' },
      });
    });

    it('marked absent after acceptance has the record superseded by a voided 0-minute correction', async () => {
      const { a, p, rec } = await pendingRecord();
      await records.confirmServiceRecords(env.deps, leader, [rec.id]);
      await records.acceptServiceRecords(env.deps, admin, [rec.id]);
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      expect((await recordsOf(a.id, p.id)).map((r) => [r.status, r.minutes, r.corrects_id])).toEqual([
        ['superseded', 120, null],
        ['voided', 0, rec.id],
      ]);
    });

    it('marked absent after acceptance emits the event the ledger reverses points on', async () => {
      const { a, p, rec } = await pendingRecord();
      await records.confirmServiceRecords(env.deps, leader, [rec.id]);
      await records.acceptServiceRecords(env.deps, admin, [rec.id]);
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      const events = (await listEventsAfter(env.deps.db, 'service_record.superseded', null, 1000)).filter(
        (e) => e.refId === rec.id,
      );
      expect(events.map((e) => e.payload)).toEqual([
        expect.objectContaining({ recordId: rec.id, userId: p.id, minutes: 120, reason: '标记缺席' }),
      ]);
      expect((await records.getMyHours(env.deps, p.actor)).items[0]).toMatchObject({ acceptedMinutes: 0 });
    });

    it('marked absent after acceptance ends with no points once the ledger has run', async () => {
      const { a, p, rec } = await pendingRecord();
      await records.confirmServiceRecords(env.deps, leader, [rec.id]);
      await records.acceptServiceRecords(env.deps, admin, [rec.id]);
      await processLedgerEvents(env.deps);
      const balance = async () =>
        Number(
          (
            await env.deps.db
              .selectFrom('point_accounts')
              .select('balance')
              .where('district_id', '=', tree.district.id)
              .where('owner_id', '=', p.id)
              .executeTakeFirstOrThrow()
          ).balance,
        );
      expect(await balance()).toBe(20); // 120 minutes at the default 10 points an hour
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      await processLedgerEvents(env.deps);
      expect(await balance()).toBe(0);
    });

    it('cannot check in', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(5));
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      await expect(
        attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) }),
      ).rejects.toMatchObject({ code: 'ATTENDANCE_NO_SHOW' });
    });

    it('cannot check out after being marked absent', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(0));
      await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      env.clock.set(at(120));
      await expect(
        attendance.checkOut(env.deps, p.actor, { activityId: a.id, code: await code(a.id) }),
      ).rejects.toMatchObject({ code: 'ATTENDANCE_NO_SHOW' });
      expect(await recordsOf(a.id, p.id)).toEqual([]);
    });

    it('cannot back-fill hours', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(150));
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      await expect(
        attendance.declareBackfill(env.deps, p.actor, a.id, { minutes: 60, note: '其实来了' }),
      ).rejects.toMatchObject({ code: 'ATTENDANCE_NO_SHOW' });
    });

    it('is not left with a live record when absence and acceptance race', async () => {
      const { a, p, rec } = await pendingRecord();
      await records.confirmServiceRecords(env.deps, leader, [rec.id]);
      await Promise.allSettled([
        records.acceptServiceRecords(env.deps, admin, [rec.id]),
        attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]),
      ]);
      const rows = await recordsOf(a.id, p.id);
      expect(rows.filter((r) => ['pending', 'confirmed', 'accepted'].includes(r.status))).toEqual([]);
      const superseded = (await listEventsAfter(env.deps.db, 'service_record.superseded', null, 1000)).filter(
        (e) => e.refId === rec.id,
      );
      const accepted = (await listEventsAfter(env.deps.db, 'service_record.accepted', null, 1000)).filter(
        (e) => e.refId === rec.id,
      );
      // Points earned from an acceptance that won the race are always reversed.
      expect(superseded.length).toBe(accepted.length);
    });

    it('marked present again gets a fresh record', async () => {
      const { a, p } = await pendingRecord();
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
      expect((await recordsOf(a.id, p.id)).map((r) => [r.status, r.minutes])).toEqual([
        ['voided', 120],
        ['pending', 120],
      ]);
    });
  });

  describe('settling records', () => {
    it('refuses to confirm before the activity has ended', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(0));
      await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      env.clock.set(at(60));
      await attendance.checkOut(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      const rec = (await recordsOf(a.id, p.id)).at(0)!;
      await expect(records.confirmServiceRecords(env.deps, leader, [rec.id])).rejects.toMatchObject({
        code: 'ACTIVITY_NOT_ENDED',
        params: { time: '2026-11-26 12:00', action: 'confirm' },
      });
    });

    it('refuses to accept before the activity has ended', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(0));
      await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      env.clock.set(at(60));
      await attendance.checkOut(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      const rec = (await recordsOf(a.id, p.id)).at(0)!;
      // A record confirmed early (before this rule existed) still waits for the end.
      await env.deps.db.updateTable('service_records').set({ status: 'confirmed' }).where('id', '=', rec.id).execute();
      await expect(records.acceptServiceRecords(env.deps, admin, [rec.id])).rejects.toMatchObject({
        code: 'ACTIVITY_NOT_ENDED',
        params: { action: 'accept' },
      });
    });

    it('confirms and accepts a back-fill declared after the end', async () => {
      const a = (
        await activities.createActivity(env.deps, leader, {
          communityId: tree.communityA.id,
          teamId,
          title: '清扫',
          category: '环境保护',
          description: '',
          address: '小区',
          startsAt: START.toISOString(),
          endsAt: END.toISOString(),
          slots: 5,
          publish: true,
        })
      ).at(0)!;
      const q = await makeVolunteer(env.deps, tree.communityA);
      env.clock.set(at(150));
      const bf = await attendance.declareBackfill(env.deps, q.actor, a.id, { minutes: 60, note: '忘记签到' });
      await records.confirmServiceRecords(env.deps, leader, [bf.id]);
      const [accepted] = await records.acceptServiceRecords(env.deps, admin, [bf.id]);
      expect(accepted).toMatchObject({ status: 'accepted', minutes: 60, isBackfill: true });
    });
  });

  describe('short stays and the window', () => {
    it('leaves no 0-minute record for a stay under 15 minutes', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(0));
      await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      env.clock.set(at(10));
      const out = await attendance.checkOut(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      expect(out.minutes).toBe(0);
      expect(await recordsOf(a.id, p.id)).toEqual([]);
    });

    it('leaves no record for a marked stay under 15 minutes', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(150));
      await attendance.markAttendance(env.deps, leader, a.id, [
        { userId: p.id, present: true, checkInAt: at(30).toISOString(), checkOutAt: at(40).toISOString() },
      ]);
      expect(await recordsOf(a.id, p.id)).toEqual([]);
    });

    it('says when check-out opens when it is too early', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(-20));
      await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) });
      env.clock.set(at(-10));
      await expect(
        attendance.checkOut(env.deps, p.actor, { activityId: a.id, code: await code(a.id) }),
      ).rejects.toMatchObject({ code: 'ATTENDANCE_NOT_YET', params: { what: 'check_out', time: '2026-11-26 10:00' } });
    });

    it('says when check-in opens when it is too early', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(-40));
      await expect(
        attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) }),
      ).rejects.toMatchObject({ code: 'ATTENDANCE_NOT_YET', params: { what: 'check_in', time: '2026-11-26 09:30' } });
    });

    it('says when check-in closed after the window', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(241));
      await expect(
        attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: await code(a.id) }),
      ).rejects.toMatchObject({ code: 'ATTENDANCE_CLOSED', params: { what: 'check_in', time: '2026-11-26 14:00' } });
    });
  });

  describe('my sign-ups', () => {
    it('show a finished activity as finished', async () => {
      const { a, p } = await signedUp();
      env.clock.set(at(121));
      const mine = await signups.listMySignUps(env.deps, p.actor, {});
      expect(mine.items.find((s) => s.activityId === a.id)).toMatchObject({
        activityPhase: 'finished',
        audience: 'volunteer',
      });
    });

    it('show an activity still open for sign-up as open', async () => {
      const { a, p } = await signedUp();
      const mine = await signups.listMySignUps(env.deps, p.actor, {});
      expect(mine.items.find((s) => s.activityId === a.id)).toMatchObject({ activityPhase: 'open' });
    });
  });
});
