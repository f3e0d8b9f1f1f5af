// Service tests of grid reports (随手拍) on both databases: submitting and scope, every step through the services
// (allowed and refused), the reward paid exactly once (retried confirmation, the auto-confirm job run twice, and
// races on PostgreSQL), duplicates and rejections earning nothing, the daily cap, escalation, nearby and joining,
// anonymity, flags and moderation, the public board and the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateReportSettings } from '../../src/server/modules/settings/index.js';
import {
  autoConfirmReports,
  escalateOverdueReports,
  flagReport,
  joinReport,
  removeUnattachedPhotos,
  reporterStep,
  staffStep,
  uploadReportPhoto,
} from '../../src/server/modules/reports/index.js';
import { processNotificationEvents } from '../../src/server/modules/notifications/index.js';
import { renderNotice } from '../../src/server/modules/notifications/notifications.rules.js';
import * as svc from '../../src/server/modules/reports/reports.service.js';
import { AppError } from '../../src/server/platform/errors.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import { actorOf, DIALECTS, makeUser, makeTree, type Tree, useClock } from '../support.js';
import { filesUnder, pngOf, reportEnv, residentAt, submit } from './reports.fixtures.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'OK';
}

describe.each(DIALECTS)('reports on %s', (dialect) => {
  let env: Awaited<ReturnType<typeof reportEnv>>;
  let tree: Tree;
  let gridWorkerA: Actor;
  let gridWorkerB: Actor;
  let adminA: Actor;
  let streetAdminA: Actor;
  let districtAdmin: Actor;

  beforeAll(async () => {
    env = await reportEnv(dialect);
    tree = await makeTree(env.deps);
    gridWorkerA = await actorOf(env.deps, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA }));
    gridWorkerB = await actorOf(env.deps, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridB }));
    adminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    streetAdminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
    districtAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }),
    );
  });
  afterAll(() => env.close());
  useClock(() => env);

  const journalsOf = (reportId: string) =>
    env.deps.db
      .selectFrom('journals')
      .select(['id', 'idempotency_key', 'type'])
      .where('ref_type', '=', 'report')
      .where('ref_id', '=', reportId)
      .execute();
  const auditOf = async (reportId: string) =>
    (
      await env.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('target_id', '=', reportId)
        .orderBy('id')
        .execute()
    ).map((a) => a.action);
  const eventsOf = async (reportId: string) =>
    (
      await env.deps.db
        .selectFrom('domain_events')
        .select(['type', 'ref_id'])
        .where((eb) => eb.or([eb('ref_id', '=', reportId), eb('ref_id', 'like', `${reportId}:%`)]))
        .orderBy('id')
        .execute()
    ).map((e) => e.type);
  const pointsOf = async (userId: string) => {
    const row = await env.deps.db
      .selectFrom('point_accounts')
      .select('balance')
      .where('owner_type', '=', 'user')
      .where('owner_id', '=', userId)
      .executeTakeFirst();
    return Number(row?.balance ?? 0);
  };

  /** A report walked to resolved by grid worker A. */
  async function resolved(reporter: Actor, over: Parameters<typeof submit>[2] = {}) {
    const r = await submit(env.deps, reporter, over);
    await staffStep(env.deps, gridWorkerA, r.id, 'accept', {});
    await staffStep(env.deps, gridWorkerA, r.id, 'assign', { assigneeUserId: gridWorkerA.userId });
    await staffStep(env.deps, gridWorkerA, r.id, 'start', {});
    return staffStep(env.deps, gridWorkerA, r.id, 'resolve', { note: '已拆除飞线，提醒住户到充电桩充电' });
  }

  it('submits at the reporter’s home grid: submitted, grid level with a 24 h deadline, announced once', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await submit(env.deps, me);
    expect(r).toMatchObject({
      status: 'submitted',
      level: 'grid',
      communityId: tree.communityA.id,
      gridId: tree.gridA.id,
      category: 'flying_wire',
      categoryName: '飞线充电',
      mine: true,
      reporterUserId: me.userId,
      dueAt: '2026-11-26T02:00:00.000Z',
      overdue: false,
      actions: [],
      version: 1,
    });
    expect(await eventsOf(r.id)).toEqual(['report.submitted']);
    const detail = await svc.getReport(env.deps, me, r.id);
    expect(detail.timeline.map((s) => [s.kind, s.to, s.actorKind])).toEqual([['submit', 'submitted', 'reporter']]);
  });

  it('scopes reports: the grid’s worker and the admins above see it; another grid, other residents: not found', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await submit(env.deps, me);
    for (const staff of [gridWorkerA, adminA, streetAdminA, districtAdmin]) {
      expect((await svc.getReport(env.deps, staff, r.id)).actions).toEqual(['accept', 'reject', 'merge']);
      const list = await svc.listReports(env.deps, staff, { limit: 200 });
      expect(list.items.map((i) => i.id)).toContain(r.id);
    }
    const neighbour = await residentAt(env.deps, tree.gridA);
    for (const outsider of [gridWorkerB, neighbour]) {
      expect(await codeOf(svc.getReport(env.deps, outsider, r.id))).toBe('NOT_FOUND');
      expect(await codeOf(staffStep(env.deps, outsider, r.id, 'accept', {}))).toBe('NOT_FOUND');
    }
    expect((await svc.listReports(env.deps, gridWorkerB, { limit: 200 })).items.map((i) => i.id)).not.toContain(r.id);
    expect((await svc.listReports(env.deps, neighbour, { limit: 200 })).total).toBe(0);
  });

  it('walks the whole graph, records who and when, and pays the category’s points once', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const before = await pointsOf(me.userId);
    const r = await resolved(me, { category: 'hazard' });
    expect(r.status).toBe('resolved');
    expect(r.autoConfirmAt).toBe('2026-12-02T02:00:00.000Z');
    const mine = await svc.getReport(env.deps, me, r.id);
    expect(mine.actions).toEqual(['confirm', 'reopen']);
    const confirmed = await reporterStep(env.deps, me, r.id, 'confirm', {});
    expect(confirmed).toMatchObject({ status: 'confirmed', rewardPoints: 5 });
    expect(await pointsOf(me.userId)).toBe(before + 5);
    // A retried confirmation answers the report as it is and pays nothing again.
    expect((await reporterStep(env.deps, me, r.id, 'confirm', {})).rewardPoints).toBe(5);
    expect(await autoConfirmReports(env.deps)).toBe(0);
    expect(await journalsOf(r.id)).toMatchObject([{ idempotency_key: `report-reward:${r.id}`, type: 'award' }]);
    expect(await pointsOf(me.userId)).toBe(before + 5);
    const closed = await staffStep(env.deps, adminA, r.id, 'close', {});
    expect(closed.status).toBe('closed');
    const detail = await svc.getReport(env.deps, me, r.id);
    expect(detail.timeline.map((s) => [s.kind, s.from, s.to, s.actorKind])).toEqual([
      ['submit', null, 'submitted', 'reporter'],
      ['accept', 'submitted', 'accepted', 'staff'],
      ['assign', 'accepted', 'assigned', 'staff'],
      ['start', 'assigned', 'in_progress', 'staff'],
      ['resolve', 'in_progress', 'resolved', 'staff'],
      ['confirm', 'resolved', 'confirmed', 'reporter'],
      ['close', 'confirmed', 'closed', 'staff'],
    ]);
    expect(detail.timeline[4]).toMatchObject({
      note: '已拆除飞线，提醒住户到充电桩充电',
      actorName: expect.any(String),
    });
    expect(await auditOf(r.id)).toEqual([
      'report.accepted',
      'report.assigned',
      'report.started',
      'report.resolved',
      'report.closed',
    ]);
    expect((await eventsOf(r.id)).filter((t) => t === 'report.status_changed')).toHaveLength(6);
  });

  it('refuses steps out of order, by the wrong person, or on a stale version, and writes nothing', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await submit(env.deps, me);
    expect(await codeOf(staffStep(env.deps, gridWorkerA, r.id, 'start', {}))).toBe('REPORT_STATE');
    expect(await codeOf(staffStep(env.deps, gridWorkerA, r.id, 'resolve', { note: 'x' }))).toBe('REPORT_STATE');
    expect(await codeOf(staffStep(env.deps, gridWorkerA, r.id, 'close', {}))).toBe('REPORT_STATE');
    expect(await codeOf(staffStep(env.deps, gridWorkerA, r.id, 'confirm', {}))).toBe('REPORT_STATE');
    // The reporter cannot take staff steps (they do not manage it) nor confirm before it is resolved.
    expect(await codeOf(staffStep(env.deps, me, r.id, 'accept', {}))).toBe('NOT_FOUND');
    expect(await codeOf(reporterStep(env.deps, me, r.id, 'confirm', {}))).toBe('REPORT_STATE');
    expect(await codeOf(reporterStep(env.deps, me, r.id, 'reopen', { note: '没修好' }))).toBe('REPORT_STATE');
    // Staff cannot confirm for the reporter.
    expect(await codeOf(reporterStep(env.deps, gridWorkerA, r.id, 'confirm', {}))).toBe('NOT_FOUND');
    await staffStep(env.deps, gridWorkerA, r.id, 'accept', { version: 1 });
    expect(
      await codeOf(
        staffStep(env.deps, gridWorkerA, r.id, 'assign', { assigneeUserId: gridWorkerA.userId, version: 1 }),
      ),
    ).toBe('REPORT_CHANGED');
    // Only staff over the place can be assigned.
    expect(await codeOf(staffStep(env.deps, gridWorkerA, r.id, 'assign', { assigneeUserId: gridWorkerB.userId }))).toBe(
      'REPORT_ASSIGNEE',
    );
    expect(await codeOf(staffStep(env.deps, gridWorkerA, r.id, 'assign', { assigneeUserId: me.userId }))).toBe(
      'REPORT_ASSIGNEE',
    );
    const detail = await svc.getReport(env.deps, gridWorkerA, r.id);
    expect(detail).toMatchObject({ status: 'accepted', version: 2 });
    expect(detail.timeline.map((s) => s.kind)).toEqual(['submit', 'accept']);
    expect(await auditOf(r.id)).toEqual(['report.accepted']);
  });

  it('reopens from resolved when the reporter says it is not fixed, with a fresh deadline', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await resolved(me);
    env.clock.advance(3 * 24 * 3600_000);
    const again = await reporterStep(env.deps, me, r.id, 'reopen', { note: '晚上又有人拉线了' });
    expect(again).toMatchObject({ status: 'in_progress', resolvedAt: null, dueAt: '2026-11-29T02:00:00.000Z' });
    expect(await journalsOf(r.id)).toHaveLength(0);
    const back = await staffStep(env.deps, gridWorkerA, r.id, 'resolve', { note: '已加装充电桩' });
    expect(back.status).toBe('resolved');
  });

  it('a duplicate (merged) or rejected report earns nothing and cannot be confirmed', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const original = await submit(env.deps, await residentAt(env.deps, tree.gridA), { category: 'hazard' });
    const dup = await submit(env.deps, me, { category: 'hazard' });
    const merged = await staffStep(env.deps, gridWorkerA, dup.id, 'merge', {
      intoReportId: original.id,
      note: '同一处',
    });
    expect(merged).toMatchObject({ status: 'duplicate', mergedIntoId: original.id, actions: [] });
    expect(await codeOf(reporterStep(env.deps, me, dup.id, 'confirm', {}))).toBe('REPORT_STATE');
    const junk = await submit(env.deps, me, { category: 'hazard' });
    expect((await staffStep(env.deps, gridWorkerA, junk.id, 'reject', { note: '不属于网格事项' })).status).toBe(
      'rejected',
    );
    expect(await codeOf(reporterStep(env.deps, me, junk.id, 'confirm', {}))).toBe('REPORT_STATE');
    env.clock.advance(30 * 24 * 3600_000);
    await autoConfirmReports(env.deps);
    expect(await journalsOf(dup.id)).toHaveLength(0);
    expect(await journalsOf(junk.id)).toHaveLength(0);
    // A report cannot be merged into itself, into a closed one, or across communities.
    const other = await submit(env.deps, await residentAt(env.deps, tree.gridB));
    expect(await codeOf(staffStep(env.deps, gridWorkerA, original.id, 'merge', { intoReportId: original.id }))).toBe(
      'REPORT_MERGE_TARGET',
    );
    expect(await codeOf(staffStep(env.deps, gridWorkerA, original.id, 'merge', { intoReportId: junk.id }))).toBe(
      'REPORT_MERGE_TARGET',
    );
    expect(await codeOf(staffStep(env.deps, districtAdmin, original.id, 'merge', { intoReportId: other.id }))).toBe(
      'REPORT_MERGE_TARGET',
    );
  });

  it('confirms automatically after 7 days, once, even when the job runs twice', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await resolved(me, { category: 'hazard' });
    env.clock.advance(7 * 24 * 3600_000 - 60_000);
    expect(await autoConfirmReports(env.deps)).toBe(0);
    env.clock.advance(120_000);
    const [a, b] = await Promise.all([autoConfirmReports(env.deps), autoConfirmReports(env.deps)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await autoConfirmReports(env.deps)).toBe(0);
    const detail = await svc.getReport(env.deps, me, r.id);
    expect(detail).toMatchObject({ status: 'confirmed', rewardPoints: 5 });
    expect(detail.timeline.filter((s) => s.kind === 'confirm').map((s) => s.actorKind)).toEqual(['system']);
    expect(await journalsOf(r.id)).toHaveLength(1);
    expect(await auditOf(r.id)).toContain('report.auto_confirm');
  });

  it('pays once when the reporter confirms while the job runs (raced), and twin confirmations too', async () => {
    for (let round = 0; round < 3; round++) {
      const me = await residentAt(env.deps, tree.gridA);
      const r = await resolved(me, { category: 'hazard' });
      env.clock.advance(8 * 24 * 3600_000);
      const results = await Promise.allSettled([
        reporterStep(env.deps, me, r.id, 'confirm', {}),
        reporterStep(env.deps, me, r.id, 'confirm', {}),
        autoConfirmReports(env.deps),
        autoConfirmReports(env.deps),
      ]);
      for (const res of results)
        if (res.status === 'rejected') expect((res.reason as AppError).code).toBe('REPORT_CHANGED');
      expect(await journalsOf(r.id)).toHaveLength(1);
      expect(await pointsOf(me.userId)).toBe(5);
      expect((await svc.getReport(env.deps, me, r.id)).status).toBe('confirmed');
      env.clock.reset();
    }
  });

  it('keeps each person within the daily cap, also when their reports are confirmed at once', async () => {
    await updateReportSettings(env.deps, districtAdmin, tree.district.id, { dailyCapPoints: 8 });
    try {
      const me = await residentAt(env.deps, tree.gridA);
      const rs = [];
      for (let i = 0; i < 3; i++) rs.push(await resolved(me, { category: 'hazard' }));
      const out = await Promise.all(rs.map((r) => reporterStep(env.deps, me, r.id, 'confirm', {})));
      expect(out.map((r) => r.rewardPoints).sort()).toEqual([0, 3, 5]);
      expect(await pointsOf(me.userId)).toBe(8);
      // The next China day has a fresh cap.
      env.clock.advance(24 * 3600_000);
      const next = await resolved(me, { category: 'hazard' });
      expect((await reporterStep(env.deps, me, next.id, 'confirm', {})).rewardPoints).toBe(5);
    } finally {
      await updateReportSettings(env.deps, districtAdmin, tree.district.id, { dailyCapPoints: 20 });
    }
  });

  it('pays nothing for 市长热线 relays (0 points unless configured)', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await resolved(me, { category: 'hotline' });
    expect((await reporterStep(env.deps, me, r.id, 'confirm', {})).rewardPoints).toBe(0);
    expect(await journalsOf(r.id)).toHaveLength(0);
  });

  it('escalates overdue reports grid → community → street, once per level: escalated, overdue only past the new deadline', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await submit(env.deps, me);
    env.clock.advance(25 * 3600_000);
    const esc1 = await escalateOverdueReports(env.deps);
    expect(esc1).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueReports(env.deps)).toBe(0);
    let v = await svc.getReport(env.deps, adminA, r.id);
    // Escalated: it broke the grid's limit (escalatedFrom), and has a fresh deadline at the new level, which is not
    // past: not "overdue" above a future date.
    expect(v).toMatchObject({
      level: 'community',
      escalatedFrom: 'grid',
      overdue: false,
      dueAt: '2026-11-29T03:00:00.000Z',
    });
    expect(v.timeline.at(-1)).toMatchObject({ kind: 'escalate', actorKind: 'system' });
    const ids = async (q: Partial<svc.ListReportsInput>) =>
      (await svc.listReports(env.deps, adminA, { limit: 200, ...q })).items.map((i) => i.id);
    expect(await ids({ escalated: true })).toContain(r.id);
    expect(await ids({ overdue: true })).not.toContain(r.id);
    const counts = await svc.listReports(env.deps, adminA, { communityId: tree.communityA.id, limit: 1 });
    expect(counts.escalatedCount).toBeGreaterThanOrEqual(1);
    env.clock.advance(73 * 3600_000);
    await escalateOverdueReports(env.deps);
    v = await svc.getReport(env.deps, streetAdminA, r.id);
    expect(v).toMatchObject({ level: 'street', escalatedFrom: 'community', overdue: false });
    env.clock.advance(169 * 3600_000);
    await escalateOverdueReports(env.deps);
    v = await svc.getReport(env.deps, streetAdminA, r.id);
    expect(v).toMatchObject({ level: 'street', escalatedFrom: 'community', overdue: true });
    const overdue = await svc.listReports(env.deps, streetAdminA, { overdue: true, limit: 200 });
    expect(overdue.items.map((i) => i.id)).toContain(r.id);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect((await svc.getReportStats(env.deps, streetAdminA, {})).overdue).toBeGreaterThanOrEqual(1);
    // Resolved: neither escalated nor overdue any more.
    for (const [action, input] of [
      ['accept', {}],
      ['assign', { assigneeUserId: streetAdminA.userId }],
      ['start', {}],
      ['resolve', { note: '已修好' }],
    ] as const)
      await staffStep(env.deps, streetAdminA, r.id, action, input);
    v = await svc.getReport(env.deps, streetAdminA, r.id);
    expect(v).toMatchObject({ status: 'resolved', escalatedFrom: null, overdue: false, dueAt: null });
    expect(
      (
        await env.deps.db
          .selectFrom('domain_events')
          .select('ref_id')
          .where('type', '=', 'report.escalated')
          .where('ref_id', 'like', `${r.id}:%`)
          .orderBy('id')
          .execute()
      ).map((e) => e.ref_id),
    ).toEqual([`${r.id}:community`, `${r.id}:street`]);
    expect((await auditOf(r.id)).filter((a) => a === 'report.escalated')).toHaveLength(2);
  });

  it('offers open reports of the same category within 50 m, and joining adds a voice', async () => {
    const a = await residentAt(env.deps, tree.gridA);
    const lat = 31.2304;
    const lng = 121.4737;
    const north = (m: number) => lat + m / 111_320;
    const near = await submit(env.deps, a, { lat: north(30), lng });
    const far = await submit(env.deps, a, { lat: north(80), lng });
    const otherKind = await submit(env.deps, a, { lat: north(10), lng, category: 'sanitation' });
    const privateOne = await submit(env.deps, await residentAt(env.deps, tree.gridA), {
      lat: north(5),
      lng,
      visibility: 'private',
    });
    const b = await residentAt(env.deps, tree.gridA);
    const found = await svc.listNearbyOpenReports(env.deps, b, { category: 'flying_wire', lat, lng, coord: 'wgs84' });
    const ids = found.items.map((i) => i.id);
    expect(ids).toContain(near.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(otherKind.id);
    expect(ids).not.toContain(privateOne.id);
    expect(found.items.find((i) => i.id === near.id)).toMatchObject({ distanceMetres: 30, mine: false, joined: false });
    const joined = await joinReport(env.deps, b, near.id);
    expect(joined).toMatchObject({ joined: true, supporterCount: 1, canJoin: false, reporterUserId: null });
    expect((await joinReport(env.deps, b, near.id)).supporterCount).toBe(1);
    expect((await svc.listMyReports(env.deps, b, { limit: 20 })).items.map((i) => i.id)).toEqual([near.id]);
    // A GCJ-02 position (from a phone map) is converted before the search.
    const { wgs84ToGcj02 } = await import('../../src/server/platform/geo.js');
    const g = wgs84ToGcj02({ lat, lng });
    const viaGcj = await svc.listNearbyOpenReports(env.deps, b, { category: 'flying_wire', ...g, coord: 'gcj02' });
    expect(viaGcj.items.map((i) => i.id)).toContain(near.id);
    // Closed reports are no longer offered.
    await staffStep(env.deps, gridWorkerA, near.id, 'reject', { note: '已处理' });
    const after = await svc.listNearbyOpenReports(env.deps, b, { category: 'flying_wire', lat, lng, coord: 'wgs84' });
    expect(after.items.map((i) => i.id)).not.toContain(near.id);
  });

  it('hides an anonymous reporter from staff, keeps them for the reward, and never shows them publicly', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await resolved(me, { anonymous: true, category: 'hazard' });
    const staffView = await svc.getReport(env.deps, gridWorkerA, r.id);
    expect(staffView).toMatchObject({ anonymous: true, reporterUserId: null, reporterName: null });
    expect(staffView.timeline[0]).toMatchObject({ kind: 'submit', actorName: null });
    expect((await reporterStep(env.deps, me, r.id, 'confirm', {})).rewardPoints).toBe(5);
    const pub = await svc.getPublicReport(env.deps, r.id);
    expect(JSON.stringify(pub)).not.toContain(me.userId);
    expect(pub.timeline.every((s) => s.actorName === null)).toBe(true);
  });

  it('hides a report flagged by 3 people until a moderator decides; a moderator’s “show” stands', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await submit(env.deps, me);
    const flaggers = await Promise.all([1, 2, 3, 4].map(() => residentAt(env.deps, tree.gridB)));
    expect(await flagReport(env.deps, flaggers[0]!, r.id, { reason: 'abusive' })).toEqual({
      flagged: true,
      hidden: false,
    });
    // The same person twice counts once; the reporter cannot flag their own.
    await flagReport(env.deps, flaggers[0]!, r.id, { reason: 'abusive' });
    await flagReport(env.deps, me, r.id, { reason: 'abusive' });
    await flagReport(env.deps, flaggers[1]!, r.id, { reason: 'spam' });
    expect((await svc.getPublicReport(env.deps, r.id)).id).toBe(r.id);
    expect(await flagReport(env.deps, flaggers[2]!, r.id, { reason: 'abusive' })).toEqual({
      flagged: true,
      hidden: true,
    });
    expect(await codeOf(svc.getPublicReport(env.deps, r.id))).toBe('NOT_FOUND');
    const board = await svc.listPublicReports(env.deps, { districtId: tree.district.id, limit: 100 });
    expect(board.items.map((i) => i.id)).not.toContain(r.id);
    const queue = await svc.listReports(env.deps, gridWorkerA, { flagged: true, limit: 200 });
    expect(queue.items.find((i) => i.id === r.id)).toMatchObject({
      hidden: true,
      flagCount: 3,
      canModerate: true,
      moderation: null,
    });
    expect(await codeOf(svc.moderateReport(env.deps, gridWorkerB, r.id, { decision: 'show' }))).toBe('NOT_FOUND');
    const shown = await svc.moderateReport(env.deps, gridWorkerA, r.id, { decision: 'show', note: '内容属实' });
    // The drawer says what was decided; the reporter is not told the moderation.
    expect(shown.moderation).toBe('show');
    expect((await svc.getReport(env.deps, me, r.id)).moderation).toBe(null);
    expect((await svc.getPublicReport(env.deps, r.id)).id).toBe(r.id);
    expect(await flagReport(env.deps, flaggers[3]!, r.id, { reason: 'abusive' })).toEqual({
      flagged: true,
      hidden: false,
    });
    // Decided: out of the moderation queue, even with a flag after the decision.
    const after = await svc.listReports(env.deps, gridWorkerA, { flagged: true, limit: 200 });
    expect(after.items.map((i) => i.id)).not.toContain(r.id);
    expect(await auditOf(r.id)).toEqual(['report.moderated']);
  });

  it('shows the public board without the reporter, at grid level, without private reports', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const pub = await submit(env.deps, me, { address: '3号楼2单元', lat: 31.1, lng: 121.1 });
    const priv = await submit(env.deps, me, { visibility: 'private' });
    await staffStep(env.deps, gridWorkerA, pub.id, 'accept', { note: '已受理' });
    const board = await svc.listPublicReports(env.deps, { districtId: tree.district.id, limit: 100 });
    const item = board.items.find((i) => i.id === pub.id);
    expect(item).toMatchObject({ gridName: '甲一网格', communityName: '甲社区', status: 'accepted' });
    expect(item?.timeline.map((s) => [s.kind, s.actorName])).toEqual([
      ['submit', null],
      ['accept', null],
    ]);
    const text = JSON.stringify(item);
    expect(text).not.toContain(me.userId);
    expect(text).not.toContain('3号楼2单元');
    expect(text).not.toContain('31.1');
    expect(board.items.map((i) => i.id)).not.toContain(priv.id);
    expect(await codeOf(svc.getPublicReport(env.deps, priv.id))).toBe('NOT_FOUND');
  });

  it('counts what is solved within the grid (小事不出网格)', async () => {
    const me = await residentAt(env.deps, tree.gridB);
    const gridWorker = gridWorkerB;
    const adminB = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }),
    );
    const before = await svc.getReportStats(env.deps, adminB, {});
    const walk = async () => {
      const r = await submit(env.deps, me);
      await staffStep(env.deps, gridWorker, r.id, 'accept', {});
      await staffStep(env.deps, gridWorker, r.id, 'assign', { assigneeUserId: gridWorker.userId });
      await staffStep(env.deps, gridWorker, r.id, 'start', {});
      return r;
    };
    const inGrid = await walk();
    await staffStep(env.deps, gridWorker, inGrid.id, 'resolve', { note: '好了' });
    const late = await walk();
    env.clock.advance(25 * 3600_000);
    await escalateOverdueReports(env.deps);
    await staffStep(env.deps, adminB, late.id, 'resolve', { note: '社区协调解决' });
    const stats = await svc.getReportStats(env.deps, adminB, {});
    expect(stats.resolved - before.resolved).toBe(2);
    expect(stats.resolvedWithinGrid - before.resolvedWithinGrid).toBe(1);
    expect(stats.withinGridRate).toBeGreaterThan(0);
    expect(stats.withinGridRate).toBeLessThanOrEqual(1);
    expect((await svc.getReportStats(env.deps, me, {})).total).toBe(0);
  });

  it('places a report at a grid, building or community given, and refuses unknown categories and places', async () => {
    const rider = await actorOf(env.deps, await makeUser(env.deps));
    expect(await codeOf(submit(env.deps, rider))).toBe('REPORT_NO_PLACE');
    const atGrid = await submit(env.deps, rider, { gridId: tree.gridB.id });
    expect(atGrid).toMatchObject({ gridId: tree.gridB.id, communityId: tree.communityB.id, level: 'grid' });
    const atCommunity = await submit(env.deps, rider, { communityId: tree.communityA2.id });
    expect(atCommunity).toMatchObject({ gridId: null, communityId: tree.communityA2.id, level: 'community' });
    expect(await codeOf(submit(env.deps, rider, { gridId: tree.communityA.id }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(submit(env.deps, rider, { gridId: tree.gridA.id, category: 'nope' }))).toBe(
      'VALIDATION_FAILED',
    );
    // A retried submission with the same key answers the same report.
    const k1 = await submit(env.deps, rider, { gridId: tree.gridA.id, idempotencyKey: 'key-00000001' });
    const k2 = await submit(env.deps, rider, { gridId: tree.gridA.id, idempotencyKey: 'key-00000001' });
    expect(k2.id).toBe(k1.id);
  });

  it('lists the staff a report can be assigned to', async () => {
    const r = await submit(env.deps, await residentAt(env.deps, tree.gridA));
    const { items } = await svc.listReportAssignees(env.deps, adminA, r.id);
    const ids = items.map((i) => i.userId);
    expect(ids).toEqual(expect.arrayContaining([gridWorkerA.userId, adminA.userId, streetAdminA.userId]));
    expect(ids).not.toContain(gridWorkerB.userId);
    expect(items.find((i) => i.userId === gridWorkerA.userId)).toMatchObject({
      role: 'grid_worker',
      nodeName: '甲一网格',
    });
  });
  it('answers twin submissions with the same key (raced) with one report', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const twins = await Promise.all(
      [1, 2, 3].map(() => submit(env.deps, me, { idempotencyKey: 'twin-key-0001', description: '路面塌陷' })),
    );
    expect(new Set(twins.map((t) => t.id)).size).toBe(1);
    const rows = await env.deps.db
      .selectFrom('reports')
      .select('id')
      .where('reporter_user_id', '=', me.userId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('removes photos nobody attached within a day, keeps the attached ones', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const used = await uploadReportPhoto(env.deps, me, { contentBase64: (await pngOf(40, 30)).toString('base64') });
    const left = await uploadReportPhoto(env.deps, me, { contentBase64: (await pngOf(40, 30)).toString('base64') });
    await submit(env.deps, me, { photoIds: [used.id] });
    const uploads = `${env.dataDir}/uploads`;
    const has = (id: string) => filesUnder(uploads).some((f) => f.includes(id));
    expect(has(left.id) && has(used.id)).toBe(true);
    env.clock.advance(23 * 3600_000);
    await removeUnattachedPhotos(env.deps);
    expect(has(left.id)).toBe(true);
    env.clock.advance(2 * 3600_000);
    expect(await removeUnattachedPhotos(env.deps)).toBeGreaterThanOrEqual(1);
    expect(has(left.id)).toBe(false);
    expect(has(used.id)).toBe(true);
    const rows = await env.deps.db
      .selectFrom('report_photos')
      .select('id')
      .where('id', 'in', [used.id, left.id])
      .execute();
    expect(rows.map((r) => r.id)).toEqual([used.id]);
  });

  it('tells the grid’s worker of a new report, the assignee of an assignment, the reporter of each step and reward', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await submit(env.deps, me, { category: 'hazard' });
    await processNotificationEvents(env.deps);
    const noticesOf = (userId: string) =>
      env.deps.db
        .selectFrom('notices')
        .select(['kind', 'params', 'link', 'read_at'])
        .where('user_id', '=', userId)
        .where('ref_id', '=', r.id)
        .orderBy('id')
        .execute();
    expect((await noticesOf(gridWorkerA.userId)).map((n) => n.kind)).toEqual(['queue_report']);
    expect(await noticesOf(gridWorkerB.userId)).toEqual([]);
    await staffStep(env.deps, adminA, r.id, 'accept', {});
    await staffStep(env.deps, adminA, r.id, 'assign', { assigneeUserId: gridWorkerA.userId });
    await staffStep(env.deps, gridWorkerA, r.id, 'start', {});
    await staffStep(env.deps, gridWorkerA, r.id, 'resolve', { note: '已处理' });
    await reporterStep(env.deps, me, r.id, 'confirm', {});
    await processNotificationEvents(env.deps);
    const worker = await noticesOf(gridWorkerA.userId);
    expect(worker.map((n) => n.kind)).toEqual(['queue_report', 'report_assigned']);
    // Staff notices open the report's drawer on the console board.
    expect(worker.map((n) => n.link)).toEqual([`/admin/reports?report=${r.id}`, `/admin/reports?report=${r.id}`]);
    expect(worker[0]!.read_at).not.toBeNull();
    const mine = await noticesOf(me.userId);
    expect(mine.map((n) => n.kind)).toEqual(['report_status', 'report_status', 'report_status', 'report_status']);
    expect(mine.every((n) => n.link === `/reports/${r.id}`)).toBe(true);
    const texts = mine.map((n) => renderNotice('report_status', JSON.parse(n.params) as never, 'zh-CN').body);
    expect(texts.at(-1)).toBe('您反映的“安全隐患”：已处理，请确认是否解决。已处理');
    // Steps the reporter takes themself (confirming) make no notice to them.
    expect(texts.some((t) => t.includes('获得'))).toBe(false);
  });
  it('takes a photo uploaded at home into a report made in another district', async () => {
    const rider = await residentAt(env.deps, tree.gridA);
    const elsewhere = await makeTree(env.deps, `丙区${Date.now() % 100000}`);
    const photo = await uploadReportPhoto(env.deps, rider, { contentBase64: (await pngOf(40, 30)).toString('base64') });
    const r = await submit(env.deps, rider, { gridId: elsewhere.gridA.id, photoIds: [photo.id] });
    expect(r).toMatchObject({ districtId: elsewhere.district.id, photos: [{ id: photo.id }] });
    const pub = await svc.getPublicReport(env.deps, r.id);
    expect(pub.photos.map((p) => p.id)).toEqual([photo.id]);
    expect((await svc.getReportPhoto(env.deps, null, photo.id, 'thumb')).length).toBeGreaterThan(100);
  });
  it('tells the community’s staff of an escalation, then the street’s', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const r = await submit(env.deps, me, { category: 'sanitation' });
    const kindsOf = async (userId: string) =>
      (
        await env.deps.db
          .selectFrom('notices')
          .select('kind')
          .where('user_id', '=', userId)
          .where('ref_id', '=', r.id)
          .orderBy('id')
          .execute()
      ).map((n) => n.kind);
    env.clock.advance(25 * 3600_000);
    await escalateOverdueReports(env.deps);
    await processNotificationEvents(env.deps);
    expect(await kindsOf(adminA.userId)).toEqual(['report_escalated']);
    expect(await kindsOf(streetAdminA.userId)).toEqual([]);
    env.clock.advance(73 * 3600_000);
    await escalateOverdueReports(env.deps);
    await processNotificationEvents(env.deps);
    expect(await kindsOf(streetAdminA.userId)).toEqual(['report_escalated']);
    const links = await env.deps.db
      .selectFrom('notices')
      .select('link')
      .where('ref_id', '=', r.id)
      .where('kind', '=', 'report_escalated')
      .execute();
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((n) => n.link === `/admin/reports?report=${r.id}`)).toBe(true);
  });
  it('empties the moderation queue as a moderator decides: kept hidden leaves it too', async () => {
    await updateReportSettings(env.deps, districtAdmin, tree.district.id, { flagThreshold: 1 });
    try {
      const me = await residentAt(env.deps, tree.gridA);
      const flaggedOnly = await submit(env.deps, me);
      const hiddenOne = await submit(env.deps, me);
      const untouched = await submit(env.deps, me);
      const other = await residentAt(env.deps, tree.gridB);
      expect(await flagReport(env.deps, other, hiddenOne.id, { reason: 'privacy' })).toEqual({
        flagged: true,
        hidden: true,
      });
      const queueIds = async () =>
        (await svc.listReports(env.deps, gridWorkerA, { flagged: true, limit: 200 })).items.map((i) => i.id);
      // Decided "show" first: a later flag neither hides it nor puts it back in the queue.
      await svc.moderateReport(env.deps, gridWorkerA, flaggedOnly.id, { decision: 'show' });
      await flagReport(env.deps, other, flaggedOnly.id, { reason: 'spam' });
      let q = await queueIds();
      expect(q).toContain(hiddenOne.id);
      expect(q).not.toContain(flaggedOnly.id);
      expect(q).not.toContain(untouched.id);
      const kept = await svc.moderateReport(env.deps, gridWorkerA, hiddenOne.id, { decision: 'hide', note: '含住址' });
      expect(kept).toMatchObject({ hidden: true, moderation: 'hide' });
      q = await queueIds();
      expect(q).not.toContain(hiddenOne.id);
      expect(await codeOf(svc.getPublicReport(env.deps, hiddenOne.id))).toBe('NOT_FOUND');
    } finally {
      await updateReportSettings(env.deps, districtAdmin, tree.district.id, { flagThreshold: 3 });
    }
  });

  it('lets a rider with no home anywhere report in a community they pick: categories, grids, photos, nearby, report', async () => {
    const elsewhere = await makeTree(env.deps, `镜园区${Date.now() % 100000}`);
    const rider = await actorOf(env.deps, await makeUser(env.deps));
    // Without a community (and no home), there is no district to default to.
    expect(await codeOf(svc.reportCategoriesFor(env.deps, rider, {}))).toBe('NOT_FOUND');
    const cats = await svc.reportCategoriesFor(env.deps, rider, { communityId: elsewhere.communityA.id });
    expect(cats).toMatchObject({
      districtId: elsewhere.district.id,
      communityId: elsewhere.communityA.id,
      grids: [{ id: elsewhere.gridA.id, name: '甲一网格' }],
    });
    expect(cats.categories.length).toBeGreaterThan(0);
    // Only { id, name } of each grid: nothing else of the org tree.
    expect(Object.keys(cats.grids[0]!).sort()).toEqual(['id', 'name']);
    // A district named outright works too; a community and a district that disagree do not.
    expect((await svc.reportCategoriesFor(env.deps, rider, { districtId: elsewhere.district.id })).grids).toEqual([]);
    expect(
      await codeOf(
        svc.reportCategoriesFor(env.deps, rider, {
          communityId: elsewhere.communityA.id,
          districtId: tree.district.id,
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    // Not a community, unknown, or archived: not found.
    expect(await codeOf(svc.reportCategoriesFor(env.deps, rider, { communityId: elsewhere.gridA.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(svc.reportCategoriesFor(env.deps, rider, { communityId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }))).toBe(
      'NOT_FOUND',
    );
    await env.deps.db
      .updateTable('org_nodes')
      .set({ archived_at: new Date().toISOString() })
      .where('id', '=', elsewhere.communityA2.id)
      .execute();
    expect(await codeOf(svc.reportCategoriesFor(env.deps, rider, { communityId: elsewhere.communityA2.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(submit(env.deps, rider, { communityId: elsewhere.communityA2.id }))).toBe('VALIDATION_FAILED');

    // A photo for that community lands in its district; nearby reports of that district are offered.
    const photo = await uploadReportPhoto(env.deps, rider, {
      contentBase64: (await pngOf(40, 30)).toString('base64'),
      communityId: elsewhere.communityA.id,
    });
    const stored = await env.deps.db
      .selectFrom('report_photos')
      .select(['district_id'])
      .where('id', '=', photo.id)
      .executeTakeFirstOrThrow();
    expect(stored.district_id).toBe(elsewhere.district.id);
    expect(
      await codeOf(
        uploadReportPhoto(env.deps, rider, {
          contentBase64: (await pngOf(40, 30)).toString('base64'),
          communityId: elsewhere.communityA2.id,
        }),
      ),
    ).toBe('NOT_FOUND');
    const local = await residentAt(env.deps, elsewhere.gridA);
    const lat = 30.5;
    const lng = 114.3;
    const first = await submit(env.deps, local, { category: 'hazard', lat, lng });
    const nearby = await svc.listNearbyOpenReports(env.deps, rider, {
      category: 'hazard',
      lat,
      lng,
      coord: 'wgs84',
      communityId: elsewhere.communityA.id,
    });
    expect(nearby.items.map((i) => i.id)).toEqual([first.id]);
    // Without naming the place, a rider with no home sees nothing (no district to look in).
    expect(
      (await svc.listNearbyOpenReports(env.deps, rider, { category: 'hazard', lat, lng, coord: 'wgs84' })).items,
    ).toEqual([]);

    // The report at the grid they picked, with the photo; staff of that grid see it, the rider reads their own.
    const r = await submit(env.deps, rider, {
      category: 'hazard',
      gridId: cats.grids[0]!.id,
      photoIds: [photo.id],
      lat: lat + 0.01,
      lng,
    });
    expect(r).toMatchObject({
      districtId: elsewhere.district.id,
      communityId: elsewhere.communityA.id,
      gridId: elsewhere.gridA.id,
      photos: [{ id: photo.id }],
      mine: true,
    });
    expect((await svc.getReport(env.deps, rider, r.id)).mine).toBe(true);
    const worker = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'grid_worker', roleNode: elsewhere.gridA }),
    );
    expect((await svc.getReport(env.deps, worker, r.id)).id).toBe(r.id);
    // Other scope rules hold: another district's staff and other residents are told "not found".
    expect(await codeOf(svc.getReport(env.deps, gridWorkerA, r.id))).toBe('NOT_FOUND');
    expect(await codeOf(svc.getReport(env.deps, local, r.id))).toBe('NOT_FOUND');
    expect((await svc.listReports(env.deps, gridWorkerA, { limit: 200 })).items.map((i) => i.id)).not.toContain(r.id);
  });

  it('offers a resident their home community’s grids in the categories reply', async () => {
    const me = await residentAt(env.deps, tree.gridA);
    const cats = await svc.reportCategoriesFor(env.deps, me, {});
    expect(cats).toMatchObject({
      districtId: tree.district.id,
      communityId: tree.communityA.id,
      grids: [{ id: tree.gridA.id, name: '甲一网格' }],
    });
    const b = await svc.reportCategoriesFor(env.deps, me, { communityId: tree.communityB.id });
    expect(b).toMatchObject({ communityId: tree.communityB.id, grids: [{ id: tree.gridB.id, name: '乙一网格' }] });
    expect((await svc.reportCategoriesFor(env.deps, me, { communityId: tree.communityA2.id })).grids).toEqual([]);
  });
});
