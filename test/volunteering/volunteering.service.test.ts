// Service tests of volunteering on both databases: registration, sign-up under concurrency, waitlist,
// attendance codes, minutes, records and certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf, createTestEnv, DIALECTS, makeTree, makeUser, makeVolunteer, plainActor, type TestEnv, type Tree,
} from '../support.js';
import * as activities from '../../src/server/modules/activities/activities.service.js';
import * as attendance from '../../src/server/modules/activities/attendance.service.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import { qrPayload } from '../../src/server/modules/activities/activities.rules.js';
import * as certs from '../../src/server/modules/records/certificates.service.js';
import * as records from '../../src/server/modules/records/records.service.js';
import * as volunteers from '../../src/server/modules/volunteers/volunteers.service.js';
import * as teams from '../../src/server/modules/volunteers/teams.service.js';
import { listEventsAfter } from '../../src/server/platform/events.js';
import type { Actor } from '../../src/server/platform/permissions.js';

const HOUR = 3600_000;

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
    const team = await teams.createTeam(env.deps, adminA, { communityId: tree.communityA.id, name: '关照队', category: '邻里关照', leaderUserId: l.id });
    teamId = team.id;
    leader = plainActor(l.id);
  });
  afterAll(() => env.close());

  /** A published activity starting `inHours` from now, lasting `hours`. */
  async function activity(opts: { inHours?: number; hours?: number; slots?: number; skills?: string[]; geofence?: boolean } = {}) {
    const start = new Date(env.clock.now().getTime() + (opts.inHours ?? 48) * HOUR);
    const [a] = await activities.createActivity(env.deps, leader, {
      communityId: tree.communityA.id, teamId, title: `活动${Math.random().toString(36).slice(2, 6)}`, category: '助老服务',
      description: '', address: '活动室', startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + (opts.hours ?? 2) * HOUR).toISOString(), slots: opts.slots ?? 5,
      requiredSkills: opts.skills, publish: true,
      ...(opts.geofence ? { lat: 30.5, lng: 114.3, geofenceMeters: 200 } : {}),
    });
    return a;
  }

  describe('registration', () => {
    it('applies, is approved with a number and the volunteer role, and cannot apply twice', async () => {
      const u = await makeUser(env.deps, { home: tree.communityA });
      const me = await actorOf(env.deps, u);
      const v = await volunteers.applyVolunteer(env.deps, me, {
        communityId: tree.communityA.id, realName: '王小明', skills: ['医护'], availability: { 6: ['morning'] },
      });
      expect(v).toMatchObject({ status: 'pending', realNameMasked: '王*明', volunteerNo: null });
      await expect(volunteers.applyVolunteer(env.deps, me, { communityId: tree.communityA.id, realName: '王小明', skills: [], availability: {} }))
        .rejects.toMatchObject({ code: 'VOLUNTEER_ALREADY_APPLIED' });
      await expect(volunteers.reviewVolunteer(env.deps, adminB, v.id, { decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const ok = await volunteers.reviewVolunteer(env.deps, adminA, v.id, { decision: 'approve' });
      expect(ok.status).toBe('approved');
      expect(ok.volunteerNo).toMatch(/^ZY2026\d{6}$/);
      expect((await actorOf(env.deps, u)).roles.map((r) => r.role)).toContain('volunteer');
      await expect(volunteers.reviewVolunteer(env.deps, adminA, v.id, { decision: 'approve' })).rejects.toMatchObject({ code: 'VOLUNTEER_NOT_PENDING' });
    });

    it('needs a reason to reject, and lets the person apply again', async () => {
      const u = await makeUser(env.deps, { home: tree.communityA });
      const me = plainActor(u.id);
      const v = await volunteers.applyVolunteer(env.deps, me, { communityId: tree.communityA.id, realName: '李四', skills: [], availability: {} });
      await expect(volunteers.reviewVolunteer(env.deps, adminA, v.id, { decision: 'reject' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
      const rejected = await volunteers.reviewVolunteer(env.deps, adminA, v.id, { decision: 'reject', reason: '请补充真实姓名' });
      expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请补充真实姓名' });
      const again = await volunteers.applyVolunteer(env.deps, me, { communityId: tree.communityA.id, realName: '李四光', skills: [], availability: {} });
      expect(again).toMatchObject({ id: v.id, status: 'pending', rejectReason: null });
    });

    it('refuses unknown skills', async () => {
      const u = await makeUser(env.deps);
      await expect(volunteers.applyVolunteer(env.deps, plainActor(u.id), { communityId: tree.communityA.id, realName: '张三', skills: ['飞行'], availability: {} }))
        .rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('sign-up', () => {
    it('gives exactly 20 places to 200 concurrent sign-ups and waitlists the rest in arrival order', async () => {
      const a = await activity({ slots: 20 });
      const people = await Promise.all(Array.from({ length: 200 }, () => makeVolunteer(env.deps, tree.communityA)));
      const results = await Promise.all(people.map((p) => signups.signUpActivity(env.deps, p.actor, a.id)));
      expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(20);
      expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(180);
      const rows = await env.deps.db.selectFrom('signups').select(['status', 'seq']).where('activity_id', '=', a.id).orderBy('seq').execute();
      // Arrival order: the first 20 arrivals hold the places, and the waitlist follows arrival order.
      expect(rows.slice(0, 20).every((r) => r.status === 'confirmed')).toBe(true);
      expect(rows.slice(20).every((r) => r.status === 'waitlisted')).toBe(true);
      expect(new Set(rows.map((r) => r.seq)).size).toBe(200);
      const positions = results.filter((r) => r.status === 'waitlisted').map((r) => r.position!).sort((x, y) => x - y);
      expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
      const after = await activities.getActivity(env.deps, leader, a.id);
      expect(after).toMatchObject({ confirmedCount: 20, waitlistCount: 180 });
    });

    it('promotes the waitlist in order when someone cancels, until the cancellation deadline', async () => {
      const a = await activity({ slots: 1, inHours: 10 });
      const [p1, p2, p3] = await Promise.all([1, 2, 3].map(() => makeVolunteer(env.deps, tree.communityA)));
      await signups.signUpActivity(env.deps, p1.actor, a.id);
      await signups.signUpActivity(env.deps, p2.actor, a.id);
      await signups.signUpActivity(env.deps, p3.actor, a.id);
      const { promotedUserId } = await signups.cancelSignUp(env.deps, p1.actor, a.id);
      expect(promotedUserId).toBe(p2.id);
      expect((await activities.getActivity(env.deps, p3.actor, a.id)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 });
      env.clock.advance(8 * HOUR); // now 2 h before the start: past the 3 h deadline
      await expect(signups.cancelSignUp(env.deps, p2.actor, a.id)).rejects.toMatchObject({ code: 'CANCEL_TOO_LATE', params: { hours: 3 } });
      // A waitlisted person may always withdraw.
      await signups.cancelSignUp(env.deps, p3.actor, a.id);
      env.clock.advance(-8 * HOUR);
    });

    it('refuses duplicates, overlaps, missing skills, non-volunteers and closed sign-up', async () => {
      const p = await makeVolunteer(env.deps, tree.communityA, { skills: ['维修'] });
      const a = await activity({ inHours: 100 });
      const overlapping = await activity({ inHours: 101 });
      await signups.signUpActivity(env.deps, p.actor, a.id);
      await expect(signups.signUpActivity(env.deps, p.actor, a.id)).rejects.toMatchObject({ code: 'SIGNUP_DUPLICATE' });
      await expect(signups.signUpActivity(env.deps, p.actor, overlapping.id)).rejects.toMatchObject({ code: 'SIGNUP_OVERLAP', params: { title: a.title } });
      const medical = await activity({ inHours: 200, skills: ['医护'] });
      await expect(signups.signUpActivity(env.deps, p.actor, medical.id)).rejects.toMatchObject({ code: 'SIGNUP_SKILL_MISSING' });
      const stranger = await makeUser(env.deps);
      await expect(signups.signUpActivity(env.deps, plainActor(stranger.id), a.id)).rejects.toMatchObject({ code: 'NOT_A_VOLUNTEER' });
      const soon = await activity({ inHours: 1 });
      env.clock.advance(2 * HOUR);
      await expect(signups.signUpActivity(env.deps, p.actor, soon.id)).rejects.toMatchObject({ code: 'SIGNUP_CLOSED' });
      env.clock.advance(-2 * HOUR);
    });

    it('pauses sign-up after 2 no-shows in 90 days', async () => {
      const p = await makeVolunteer(env.deps, tree.communityA);
      for (const h of [300, 310]) {
        const a = await activity({ inHours: h });
        await signups.signUpActivity(env.deps, p.actor, a.id);
        env.clock.advance((h + 1) * HOUR);
        await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: false }]);
        env.clock.advance(-(h + 1) * HOUR);
      }
      const next = await activity({ inHours: 400 });
      await expect(signups.signUpActivity(env.deps, p.actor, next.id)).rejects.toMatchObject({
        code: 'SIGNUP_PAUSED', params: { days: 90, count: 2 },
      });
    });
  });

  describe('attendance', () => {
    it('checks in and out with the rotating code and writes the record', async () => {
      const a = await activity({ inHours: 500, hours: 2 });
      const p = await makeVolunteer(env.deps, tree.communityA);
      await signups.signUpActivity(env.deps, p.actor, a.id);
      env.clock.advance(500 * HOUR - 5 * 60_000);
      const code = await attendance.getAttendanceCode(env.deps, leader, a.id);
      expect(code.code).toMatch(/^\d{6}$/);
      const inRes = await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: code.code });
      expect(inRes.checkInAt).toBeTruthy();
      await expect(attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: code.code })).rejects.toMatchObject({ code: 'ATTENDANCE_ALREADY' });
      env.clock.advance(2 * HOUR + 10 * 60_000);
      const qr = (await attendance.getAttendanceCode(env.deps, leader, a.id)).qrPayload;
      const out = await attendance.checkOut(env.deps, p.actor, { qr });
      expect(out.minutes).toBe(120);
      const recs = await records.listServiceRecords(env.deps, p.actor, { mine: true, activityId: a.id });
      expect(recs.items[0]).toMatchObject({ minutes: 120, status: 'pending', isBackfill: false });
      env.clock.advance(-(502 * HOUR + 5 * 60_000));
    });

    it('refuses a code of another activity, an expired code and a forged QR', async () => {
      const a = await activity({ inHours: 600 });
      const b = await activity({ inHours: 600 });
      const p = await makeVolunteer(env.deps, tree.communityA);
      await signups.signUpActivity(env.deps, p.actor, a.id);
      env.clock.advance(600 * HOUR);
      const codeB = await attendance.getAttendanceCode(env.deps, leader, b.id);
      await expect(attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: codeB.code })).rejects.toMatchObject({ code: 'ATTENDANCE_CODE_INVALID' });
      await expect(attendance.checkIn(env.deps, p.actor, { qr: codeB.qrPayload })).rejects.toMatchObject({ code: 'ATTENDANCE_NOT_SIGNED_UP' });
      const codeA = await attendance.getAttendanceCode(env.deps, leader, a.id);
      env.clock.advance(125_000); // two windows later
      await expect(attendance.checkIn(env.deps, p.actor, { activityId: a.id, code: codeA.code })).rejects.toMatchObject({ code: 'ATTENDANCE_CODE_INVALID' });
      await expect(attendance.checkIn(env.deps, p.actor, { qr: codeA.qrPayload })).rejects.toMatchObject({ code: 'ATTENDANCE_CODE_INVALID' });
      const forged = qrPayload('not-the-secret', a.id, Math.floor(env.clock.now().getTime() / 60_000));
      await expect(attendance.checkIn(env.deps, p.actor, { qr: forged })).rejects.toMatchObject({ code: 'ATTENDANCE_CODE_INVALID' });
      env.clock.advance(-(600 * HOUR + 125_000));
    });

    it('enforces the geofence', async () => {
      const a = await activity({ inHours: 700, geofence: true });
      const p = await makeVolunteer(env.deps, tree.communityA);
      await signups.signUpActivity(env.deps, p.actor, a.id);
      env.clock.advance(700 * HOUR);
      const { code } = await attendance.getAttendanceCode(env.deps, leader, a.id);
      await expect(attendance.checkIn(env.deps, p.actor, { activityId: a.id, code, lat: 30.51, lng: 114.3 })).rejects.toMatchObject({
        code: 'GEOFENCE_OUTSIDE', params: { limit: 200 },
      });
      await attendance.checkIn(env.deps, p.actor, { activityId: a.id, code, lat: 30.5005, lng: 114.3 });
      env.clock.advance(-700 * HOUR);
    });

    it('caps minutes per day and never lets back-filled hours exceed the activity', async () => {
      await import('../../src/server/modules/settings/settings.service.js').then((m) =>
        m.updateVolunteering(env.deps, { ...adminA, roles: [{ assignmentId: 'x', role: 'district_admin', districtId: tree.district.id, nodeId: tree.district.id, path: tree.district.path }] },
          tree.district.id, { dailyCapMinutes: 180 }));
      const morning = await activity({ inHours: 800, hours: 2 });
      const afternoon = await activity({ inHours: 804, hours: 2 });
      const p = await makeVolunteer(env.deps, tree.communityA);
      await signups.signUpActivity(env.deps, p.actor, morning.id);
      await signups.signUpActivity(env.deps, p.actor, afternoon.id);
      env.clock.advance(810 * HOUR);
      await attendance.markAttendance(env.deps, leader, morning.id, [{ userId: p.id, present: true }]);
      await attendance.markAttendance(env.deps, leader, afternoon.id, [{ userId: p.id, present: true }]);
      const recs = await records.listServiceRecords(env.deps, p.actor, { mine: true });
      expect(recs.items.map((r) => r.minutes).sort((x, y) => x - y)).toEqual([60, 120]);
      const q = await makeVolunteer(env.deps, tree.communityA);
      await expect(attendance.declareBackfill(env.deps, q.actor, morning.id, { minutes: 150, note: '忘记签到' })).rejects.toMatchObject({
        code: 'BACKFILL_TOO_LONG', params: { max: 120 },
      });
      const bf = await attendance.declareBackfill(env.deps, q.actor, morning.id, { minutes: 100, note: '忘记签到' });
      expect(bf).toMatchObject({ minutes: 90, isBackfill: true, status: 'pending' });
      env.clock.advance(-810 * HOUR);
      const future = await activity({ inHours: 900 });
      await expect(attendance.declareBackfill(env.deps, q.actor, future.id, { minutes: 60, note: 'x' })).rejects.toMatchObject({ code: 'BACKFILL_NOT_PAST' });
    });
  });

  describe('records and certificates', () => {
    it('confirm → accept emits one event; re-accepting is a no-op; corrections supersede', async () => {
      const a = await activity({ inHours: 1000, hours: 3 });
      const p = await makeVolunteer(env.deps, tree.communityA, { realName: '赵小燕' });
      await signups.signUpActivity(env.deps, p.actor, a.id);
      env.clock.advance(1004 * HOUR);
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
      const [rec] = (await records.listServiceRecords(env.deps, leader, { activityId: a.id })).items;
      await expect(records.acceptServiceRecords(env.deps, adminA, [rec.id])).rejects.toMatchObject({ code: 'RECORD_STATE' });
      await records.confirmServiceRecords(env.deps, leader, [rec.id]);
      await expect(records.acceptServiceRecords(env.deps, adminB, [rec.id])).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(records.acceptServiceRecords(env.deps, leader, [rec.id])).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const [accepted] = await records.acceptServiceRecords(env.deps, adminA, [rec.id]);
      expect(accepted.status).toBe('accepted');
      const [again] = await records.acceptServiceRecords(env.deps, adminA, [rec.id]);
      expect(again.acceptedAt).toBe(accepted.acceptedAt);
      await Promise.all([records.acceptServiceRecords(env.deps, adminA, [rec.id]), records.acceptServiceRecords(env.deps, adminA, [rec.id])]);
      const events = (await listEventsAfter(env.deps.db, 'service_record.accepted', null, 1000)).filter((e) => e.refId === rec.id);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({ userId: p.id, minutes: 180 });

      const hours = await records.getMyHours(env.deps, p.actor);
      expect(hours.items[0]).toMatchObject({ acceptedMinutes: 180, starLevel: 0, nextLevelHours: 100 });

      const cert = await certs.getCertificate(env.deps, p.actor, p.volunteerId, 'https://linli.example');
      expect(cert.pdf.subarray(0, 4).toString()).toBe('%PDF');
      const same = await certs.getCertificate(env.deps, p.actor, p.volunteerId, 'https://linli.example');
      expect(same.certNo).toBe(cert.certNo);
      expect(await certs.verifyCertificate(env.deps, cert.certNo)).toMatchObject({ status: 'valid', volunteerNameMasked: '赵*燕', minutes: 180 });

      const fixed = await records.correctServiceRecord(env.deps, adminA, rec.id, { minutes: 150, reason: '提前离场' });
      expect(fixed).toMatchObject({ status: 'pending', correctsId: rec.id, minutes: 150, correctionReason: '提前离场' });
      const old = (await records.listServiceRecords(env.deps, adminA, { activityId: a.id })).items.find((r) => r.id === rec.id)!;
      expect(old.status).toBe('superseded');
      expect((await listEventsAfter(env.deps.db, 'service_record.superseded', null, 100)).map((e) => e.refId)).toContain(rec.id);
      const revoked = await certs.revokeCertificate(env.deps, adminA, cert.certNo, '时长更正');
      expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '时长更正' });
      await expect(certs.getCertificate(env.deps, plainActor('nobody'), p.volunteerId, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      env.clock.advance(-1004 * HOUR);
    });

    it('returns records with a reason', async () => {
      const a = await activity({ inHours: 1100 });
      const p = await makeVolunteer(env.deps, tree.communityA);
      await signups.signUpActivity(env.deps, p.actor, a.id);
      env.clock.advance(1103 * HOUR);
      await attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]);
      const [rec] = (await records.listServiceRecords(env.deps, leader, { activityId: a.id })).items;
      await expect(records.returnServiceRecords(env.deps, leader, [rec.id], ' ')).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
      const [ret] = await records.returnServiceRecords(env.deps, leader, [rec.id], '未实际到场');
      expect(ret).toMatchObject({ status: 'returned', returnedReason: '未实际到场' });
      env.clock.advance(-1103 * HOUR);
    });
  });
});
