// Attendance: the leader's rotating signed QR code and 6-digit code, check-in and check-out by participants,
// group marking by the leader, closing the activity, and back-filled hours (补录) that the leader confirms.
// Hours follow attendance: minutes come only from recorded time (docs/ATTENDANCE.md), a person marked absent keeps
// no record, and resident events record attendance without service hours.
import { recordAudit } from '../../platform/audit.js';
import { chinaDateTime, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import {
  findLiveRecord,
  findRecord,
  toRecord,
  type ServiceRecord,
  voidRecordsOf,
  writeAttendanceRecord,
} from '../records/index.js';
import { getVolunteering } from '../settings/index.js';
import { findApprovedVolunteer } from '../volunteers/index.js';
import * as repo from './activities.repository.js';
import type { ActivityRow } from './activities.repository.js';
import {
  attendanceWindow,
  chinaDate,
  closingCheckOut,
  codeWindow,
  distanceMetres,
  durationMinutes,
  earnsServiceHours,
  markedSpan,
  parseQr,
  qrPayload,
  serviceMinutes,
  sixDigitCode,
  verifyQrSignature,
  windowAccepted,
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
    if (
      !windowAccepted(parsed.window, nowWindow) ||
      !verifyQrSignature(a.attendance_secret, a.id, parsed.window, parsed.signature)
    ) {
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

/** Refuses self check-in/out outside its window, saying when it opens or when it closed (China time). */
function assertWindowOpen(kind: 'check_in' | 'check_out', a: ActivityRow, now: Date): void {
  const w = attendanceWindow(kind, {
    now,
    start: new Date(a.starts_at),
    end: new Date(a.ends_at),
    closedAt: a.closed_at ? new Date(a.closed_at) : null,
  });
  if ('opensAt' in w) throw new AppError('ATTENDANCE_NOT_YET', { what: kind, time: chinaDateTime(w.opensAt) });
  if ('closedAt' in w) throw new AppError('ATTENDANCE_CLOSED', { what: kind, time: chinaDateTime(w.closedAt) });
}

/** Writes the service record of a finished stay (volunteer activities only; resident events earn no hours). */
async function recordStay(
  deps: Deps,
  trx: Executor,
  a: ActivityRow,
  userId: string,
  span: { checkIn: Date; checkOut: Date },
  createdBy: string,
) {
  if (!earnsServiceHours(a.audience)) return { recordId: null, minutes: 0 };
  const settings = await getVolunteering(trx, a.district_id);
  const minutes = serviceMinutes({
    checkIn: span.checkIn,
    checkOut: span.checkOut,
    start: new Date(a.starts_at),
    end: new Date(a.ends_at),
    graceMinutes: settings.graceMinutes,
  });
  const recordId = await writeAttendanceRecord(deps, trx, a, userId, minutes, {
    isBackfill: false,
    note: null,
    createdBy,
    serviceDate: chinaDate(new Date(a.starts_at)),
  });
  const rec = recordId ? await findRecord(trx, recordId) : undefined;
  return { recordId, minutes: rec?.minutes ?? 0 };
}

/** A confirmed participant checks in with the activity's current code. */
export async function checkIn(deps: Deps, actor: Actor, input: AttendanceInput): Promise<AttendanceResult> {
  const { a } = await resolveCode(deps, input);
  return inTransaction(deps.db, async ({ trx }) => {
    const now = deps.clock.now();
    assertWindowOpen('check_in', a, now);
    const s = await repo.lockActiveSignup(trx, a.district_id, a.id, actor.userId);
    if (s?.status === 'no_show') throw new AppError('ATTENDANCE_NO_SHOW');
    if (!s || s.status !== 'confirmed') throw new AppError('ATTENDANCE_NOT_SIGNED_UP');
    const att = await repo.findAttendance(trx, a.district_id, a.id, actor.userId);
    if (att?.check_in_at) throw new AppError('ATTENDANCE_ALREADY', { what: 'checked_in' });
    await repo.upsertAttendance(trx, {
      district_id: a.district_id,
      activity_id: a.id,
      user_id: actor.userId,
      check_in_at: iso(now),
      check_out_at: null,
      method: input.qr ? 'qr' : 'code',
      marked_by: null,
      updated_at: iso(now),
    });
    return { activityId: a.id, title: a.title, checkInAt: iso(now), checkOutAt: null, minutes: null };
  });
}

/**
 * A checked-in participant checks out. For volunteer service the record is written (pending the leader's
 * confirmation) unless the stay is under the minimum; resident events keep the attendance only.
 */
export async function checkOut(deps: Deps, actor: Actor, input: AttendanceInput): Promise<AttendanceResult> {
  const { a } = await resolveCode(deps, input);
  return inTransaction(deps.db, async ({ trx }) => {
    const now = deps.clock.now();
    assertWindowOpen('check_out', a, now);
    const s = await repo.lockActiveSignup(trx, a.district_id, a.id, actor.userId);
    if (s?.status === 'no_show') throw new AppError('ATTENDANCE_NO_SHOW');
    const att = await repo.findAttendance(trx, a.district_id, a.id, actor.userId);
    if (!att?.check_in_at) throw new AppError('ATTENDANCE_NOT_CHECKED_IN');
    if (att.check_out_at) throw new AppError('ATTENDANCE_ALREADY', { what: 'checked_out' });
    await repo.upsertAttendance(trx, { ...att, check_out_at: iso(now), updated_at: iso(now) });
    const stay = await recordStay(
      deps,
      trx,
      a,
      actor.userId,
      { checkIn: new Date(att.check_in_at), checkOut: now },
      actor.userId,
    );
    return {
      activityId: a.id,
      title: a.title,
      checkInAt: att.check_in_at,
      checkOutAt: iso(now),
      minutes: earnsServiceHours(a.audience) ? stay.minutes : null,
    };
  });
}

export interface MarkEntry {
  userId: string;
  present: boolean;
  checkInAt?: string;
  checkOutAt?: string;
}

/**
 * The leader marks the group. Present: the time recorded by `markedSpan` (during the activity the stay stays open
 * until check-out or closing; never the full length in advance). Absent: a no-show, whenever it is marked — the
 * attendance is removed and every record of the person for the activity voided (an accepted one superseded).
 */
export async function markAttendance(
  deps: Deps,
  actor: Actor,
  activityId: string,
  entries: MarkEntry[],
): Promise<RosterEntry[]> {
  await inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const a = await loadManaged(trx, actor, activityId);
    const now = deps.clock.now();
    if (a.status !== 'published') throw new AppError('ACTIVITY_STATE', { status: a.status, action: 'mark' });
    if (now < new Date(a.starts_at))
      throw new AppError('ATTENDANCE_NOT_YET', { what: 'mark', time: chinaDateTime(a.starts_at) });
    const voided: string[] = [];
    // In person order, like closing: each record takes its volunteer's row lock, and one order means two marks of
    // different activities for the same people cannot deadlock.
    const ordered = [...entries].sort((x, y) => (x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0));
    for (const e of ordered) {
      const s = await repo.lockActiveSignup(trx, a.district_id, a.id, e.userId);
      if (!s || s.status === 'waitlisted') throw notFound('signup');
      if (!e.present) {
        if (s.status !== 'no_show') await repo.setSignupStatus(trx, a.district_id, s.id, 'no_show', iso(now));
        await repo.deleteAttendance(trx, a.district_id, a.id, e.userId);
        voided.push(
          ...(await voidRecordsOf(deps, trx, actor, {
            districtId: a.district_id,
            activityId: a.id,
            userId: e.userId,
            reason: '标记缺席',
          })),
        );
        continue;
      }
      if (s.status === 'no_show') await repo.setSignupStatus(trx, a.district_id, s.id, 'confirmed', iso(now));
      const att = await repo.findAttendance(trx, a.district_id, a.id, e.userId);
      const span = markedSpan({
        markAt: now,
        start: new Date(a.starts_at),
        end: new Date(a.ends_at),
        recorded: att
          ? {
              checkIn: att.check_in_at ? new Date(att.check_in_at) : null,
              checkOut: att.check_out_at ? new Date(att.check_out_at) : null,
            }
          : null,
        given: {
          checkIn: e.checkInAt ? new Date(e.checkInAt) : undefined,
          checkOut: e.checkOutAt ? new Date(e.checkOutAt) : undefined,
        },
      });
      if ('problem' in span) throw new AppError('ACTIVITY_BAD_TIME', { problem: span.problem });
      await repo.upsertAttendance(trx, {
        district_id: a.district_id,
        activity_id: a.id,
        user_id: e.userId,
        check_in_at: iso(span.checkIn),
        check_out_at: span.checkOut ? iso(span.checkOut) : null,
        method: 'leader',
        marked_by: actor.userId,
        updated_at: iso(now),
      });
      if (span.checkOut)
        await recordStay(deps, trx, a, e.userId, { checkIn: span.checkIn, checkOut: span.checkOut }, actor.userId);
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: a.district_id,
      action: 'attendance.mark',
      targetType: 'activity',
      targetId: a.id,
      scopeNodeId: a.community_id,
      scopePath: a.community_path,
      details: {
        present: entries.filter((e) => e.present).map((e) => e.userId),
        absent: entries.filter((e) => !e.present).map((e) => e.userId),
        voided,
      },
    });
  });
  return listRoster(deps, actor, activityId);
}

