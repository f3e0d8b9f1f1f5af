// Who sees the 随手拍 board: holders of 'report.manage' (grid workers, community, street and district admins).
import type { Me, Role } from '../../../shared/types';

const REPORT_ROLES: readonly Role[] = ['district_admin', 'street_admin', 'community_admin', 'grid_worker'];

export function isReportStaff(me: Me): boolean {
  return me.roles.some((r) => REPORT_ROLES.includes(r.role));
}
