// Who may do what with a report: staff holding report.manage over its grid (or, without a grid, its community) manage
// it; a grid worker also manages the grid-less reports of their community, so nothing waits unseen. The reporter acts
// on their own report with no grant; people who joined it may read it. Anyone else is told "not found".
import { type Actor, can, type Reach, reachesOf } from '../../platform/permissions.js';
import type { ReportRow } from './reports.repository.js';

/** The org path a report is scoped by: its grid's when it has one, else its community's. */
export function scopePathOf(r: Pick<ReportRow, 'grid_path' | 'community_path'>): string {
  return r.grid_path ?? r.community_path;
}

/** The community of each grid-or-building reach (the third node on its path: district / street / community / …). */
export function communitiesAbove(reaches: readonly Reach[]): Reach[] {
  const out: Reach[] = [];
  for (const r of reaches) {
    const ids = r.path.split('/').filter(Boolean);
    if (ids.length >= 4) out.push({ districtId: r.districtId, path: `/${ids.slice(0, 3).join('/')}/` });
  }
  return out;
}

/** The reaches where the actor manages reports (empty for residents). */
export function reportReaches(actor: Actor): Reach[] {
  return reachesOf(actor, 'report.manage');
}

/** Whether the actor manages reports at a place: its grid (or community), or a grid-less report of their community. */
export function canManageAt(
  actor: Actor,
  at: { districtId: string; gridPath: string | null; communityPath: string },
): boolean {
  if (can(actor, 'report.manage', { districtId: at.districtId, path: at.gridPath ?? at.communityPath })) return true;
  return (
    at.gridPath === null &&
    communitiesAbove(reportReaches(actor)).some((c) => c.districtId === at.districtId && c.path === at.communityPath)
  );
}

export function canManageReport(actor: Actor, r: ReportRow): boolean {
  return canManageAt(actor, { districtId: r.district_id, gridPath: r.grid_path, communityPath: r.community_path });
}

export function isReporter(actor: Actor, r: Pick<ReportRow, 'reporter_user_id'>): boolean {
  return r.reporter_user_id === actor.userId;
}

/** On the public board: public and not hidden. */
export function isPublic(r: Pick<ReportRow, 'visibility' | 'hidden'>): boolean {
  return r.visibility === 'public' && r.hidden === 0;
}