/**
 * The leader closes attendance after the end: everyone still checked in is checked out at the end and their record
 * written; self check-in and check-out stop. Closing again changes nothing.
 */
export async function closeActivity(deps: Deps, actor: Actor, activityId: string): Promise<RosterEntry[]> {
  await inTransaction(deps.db, async ({ trx }) => {
    const a = await loadManaged(trx, actor, activityId);
    const now = deps.clock.now();
    if (a.status !== 'published') throw new AppError('ACTIVITY_STATE', { status: a.status, action: 'close' });
    if (now < new Date(a.ends_at))
      throw new AppError('ACTIVITY_NOT_ENDED', { time: chinaDateTime(a.ends_at), action: 'close' });
    if (a.closed_at) return;
    const end = new Date(a.ends_at);
    const closed: string[] = [];
    for (const att of await repo.openAttendance(trx, a.district_id, a.id)) {
      const s = await repo.lockActiveSignup(trx, a.district_id, a.id, att.user_id);
      if (s?.status === 'no_show') continue;
      const checkIn = new Date(att.check_in_at!);
      const checkOut = closingCheckOut(checkIn, end);
      await repo.upsertAttendance(trx, { ...att, check_out_at: iso(checkOut), updated_at: iso(now) });
      await recordStay(deps, trx, a, att.user_id, { checkIn, checkOut }, actor.userId);
      closed.push(att.user_id);
    }
    await repo.updateActivity(trx, a.district_id, a.id, { closed_at: iso(now), updated_at: iso(now) });
    await recordAudit(trx, deps.clock, actor, {
      districtId: a.district_id,
      action: 'activity.close',
      targetType: 'activity',
      targetId: a.id,
      scopeNodeId: a.community_id,
      scopePath: a.community_path,
      details: { title: a.title, checkedOutAtEnd: closed },
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
    if (!earnsServiceHours(a.audience)) throw new AppError('RESIDENT_EVENT_NO_HOURS');
    if (deps.clock.now() < new Date(a.ends_at)) throw new AppError('BACKFILL_NOT_PAST');
    if (!(await findApprovedVolunteer(trx, a.district_id, actor.userId))) throw new AppError('NOT_A_VOLUNTEER');
    const s = await repo.lockActiveSignup(trx, a.district_id, a.id, actor.userId);
    if (s?.status === 'no_show') throw new AppError('ATTENDANCE_NO_SHOW');
    const max = durationMinutes(new Date(a.starts_at), new Date(a.ends_at));
    if (input.minutes > max) throw new AppError('BACKFILL_TOO_LONG', { max });
    const live = await findLiveRecord(trx, a.district_id, a.id, actor.userId);
    if (live) throw new AppError('RECORD_STATE', { status: live.status, action: 'edit' });
    const id = await writeAttendanceRecord(deps, trx, a, actor.userId, Math.floor(input.minutes / 15) * 15, {
      isBackfill: true,
      note: input.note,
      createdBy: actor.userId,
      serviceDate: chinaDate(new Date(a.starts_at)),
    });
    if (!id) throw new AppError('BACKFILL_TOO_LONG', { max: 0 });
    return toRecord(actor, (await findRecord(trx, id))!);
  });
}
