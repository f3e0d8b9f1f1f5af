// Attendance: the leader's rotating signed QR code and 6-digit code, check-in and check-out by volunteers,
// group marking by the leader, and back-filled hours (补录) that the leader confirms.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction } from '../../db/transaction.js';
import { findLiveRecord, findRecord, toRecord, type ServiceRecord, writeAttendanceRecord } from '../records/index.js';
import { getVolunteering } from '../settings/index.js';
import { findApprovedVolunteer } from '../volunteers/index.js';
import * as repo from './activities.repository.js';
import {
  ATTENDANCE_CLOSES_AFTER_MS, CHECKIN_OPENS_BEFORE_MS, chinaDate, codeWindow, distanceMetres, durationMinutes, parseQr,
  qrPayload, serviceMinutes, sixDigitCode, verifyQrSignature, windowAccepted,
} from './activities.rules.js';
import { listRoster, loadManaged, type RosterEntry } from './activities.service.js';

export interface AttendanceCode {
  activityId: string;
  code: string;
  qrPayload: string;
  expiresAt: string;
  windowSeconds: number;
}

/** The current code for the leader's phone; it rotates every window and is accepted for one more. */
export async function getAttendanceCode(deps: Deps, actor: Actor, activityId: string): Promise<AttendanceCode> {
  const a = await loadManaged(deps.db, actor, activityId);
  if (a.status !== 'published') throw new AppError('ACTIVITY_STATE', { status: a.status, action: 'checked_in' });
  const settings = await getVolunteering(deps.db, a.district_id);
  const w = codeWindow(deps.clock.now(), settings.attendanceWindowSeconds);
  return {
    activityId: a.id,
    code: sixDigitCode(a.attendance_secret, a.id, w),
    qrPayload: qrPayload(a.attendance_secret, a.id, w),
    expiresAt: iso(new Date((w + 1) * settings.attendanceWindowSeconds * 1000)),
    windowSeconds: settings.attendanceWindowSeconds,
  };
}

export interface AttendanceInput {
  qr?: string;
  activityId?: string;
  code?: string;
  lat?: number;
  lng?: number;
}

export interface AttendanceResult {
  activityId: string;
  title: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  minutes: number | null;
}

/** Resolves and verifies a scanned QR or a typed code; a foreign, forged or expired code is refused. */
async function resolveCode(deps: Deps, input: AttendanceInput) {
  const parsed = input.qr ? parseQr(input.qr) : null;
  const activityId = parsed?.activityId ?? input.activityId;
  if (!activityId || (input.qr && !parsed)) throw new AppError('ATTENDANCE_CODE_INVALID');
  const a = await repo.findActivityById(deps.db, activityId);
  if (!a || a.status !== 'published') throw new AppError('ATTENDANCE_CODE_INVALID');
  const settings = await getVolunteering(deps.db, a.district_id);
  const nowWindow = codeWindow(deps.clock.now(), settings.attendanceWindowSeconds);
  if (parsed) {
    if (!windowAccepted(parsed.window, nowWindow) || !verifyQrSignature(a.attendance_secret, a.id, parsed.window, parsed.signature)) {
      throw new AppError('ATTENDANCE_CODE_INVALID');
    }
  } else {
    const ok = [nowWindow, nowWindow - 1].some((w) => sixDigitCode(a.attendance_secret, a.id, w) === input.code);
    if (!ok) throw new AppError('ATTENDANCE_CODE_INVALID');
  }
  if (a.geofence_m && a.lat !== null && a.lng !== null) {
    if (input.lat === undefined || input.lng === undefined) {
      throw new AppError('GEOFENCE_OUTSIDE', { distance: '?', limit: a.geofence_m });
    }
    const d = distanceMetres({ lat: a.lat, lng: a.lng }, { lat: input.lat, lng: input.lng });
    if (d > a.geofence_m) throw new AppError('GEOFENCE_OUTSIDE', { distance: d, limit: a.geofence_m });
  }
  return { a, settings };
}

/** A confirmed participant checks in with the activity's current code. */
export async function checkIn(deps: Deps, actor: Actor, input: AttendanceInput): Promise<AttendanceResult> {
  const { a } = await resolveCode(deps, input);
  return inTransaction(deps.db, async ({ trx }) => {
    const now = deps.clock.now();
    const t = now.getTime();
    if (t < new Date(a.starts_at).getTime() - CHECKIN_OPENS_BEFORE_MS || t > new Date(a.ends_at).getTime() + ATTENDANCE_CLOSES_AFTER_MS) {
      throw new AppError('ATTENDANCE_NOT_OPEN');
    }
    const s = await repo.findActiveSignup(trx, a.district_id, a.id, actor.userId);
    if (!s || s.status !== 'confirmed') throw new AppError('ATTENDANCE_NOT_SIGNED_UP');
    const att = await repo.findAttendance(trx, a.district_id, a.id, actor.userId);
    if (att?.check_in_at) throw new AppError('ATTENDANCE_ALREADY', { what: 'checked_in' });
    await repo.upsertAttendance(trx, {
      district_id: a.district_id, activity_id: a.id, user_id: actor.userId, check_in_at: iso(now), check_out_at: null,
      method: input.qr ? 'qr' : 'code', marked_by: null, updated_at: iso(now),
    });
    return { activityId: a.id, title: a.title, checkInAt: iso(now), checkOutAt: null, minutes: null };
  });
}

