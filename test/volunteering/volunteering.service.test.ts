// Service tests of volunteering on both databases: registration, sign-up under concurrency, waitlist,
// attendance codes, minutes, records and certificates. The org tree, admins, leader and team are shared read-only
// fixtures; every test builds its own activities and volunteers, and the clock is reset after each test.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import * as activities from '../../src/server/modules/activities/activities.service.js';
import * as attendance from '../../src/server/modules/activities/attendance.service.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import { qrPayload } from '../../src/server/modules/activities/activities.rules.js';
import * as certs from '../../src/server/modules/records/certificates.service.js';
import * as records from '../../src/server/modules/records/records.service.js';
import * as settings from '../../src/server/modules/settings/settings.service.js';
import * as volunteers from '../../src/server/modules/volunteers/volunteers.service.js';
import * as teams from '../../src/server/modules/volunteers/teams.service.js';
import { listEventsAfter } from '../../src/server/platform/events.js';
import type { Actor } from '../../src/server/platform/permissions.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe.each(DIALECTS)('volunteering on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let adminA: Actor;
  let adminB: Actor;
  let leader: Actor;
  let teamId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    adminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    const l = await makeVolunteer(env.deps, tree.communityA);
    const team = await teams.createTeam(env.deps, adminA, {
      communityId: tree.communityA.id,
      name: '关照队',
      category: '邻里关照',
      leaderUserId: l.id,
    });
    teamId = team.id;
    leader = plainActor(l.id);
  });
  afterAll(() => env.close());
  useClock(() => env);

  /** A published activity starting `inHours` after the test clock's start, lasting `hours`. */
  async function activity(
    opts: { inHours?: number; hours?: number; slots?: number; skills?: string[]; geofence?: boolean } = {},
  ) {
    const start = new Date(env.clock.now().getTime() + (opts.inHours ?? 48) * HOUR);
    const created = await activities.createActivity(env.deps, leader, {
      communityId: tree.communityA.id,
      teamId,
      title: `活动${Math.random().toString(36).slice(2, 6)}`,
      category: '助老服务',
      description: '',
      address: '活动室',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + (opts.hours ?? 2) * HOUR).toISOString(),
      slots: opts.slots ?? 5,
      requiredSkills: opts.skills,
      publish: true,
      ...(opts.geofence ? { lat: 30.5, lng: 114.3, geofenceMeters: 200 } : {}),
    });
    return created.at(0)!;
  }

  /** Puts the clock `hours` (plus `minutes`) after where every test starts. */
  function clockAt(hours: number, minutes = 0): void {
    env.clock.reset();
    env.clock.advance(hours * HOUR + minutes * MIN);
  }

  /** A pending volunteer application of a fresh resident of community A. */
  async function application() {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const me = plainActor(u.id);
    const v = await volunteers.applyVolunteer(env.deps, me, {
      communityId: tree.communityA.id,
      realName: '李四',
      skills: [],
      availability: {},
    });
    return { u, me, v };
  }

  /** A 3-hour activity 10 h ahead, with one volunteer marked present after its end: their pending record. */
  async function pendingRecord(realName = '赵小燕') {
    const a = await activity({ inHours: 10, hours: 3 });
    const p = await makeVolunteer(env.deps, tree.communityA, { realName });
    await signups.signUpActivity(env.deps, p.actor, a.id);
    clockAt(14);
    await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
    const rec = (await records.listServiceRecords(env.deps, leader, { activityId: a.id })).items.at(0)!;
    return { a, p, rec };
  }

  /** A pendingRecord confirmed by the leader and accepted by community A. */
  async function acceptedRecord(realName?: string) {
    const r = await pendingRecord(realName);
    await records.confirmServiceRecords(env.deps, leader, [r.rec.id]);
    const accepted = (await records.acceptServiceRecords(env.deps, adminA, [r.rec.id])).at(0)!;
    return { ...r, accepted };
  }

  describe('registration', () => {
    it('applies as pending, with the real name masked and no number yet', async () => {
      const u = await makeUser(env.deps, { home: tree.communityA });
      const v = await volunteers.applyVolunteer(env.deps, plainActor(u.id), {
        communityId: tree.communityA.id,
        realName: '王小明',
        skills: ['医护'],
        availability: { 6: ['morning'] },
      });
      expect(v).toMatchObject({ status: 'pending', realNameMasked: '王*明', volunteerNo: null });
    });

    it('refuses a second application while one is pending', async () => {
      const { me } = await application();
      await expect(
        volunteers.applyVolunteer(env.deps, me, {
          communityId: tree.communityA.id,
          realName: '王小明',
          skills: [],
          availability: {},
        }),
      ).rejects.toMatchObject({ code: 'VOLUNTEER_ALREADY_APPLIED' });
    });

    it('hides the application from the admin of another community', async () => {
      const { v } = await application();
      await expect(volunteers.reviewVolunteer(env.deps, adminB, v.id, { decision: 'approve' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('approves with a volunteer number and grants the volunteer role', async () => {
      const { u, v } = await application();
      const ok = await volunteers.reviewVolunteer(env.deps, adminA, v.id, { decision: 'approve' });
      expect(ok.status).toBe('approved');
      expect(ok.volunteerNo).toMatch(/^ZY2026\d{6}$/);
      expect((await actorOf(env.deps, u)).roles.map((r) => r.role)).toContain('volunteer');
    });

    it('refuses to review an application twice', async () => {
      const { v } = await application();
      await volunteers.reviewVolunteer(env.deps, adminA, v.id, { decision: 'approve' });
      await expect(volunteers.reviewVolunteer(env.deps, adminA, v.id, { decision: 'approve' })).rejects.toMatchObject({
        code: 'VOLUNTEER_NOT_PENDING',
      });
    });

    it('needs a reason to reject', async () => {
      const { v } = await application();
      await expect(volunteers.reviewVolunteer(env.deps, adminA, v.id, { decision: 'reject' })).rejects.toMatchObject({
        code: 'REASON_REQUIRED',
      });
    });

    it('rejects with the reason, and lets the person apply again', async () => {
      const { me, v } = await application();
      const rejected = await volunteers.reviewVolunteer(env.deps, adminA, v.id, {
        decision: 'reject',
        reason: '请补充真实姓名',
      });
      expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请补充真实姓名' });
      const again = await volunteers.applyVolunteer(env.deps, me, {
        communityId: tree.communityA.id,
        realName: '李四光',
        skills: [],
        availability: {},
      });
      expect(again).toMatchObject({ id: v.id, status: 'pending', rejectReason: null });
    });

    it('refuses unknown skills', async () => {
      const u = await makeUser(env.deps);
      await expect(
        volunteers.applyVolunteer(env.deps, plainActor(u.id), {
          communityId: tree.communityA.id,
          realName: '张三',
          skills: ['飞行'],
          availability: {},
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('sign-up', () => {
    it('gives exactly 20 places to 200 concurrent sign-ups and waitlists the rest in arrival order', async () => {
      const a = await activity({ slots: 20 });
      const people = await Promise.all(Array.from({ length: 200 }, () => makeVolunteer(env.deps, tree.communityA)));
      const results = await Promise.all(people.map((p) => signups.signUpActivity(env.deps, p.actor, a.id)));
      expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(20);
      expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(180);
      const rows = await env.deps.db
        .selectFrom('signups')
        .select(['status', 'seq'])
        .where('activity_id', '=', a.id)
        .orderBy('seq')
        .execute();
      // Arrival order: the first 20 arrivals hold the places, and the waitlist follows arrival order.
      expect(rows.slice(0, 20).every((r) => r.status === 'confirmed')).toBe(true);
      expect(rows.slice(20).every((r) => r.status === 'waitlisted')).toBe(true);
      expect(new Set(rows.map((r) => r.seq)).size).toBe(200);
      const positions = results
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.position!)
        .sort((x, y) => x - y);
      expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
      const after = await activities.getActivity(env.deps, leader, a.id);
      expect(after).toMatchObject({ confirmedCount: 20, waitlistCount: 180 });
    });

    /** A one-place activity 10 h ahead with p1 confirmed and p2, p3 waitlisted in that order. */
    async function fullActivity() {
      const a = await activity({ slots: 1, inHours: 10 });
      const volunteer = () => makeVolunteer(env.deps, tree.communityA);
      const [p1, p2, p3] = await Promise.all([volunteer(), volunteer(), volunteer()]);
      for (const p of [p1, p2, p3]) await signups.signUpActivity(env.deps, p.actor, a.id);
      return { a, p1, p2, p3 };
    }

    it('promotes the first of the waitlist when someone cancels', async () => {
      const { a, p1, p2, p3 } = await fullActivity();
      const { promotedUserId } = await signups.cancelSignUp(env.deps, p1.actor, a.id);
      expect(promotedUserId).toBe(p2.id);
      expect((await activities.getActivity(env.deps, p3.actor, a.id)).mySignup).toMatchObject({
        status: 'waitlisted',
        position: 1,
      });
    });

    it('refuses a confirmed cancellation after the deadline (3 h before the start)', async () => {
      const { a, p1 } = await fullActivity();
      clockAt(8); // 2 h before the start
      await expect(signups.cancelSignUp(env.deps, p1.actor, a.id)).rejects.toMatchObject({
        code: 'CANCEL_TOO_LATE',
        params: { hours: 3 },
      });
    });

    it('lets a waitlisted person withdraw after the deadline', async () => {
      const { a, p3 } = await fullActivity();
      clockAt(8);
      expect(await signups.cancelSignUp(env.deps, p3.actor, a.id)).toEqual({ promotedUserId: null });
      expect((await activities.getActivity(env.deps, p3.actor, a.id)).mySignup).toBeNull();
    });

    it('refuses a duplicate sign-up', async () => {
      const p = await makeVolunteer(env.deps, tree.communityA);
      const a = await activity({ inHours: 100 });
      await signups.signUpActivity(env.deps, p.actor, a.id);
      await expect(signups.signUpActivity(env.deps, p.actor, a.id)).rejects.toMatchObject({ code: 'SIGNUP_DUPLICATE' });
    });

    it('refuses an activity overlapping one already signed up for, naming it', async () => {
      const p = await makeVolunteer(env.deps, tree.communityA);
      const a = await activity({ inHours: 100 });
      const overlapping = await activity({ inHours: 101 });
      await signups.signUpActivity(env.deps, p.actor, a.id);
      await expect(signups.signUpActivity(env.deps, p.actor, overlapping.id)).rejects.toMatchObject({
        code: 'SIGNUP_OVERLAP',
        params: { title: a.title },
      });
    });

    it('refuses a volunteer without the required skill', async () => {
      const p = await makeVolunteer(env.deps, tree.communityA, { skills: ['维修'] });
      const medical = await activity({ inHours: 200, skills: ['医护'] });
      await expect(signups.signUpActivity(env.deps, p.actor, medical.id)).rejects.toMatchObject({
        code: 'SIGNUP_SKILL_MISSING',
      });
    });

    it('refuses a person who is not a volunteer', async () => {
      const a = await activity({ inHours: 100 });
      const stranger = await makeUser(env.deps);
      await expect(signups.signUpActivity(env.deps, plainActor(stranger.id), a.id)).rejects.toMatchObject({
        code: 'NOT_A_VOLUNTEER',
      });
    });

    it('refuses sign-up once the activity has started', async () => {
      const p = await makeVolunteer(env.deps, tree.communityA);
      const soon = await activity({ inHours: 1 });
      clockAt(2);
      await expect(signups.signUpActivity(env.deps, p.actor, soon.id)).rejects.toMatchObject({ code: 'SIGNUP_CLOSED' });
    });

    it('pauses sign-up after 2 no-shows in 90 days', async () => {
      const p = await makeVolunteer(env.deps, tree.communityA);
      const first = await activity({ inHours: 300 });
      const second = await activity({ inHours: 310 });
      await signups.signUpActivity(env.deps, p.actor, first.id);
      await signups.signUpActivity(env.deps, p.actor, second.id);
      clockAt(311);
      await attendance.markAttendance(env.deps, leader, first.id, [{ userId: p.id, present: false }]);
      await attendance.markAttendance(env.deps, leader, second.id, [{ userId: p.id, present: false }]);
      const next = await activity({ inHours: 100 });
      await expect(signups.signUpActivity(env.deps, p.actor, next.id)).rejects.toMatchObject({
        code: 'SIGNUP_PAUSED',
        params: { days: 90, count: 2 },
      });
    });
  });

  describe('attendance', () => {
    /** An activity 500 h ahead with one signed-up volunteer, the clock 5 minutes before its start. */
    async function atTheDoor(opts: { geofence?: boolean } = {}) {
      const a = await activity({ inHours: 500, hours: 2, ...opts });
      const p = await makeVolunteer(env.deps, tree.communityA);
      await signups.signUpActivity(env.deps, p.actor, a.id);
      clockAt(500, -5);
      return { a, p };
    }

    it('gives the leader a 6-digit attendance code', async () => {
      const { a } = await atTheDoor();
      expect((await attendance.getAttendanceCode(env.deps, leader, a.id)).code).toMatch(/^\d{6}$/);
    });

    it('checks in with the code, once', async () => {
      const { a, p } = await atTheDoor();
      const { code } = await attendance.getAttendanceCode(env.deps, leader, a.id);
      const inRes = await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code });
      expect(inRes.checkInAt).toBe(env.clock.now().toISOString());
      await expect(attendance.checkIn(env.deps, p.actor, { activityId: a.id, code })).rejects.toMatchObject({
        code: 'ATTENDANCE_ALREADY',
      });
    });

    it('checks out with the QR after the end and writes a pending 120-minute record', async () => {
      const { a, p } = await atTheDoor();
      await attendance.checkIn(env.deps, p.actor, {
        activityId: a.id,
        code: (await attendance.getAttendanceCode(env.deps, leader, a.id)).code,
      });
      clockAt(502, 5);
      const { qrPayload: qr } = await attendance.getAttendanceCode(env.deps, leader, a.id);
      expect((await attendance.checkOut(env.deps, p.actor, { qr })).minutes).toBe(120);
      const recs = await records.listServiceRecords(env.deps, p.actor, { mine: true, activityId: a.id });
      expect(recs.items).toHaveLength(1);
      expect(recs.items[0]).toMatchObject({ minutes: 120, status: 'pending', isBackfill: false });
    });

    it('refuses the code of another activity', async () => {
      const { a, p } = await atTheDoor();
      const b = await activity({ inHours: 5 / 60 }); // starts with a, 5 minutes from now
      const codeB = await attendance.getAttendanceCode(env.deps, leader, b.id);
      await expect(attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: codeB.code })).rejects.toMatchObject(
        { code: 'ATTENDANCE_CODE_INVALID' },
      );
    });

    it('refuses the QR of an activity the person did not sign up for', async () => {
      const { p } = await atTheDoor();
      const b = await activity({ inHours: 5 / 60 }); // starts with a, 5 minutes from now
      const codeB = await attendance.getAttendanceCode(env.deps, leader, b.id);
      await expect(attendance.checkIn(env.deps, p.actor, { qr: codeB.qrPayload })).rejects.toMatchObject({
        code: 'ATTENDANCE_NOT_SIGNED_UP',
      });
    });

    it('refuses a code and a QR two windows old', async () => {
      const { a, p } = await atTheDoor();
      const codeA = await attendance.getAttendanceCode(env.deps, leader, a.id);
      env.clock.advance(125_000); // two windows later
      await expect(attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: codeA.code })).rejects.toMatchObject(
        { code: 'ATTENDANCE_CODE_INVALID' },
      );
      await expect(attendance.checkIn(env.deps, p.actor, { qr: codeA.qrPayload })).rejects.toMatchObject({
        code: 'ATTENDANCE_CODE_INVALID',
      });
    });

    it('refuses a QR signed with another secret', async () => {
      const { a, p } = await atTheDoor();
      const forged = qrPayload('not-the-secret', a.id, Math.floor(env.clock.now().getTime() / 60_000));
      await expect(attendance.checkIn(env.deps, p.actor, { qr: forged })).rejects.toMatchObject({
        code: 'ATTENDANCE_CODE_INVALID',
      });
    });

    it('refuses a check-in outside the geofence, naming the limit', async () => {
      const { a, p } = await atTheDoor({ geofence: true });
      const { code } = await attendance.getAttendanceCode(env.deps, leader, a.id);
      await expect(
        attendance.checkIn(env.deps, p.actor, { activityId: a.id, code, lat: 30.51, lng: 114.3 }),
      ).rejects.toMatchObject({
        code: 'GEOFENCE_OUTSIDE',
        params: { limit: 200 },
      });
    });

    it('takes a check-in inside the geofence', async () => {
      const { a, p } = await atTheDoor({ geofence: true });
      const { code } = await attendance.getAttendanceCode(env.deps, leader, a.id);
      const res = await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code, lat: 30.5005, lng: 114.3 });
      expect(res.checkInAt).toBe(env.clock.now().toISOString());
    });

    describe('with a daily cap of 180 minutes', () => {
      let capBefore: number;
      beforeEach(async () => {
        capBefore = (await settings.getVolunteering(env.deps.db, tree.district.id)).dailyCapMinutes;
        await settings.updateVolunteering(env.deps, districtAdmin(), tree.district.id, { dailyCapMinutes: 180 });
      });
      afterEach(async () => {
        await settings.updateVolunteering(env.deps, districtAdmin(), tree.district.id, { dailyCapMinutes: capBefore });
      });

      function districtAdmin(): Actor {
        return {
          ...adminA,
          roles: [
            {
              assignmentId: 'x',
              role: 'district_admin',
              districtId: tree.district.id,
              nodeId: tree.district.id,
              path: tree.district.path,
            },
          ],
        };
      }

      it('credits only what is left of the day to a second activity', async () => {
        const morning = await activity({ inHours: 800, hours: 2 });
        const afternoon = await activity({ inHours: 804, hours: 2 });
        const p = await makeVolunteer(env.deps, tree.communityA);
        await signups.signUpActivity(env.deps, p.actor, morning.id);
        await signups.signUpActivity(env.deps, p.actor, afternoon.id);
        clockAt(810);
        await attendance.markAttendance(env.deps, leader, morning.id, [{ userId: p.id, present: true }]);
        await attendance.markAttendance(env.deps, leader, afternoon.id, [{ userId: p.id, present: true }]);
        const recs = await records.listServiceRecords(env.deps, p.actor, { mine: true });
        expect(recs.items.map((r) => r.minutes).sort((x, y) => x - y)).toEqual([60, 120]);
      });
    });

    it('refuses a back-fill longer than the activity, naming its length', async () => {
      const a = await activity({ inHours: 800, hours: 2 });
      clockAt(810);
      const q = await makeVolunteer(env.deps, tree.communityA);
      await expect(
        attendance.declareBackfill(env.deps, q.actor, a.id, { minutes: 150, note: '忘记签到' }),
      ).rejects.toMatchObject({
        code: 'BACKFILL_TOO_LONG',
        params: { max: 120 },
      });
    });

    it('rounds a back-fill down to whole quarter hours and leaves it pending', async () => {
      const a = await activity({ inHours: 800, hours: 2 });
      clockAt(810);
      const q = await makeVolunteer(env.deps, tree.communityA);
      const bf = await attendance.declareBackfill(env.deps, q.actor, a.id, { minutes: 100, note: '忘记签到' });
      expect(bf).toMatchObject({ minutes: 90, isBackfill: true, status: 'pending' });
    });

    it('refuses a back-fill for an activity that has not happened yet', async () => {
      const future = await activity({ inHours: 900 });
      const q = await makeVolunteer(env.deps, tree.communityA);
      await expect(
        attendance.declareBackfill(env.deps, q.actor, future.id, { minutes: 60, note: 'x' }),
      ).rejects.toMatchObject({ code: 'BACKFILL_NOT_PAST' });
    });
  });

  describe('records and certificates', () => {
    it('refuses to accept a record the leader has not confirmed', async () => {
      const { rec } = await pendingRecord();
      await expect(records.acceptServiceRecords(env.deps, adminA, [rec.id])).rejects.toMatchObject({
        code: 'RECORD_STATE',
      });
    });

    it('hides a confirmed record from the admin of another community and from the leader', async () => {
      const { rec } = await pendingRecord();
      await records.confirmServiceRecords(env.deps, leader, [rec.id]);
      await expect(records.acceptServiceRecords(env.deps, adminB, [rec.id])).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(records.acceptServiceRecords(env.deps, leader, [rec.id])).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('accepts a confirmed record', async () => {
      const { accepted } = await acceptedRecord();
      expect(accepted).toMatchObject({ status: 'accepted', minutes: 180, acceptedAt: env.clock.now().toISOString() });
    });

    it('treats accepting again, also twice at once, as a no-op that emits one event', async () => {
      const { p, rec, accepted } = await acceptedRecord();
      const again = await records.acceptServiceRecords(env.deps, adminA, [rec.id]);
      expect(again.at(0)?.acceptedAt).toBe(accepted.acceptedAt);
      await Promise.all([
        records.acceptServiceRecords(env.deps, adminA, [rec.id]),
        records.acceptServiceRecords(env.deps, adminA, [rec.id]),
      ]);
      const events = (await listEventsAfter(env.deps.db, 'service_record.accepted', null, 1000)).filter(
        (e) => e.refId === rec.id,
      );
      expect(events).toHaveLength(1);
      expect(events.at(0)?.payload).toMatchObject({ userId: p.id, minutes: 180 });
    });

    it('counts accepted minutes in the volunteer hours', async () => {
      const { p } = await acceptedRecord();
      const hours = await records.getMyHours(env.deps, p.actor);
      expect(hours.items).toEqual([
        expect.objectContaining({
          acceptedMinutes: 180,
          pendingMinutes: 0,
          starLevel: 0,
          nextLevelHours: 100,
          volunteerId: p.volunteerId,
        }),
      ]);
    });

    it('issues a PDF certificate once and verifies it with the masked name and minutes', async () => {
      const { p } = await acceptedRecord('赵小燕');
      const cert = await certs.getCertificate(env.deps, p.actor, p.volunteerId, 'https://linli.example');
      expect(cert.pdf.subarray(0, 4).toString()).toBe('%PDF');
      const same = await certs.getCertificate(env.deps, p.actor, p.volunteerId, 'https://linli.example');
      expect(same.certNo).toBe(cert.certNo);
      expect(await certs.verifyCertificate(env.deps, cert.certNo)).toMatchObject({
        status: 'valid',
        volunteerNameMasked: '赵*燕',
        minutes: 180,
      });
    });

    it('hides a certificate from a stranger', async () => {
      const { p } = await acceptedRecord();
      await expect(certs.getCertificate(env.deps, plainActor('nobody'), p.volunteerId, 'x')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('corrects a record with a new pending one that supersedes it', async () => {
      const { a, rec } = await acceptedRecord();
      const fixed = await records.correctServiceRecord(env.deps, adminA, rec.id, { minutes: 150, reason: '提前离场' });
      expect(fixed).toMatchObject({
        status: 'pending',
        correctsId: rec.id,
        minutes: 150,
        correctionReason: '提前离场',
      });
      const old = (await records.listServiceRecords(env.deps, adminA, { activityId: a.id })).items.find(
        (r) => r.id === rec.id,
      );
      expect(old?.status).toBe('superseded');
      expect(
        (await listEventsAfter(env.deps.db, 'service_record.superseded', null, 1000)).map((e) => e.refId),
      ).toContain(rec.id);
    });

    it('revokes a certificate with the reason', async () => {
      const { p } = await acceptedRecord();
      const cert = await certs.getCertificate(env.deps, p.actor, p.volunteerId, 'https://linli.example');
      const revoked = await certs.revokeCertificate(env.deps, adminA, cert.certNo, '时长更正');
      expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '时长更正' });
    });

    it('needs a reason to return records', async () => {
      const { rec } = await pendingRecord();
      await expect(records.returnServiceRecords(env.deps, leader, [rec.id], ' ')).rejects.toMatchObject({
        code: 'REASON_REQUIRED',
      });
    });

    it('returns records with the reason', async () => {
      const { rec } = await pendingRecord();
      const [ret] = await records.returnServiceRecords(env.deps, leader, [rec.id], '未实际到场');
      expect(ret).toMatchObject({ status: 'returned', returnedReason: '未实际到场' });
    });
  });
});
