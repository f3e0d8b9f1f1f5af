// Who sees mediation in the console: the community's mediation lead and mediators (their cases), and staff who read
// the anonymous statistics. A person whose only staff roles are mediation ones sees only the 调解 menu.
import type { Me, Role } from '../../../shared/types';

const MEDIATION_ROLES: readonly Role[] = ['mediation_lead', 'mediator'];
const STATS_ROLES: readonly Role[] = [
  'district_admin',
  'street_admin',
  'community_admin',
  'social_worker',
  'mediation_lead',
];

export function handlesCases(me: Me): boolean {
  return me.roles.some((r) => MEDIATION_ROLES.includes(r.role));
}

export function readsStats(me: Me): boolean {
  return me.roles.some((r) => STATS_ROLES.includes(r.role));
}

export function seesMediation(me: Me): boolean {
  return handlesCases(me) || readsStats(me);
}

/** True when every console role of the person is a mediation one (the rest of the console shows them nothing). */
export function mediationOnly(me: Me, staffRoles: readonly Role[]): boolean {
  const staff = me.roles.filter((r) => staffRoles.includes(r.role));
  return staff.length > 0 && staff.every((r) => MEDIATION_ROLES.includes(r.role));
}

/** The menu for the person: only 调解 for mediation-only people. */
export function mediationMenu<T extends { key?: unknown } | null>(
  me: Me,
  staffRoles: readonly Role[],
  items: T[],
): T[] {
  return mediationOnly(me, staffRoles) ? items.filter((i) => i?.key === '/mediation') : items;
}