/** A checked-in participant checks out; the service record is written (pending the leader's confirmation). */
export async function checkOut(deps: Deps, actor: Actor, input: AttendanceInput): Promise<AttendanceResult> {
  const { a, settings } = await resolveCode(deps, input);
  return inTransaction(deps.db, async ({ trx }) => {
    const now = deps.clock.now();
    if (now.getTime() < new Date(a.starts_at).getTime() || now.getTime() > new Date(a.ends_at).getTime() + ATTENDANCE_CLOSES_AFTER_MS) {
      throw new AppError('ATTENDANCE_NOT_OPEN');
    }
    const att = await repo.findAttendance(trx, a.district_id, a.id, actor.userId);
    if (!att?.check_in_at) throw new AppError('ATTENDANCE_NOT_CHECKED_IN');
    if (att.check_out_at) throw new AppError('ATTENDANCE_ALREADY', { what: 'checked_out' });
    await repo.upsertAttendance(trx, { ...att, check_out_at: iso(now), updated_at: iso(now) });
    const minutes = serviceMinutes({
      checkIn: new Date(att.check_in_at), checkOut: now, start: new Date(a.starts_at), end: new Date(a.ends_at),
      graceMinutes: settings.graceMinutes,
    });
    const recordId = await writeAttendanceRecord(deps, trx, a, actor.userId, minutes, {
      isBackfill: false, note: null, createdBy: actor.userId, serviceDate: chinaDate(new Date(a.starts_at)),
    });
    const rec = recordId ? await findRecord(trx, recordId) : undefined;
    return { activityId: a.id, title: a.title, checkInAt: att.check_in_at, checkOutAt: iso(now), minutes: rec?.minutes ?? minutes };
  });
}

export interface MarkEntry {
  userId: string;
  present: boolean;
  checkInAt?: string;
  checkOutAt?: string;
}

/** The leader marks the group: present (with times, default the whole window) or absent (a no-show). */
export async function markAttendance(deps: Deps, actor: Actor, activityId: string, entries: MarkEntry[]): Promise<RosterEntry[]> {
  await inTransaction(deps.db, async ({ trx }) => {
    const a = await loadManaged(trx, actor, activityId);
    const now = deps.clock.now();
    if (a.status !== 'published' || now < new Date(a.starts_at)) throw new AppError('ATTENDANCE_NOT_OPEN');
    const settings = await getVolunteering(trx, a.district_id);
    for (const e of entries) {
      const s = await repo.findActiveSignup(trx, a.district_id, a.id, e.userId);
      if (!s || s.status === 'waitlisted') throw notFound('signup');
      if (!e.present) {
        if (s.status === 'confirmed') await repo.setSignupStatus(trx, a.district_id, s.id, 'no_show', iso(now));
        continue;
      }
      if (s.status === 'no_show') await repo.setSignupStatus(trx, a.district_id, s.id, 'confirmed', iso(now));
      const inAt = e.checkInAt ? new Date(e.checkInAt) : new Date(a.starts_at);
      const outAt = e.checkOutAt ? new Date(e.checkOutAt) : new Date(a.ends_at);
      if (outAt <= inAt) throw new AppError('ACTIVITY_BAD_TIME', { problem: 'end_before_start' });
      await repo.upsertAttendance(trx, {
        district_id: a.district_id, activity_id: a.id, user_id: e.userId, check_in_at: iso(inAt), check_out_at: iso(outAt),
        method: 'leader', marked_by: actor.userId, updated_at: iso(now),
      });
      const minutes = serviceMinutes({ checkIn: inAt, checkOut: outAt, start: new Date(a.starts_at), end: new Date(a.ends_at), graceMinutes: settings.graceMinutes });
      await writeAttendanceRecord(deps, trx, a, e.userId, minutes, {
        isBackfill: false, note: null, createdBy: actor.userId, serviceDate: chinaDate(new Date(a.starts_at)),
      });
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: a.district_id, action: 'attendance.mark', targetType: 'activity', targetId: a.id,
      scopeNodeId: a.community_id, scopePath: a.community_path,
      details: { present: entries.filter((e) => e.present).map((e) => e.userId), absent: entries.filter((e) => !e.present).map((e) => e.userId) },
    });
  });
  return listRoster(deps, actor, activityId);
}

/** A volunteer declares hours for a finished activity they served without checking in; the leader confirms. */
export async function declareBackfill(
  deps: Deps,
  actor: Actor,
  activityId: string,
  input: { minutes: number; note: string },
): Promise<ServiceRecord> {
  return inTransaction(deps.db, async ({ trx }) => {
    const a = await repo.findActivityById(trx, activityId);
    if (!a || a.status !== 'published') throw notFound('activity');
    if (deps.clock.now() < new Date(a.ends_at)) throw new AppError('BACKFILL_NOT_PAST');
    if (!(await findApprovedVolunteer(trx, a.district_id, actor.userId))) throw new AppError('NOT_A_VOLUNTEER');
    const max = durationMinutes(new Date(a.starts_at), new Date(a.ends_at));
    if (input.minutes > max) throw new AppError('BACKFILL_TOO_LONG', { max });
    const live = await findLiveRecord(trx, a.district_id, a.id, actor.userId);
    if (live) throw new AppError('RECORD_STATE', { status: live.status, action: 'edit' });
    const id = await writeAttendanceRecord(deps, trx, a, actor.userId, Math.floor(input.minutes / 15) * 15, {
      isBackfill: true, note: input.note, createdBy: actor.userId, serviceDate: chinaDate(new Date(a.starts_at)),
    });
    return toRecord(actor, (await findRecord(trx, id!))!);
  });
}
