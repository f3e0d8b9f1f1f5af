// The report jobs, run from a worker tick (and safe to run twice or at once on two processes):
// - escalation: an open report past its level's deadline goes up a level (grid → community → street) with a fresh
//   deadline, a timeline entry, an event the notifications module turns into a notice for that level's staff, and an
//   audit entry; each report in its own transaction, written at its version, so a twin run changes nothing twice;
// - unattached photos (uploaded, never used by a report within a day) are removed, row then files;
// - auto-confirmation: a resolved report its reporter has not answered within the district's days is confirmed by the
//   system — through the same step as the reporter's, so the reward is paid exactly once (the version check lets one
//   of two racing confirmations through, and the ledger key `report-reward:<id>` refuses a second journal).
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { uploadsStorage } from '../../platform/storage.js';
import { startWorker, type Worker } from '../../platform/worker.js';
import { inTransaction } from '../../db/transaction.js';
import { getReportSettings } from '../settings/index.js';
import { reportEscalated } from './reports.events.js';
import { scopePathOf } from './reports.policy.js';
import * as repo from './reports.repository.js';
import { deadlineAt, isOverdue, nextLevel, type ReportLevel, type ReportState } from './reports.rules.js';
import { stepReport } from './reports.service.js';

const BATCH = 200;

/** Words of an escalation on the timeline. */
const ESCALATION_NOTE: Record<'community' | 'street', string> = {
  community: '超过网格办理时限，已升级到社区处理',
  street: '超过社区办理时限，已升级到街道处理',
};

/** Escalates one report if it is still overdue below street level; false when there was nothing to do. */
async function escalateOne(deps: Deps, id: string): Promise<boolean> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findReportById(trx, id);
    const now = deps.clock.now();
    if (!row || !isOverdue(row.status as ReportState, row.due_at, now)) return false;
    const next = nextLevel(row.level as ReportLevel);
    if (next === null || next === 'grid') return false;
    const settings = await getReportSettings(trx, row.district_id);
    const at = iso(now);
    const ok = await repo.updateReportAtVersion(trx, row.district_id, row.id, Number(row.version), {
      level: next,
      level_since: at,
      due_at: iso(deadlineAt(next, now, settings)),
      updated_at: at,
    });
    if (!ok) return false;
    await repo.insertStep(trx, {
      district_id: row.district_id,
      id: newId(),
      report_id: row.id,
      kind: 'escalate',
      from_status: null,
      to_status: null,
      actor_kind: 'system',
      actor_user_id: null,
      note: ESCALATION_NOTE[next],
      created_at: at,
    });
    // The node of the new level: the community itself, or the street above it (/district/street/community/).
    const ids = row.community_path.split('/').filter(Boolean);
    const nodeId = next === 'community' ? row.community_id : (ids[1] ?? row.community_id);
    await reportEscalated.emit(trx, deps.clock, {
      districtId: row.district_id,
      refId: `${row.id}:${next}`,
      payload: {
        reportId: row.id,
        level: next,
        nodeId,
        categoryName: settings.categories.find((c) => c.key === row.category)?.name ?? row.category,
      },
    });
    await recordAudit(trx, deps.clock, null, {
      districtId: row.district_id,
      action: 'report.escalated',
      targetType: 'report',
      targetId: row.id,
      scopeNodeId: row.grid_id ?? row.community_id,
      scopePath: scopePathOf(row),
      details: { from: row.level, to: next, dueAt: row.due_at },
    });
    return true;
  });
}

/** Escalates every overdue open report below street level; returns how many went up. */
export async function escalateOverdueReports(deps: Deps): Promise<number> {
  let done = 0;
  const seen = new Set<string>();
  for (;;) {
    const rows = (await repo.overdueToEscalate(deps.db, iso(deps.clock.now()), BATCH)).filter((r) => !seen.has(r.id));
    if (rows.length === 0) return done;
    for (const r of rows) {
      seen.add(r.id);
      if (await escalateOne(deps, r.id)) done += 1;
    }
  }
}

/** Confirms one resolved report for its silent reporter; false when it was no longer waiting (or someone won). */
async function autoConfirmOne(deps: Deps, id: string, cutoff: string, days: number): Promise<boolean> {
  try {
    return await inTransaction(deps.db, async ({ trx }) => {
      const row = await repo.findReportById(trx, id);
      if (!row || row.status !== 'resolved' || !row.resolved_at || row.resolved_at > cutoff) return false;
      await stepReport(deps, trx, row, 'confirm', 'system', null, {
        note: `上报人 ${days} 天内未反馈，系统自动确认`,
      });
      return true;
    });
  } catch (err) {
    // The reporter (or a twin run) confirmed or reopened it meanwhile: nothing to do.
    if (err instanceof AppError && (err.code === 'REPORT_CHANGED' || err.code === 'REPORT_STATE')) return false;
    throw err;
  }
}

/** Confirms every resolved report whose reporter stayed silent for the district's days; returns how many. */
export async function autoConfirmReports(deps: Deps): Promise<number> {
  let done = 0;
  const now = deps.clock.now().getTime();
  for (const districtId of await repo.districtsWithResolved(deps.db)) {
    const settings = await getReportSettings(deps.db, districtId);
    const cutoff = new Date(now - settings.autoConfirmDays * 86_400_000).toISOString();
    const seen = new Set<string>();
    for (;;) {
      const rows = (await repo.resolvedBefore(deps.db, districtId, cutoff, BATCH)).filter((r) => !seen.has(r.id));
      if (rows.length === 0) break;
      for (const r of rows) {
        seen.add(r.id);
        if (await autoConfirmOne(deps, r.id, cutoff, settings.autoConfirmDays)) done += 1;
      }
    }
  }
  return done;
}

/** Photos uploaded but never attached to a report are removed after this long (files, then the row). */
export const UNATTACHED_PHOTO_MS = 24 * 3600_000;

/** Removes photos nobody attached within a day: the row first (only if still unattached), then its files. */
export async function removeUnattachedPhotos(deps: Deps): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - UNATTACHED_PHOTO_MS).toISOString();
  const storage = uploadsStorage(deps.config.dataDir);
  let done = 0;
  for (;;) {
    const rows = await repo.unattachedPhotosBefore(deps.db, cutoff, BATCH);
    if (rows.length === 0) return done;
    for (const p of rows) {
      const gone = await inTransaction(deps.db, ({ trx }) => repo.deleteUnattachedPhoto(trx, p.district_id, p.id));
      if (!gone) continue;
      await storage.delete(p.storage_key);
      await storage.delete(p.thumb_key);
      done += 1;
    }
    if (rows.length < BATCH) return done;
  }
}

/** One tick of the report jobs. */
export async function runReportJobs(
  deps: Deps,
): Promise<{ escalated: number; confirmed: number; photosRemoved: number }> {
  const escalated = await escalateOverdueReports(deps);
  const confirmed = await autoConfirmReports(deps);
  const photosRemoved = await removeUnattachedPhotos(deps);
  return { escalated, confirmed, photosRemoved };
}

/** Starts the report jobs every minute (escalation and auto-confirmation); `stop` on shutdown. */
export function startReportWorker(deps: Deps, log: (err: unknown) => void): Worker {
  return startWorker({ everyMs: 60_000, onError: log, job: () => runReportJobs(deps) });
}
