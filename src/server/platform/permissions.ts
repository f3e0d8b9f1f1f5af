// Roles, permissions and scope: the one permission check every route and service uses.
// A role assignment sits on an org node; it reaches that node and everything below it (path prefix).
import { AppError, notFound } from './errors.js';

export const ROLES = [
  'volunteer',
  'team_leader',
  'social_worker',
  'grid_worker',
  'community_admin',
  'street_admin',
  'district_admin',
  'merchant_staff',
  'partner_contact',
  'mediator',
  'mediation_lead',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['district', 'street', 'community', 'grid', 'building'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export type Permission =
  | 'org.read'
  | 'org.manage'
  | 'people.read'
  | 'people.reveal'
  | 'role.grant'
  | 'audit.read'
  | 'volunteer.read'
  | 'volunteer.review'
  | 'activity.manage'
  | 'record.accept'
  | 'points.manage'
  | 'mall.manage'
  | 'people.reset'
  /** Needs (需求清单): see, triage, match, invite, dispatch; record a need for a resident (proxy). */
  | 'need.manage'
  /** Resources and projects (资源清单/项目清单), project claims, suggestion answers. */
  | 'project.manage'
  /** The community's mediation lead (调解负责人): sees its mediation cases, assigns mediators. Nobody else holds it. */
  | 'mediation.lead'
  /** Anonymous mediation statistics (counts by type, outcome and month, small counts hidden); never a case. */
  | 'mediation.stats'
  /** The service map's points (15分钟服务圈). */
  | 'servicepoint.manage'
  /** Grid reports (随手拍): see, accept, assign, work and resolve, reject or merge, moderate flagged ones. */
  | 'report.manage'
  /** The care registry (关爱台账): register vulnerable residents, set tiers, assign visitors, see alerts. */
  | 'care.manage';

const ADMIN: Permission[] = [
  'org.read',
  'org.manage',
  'people.read',
  'people.reveal',
  'people.reset',
  'role.grant',
  'audit.read',
  'volunteer.read',
  'volunteer.review',
  'activity.manage',
  'record.accept',
  'points.manage',
  'mall.manage',
  'need.manage',
  'project.manage',
  'mediation.stats',
  'servicepoint.manage',
  'report.manage',
  'care.manage',
];

/** What each role may do within its node's subtree. Residents need no grant: they act on their own data. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  district_admin: ADMIN,
  street_admin: ADMIN,
  community_admin: ADMIN,
  grid_worker: ['org.read', 'people.read', 'volunteer.read', 'need.manage', 'report.manage', 'care.manage'],
  social_worker: [
    'org.read',
    'people.read',
    'volunteer.read',
    'need.manage',
    'project.manage',
    'mediation.stats',
    'care.manage',
  ],
  team_leader: [],
  volunteer: [],
  merchant_staff: [],
  partner_contact: [],
  // Mediators act on the cases they are assigned to (mediation module), with no permission over a scope.
  mediator: [],
  // A community admin does not read mediation cases: only the parties, the assigned mediators and this lead do.
  mediation_lead: ['mediation.lead', 'mediation.stats'],
  // Platform operators hold no district data: they may only start new districts (isPlatformAdmin).
  platform_admin: [],
};

/** The node kinds each role can be granted on. */
export const ROLE_NODE_KINDS: Record<Role, readonly OrgKind[]> = {
  district_admin: ['district'],
  street_admin: ['street'],
  community_admin: ['community'],
  grid_worker: ['grid'],
  social_worker: ['street', 'community'],
  team_leader: ['community'],
  volunteer: ['community'],
  merchant_staff: ['street', 'community'],
  partner_contact: ['street', 'community'],
  mediator: ['community'],
  mediation_lead: ['community'],
  // Held on no node: granted with `linli platform-admin --phone …` (table platform_admins), never in the console.
  platform_admin: [],
};

/** Seniority for granting: an admin grants only roles ranked below their own (district admins also their peers). */
const RANK: Record<Role, number> = {
  platform_admin: 4,
  district_admin: 3,
  street_admin: 2,
  community_admin: 1,
  grid_worker: 0,
  social_worker: 0,
  team_leader: 0,
  volunteer: 0,
  merchant_staff: 0,
  partner_contact: 0,
  mediator: 0,
  mediation_lead: 0,
};

/** Roles shown in the staff console (they hold at least one permission). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => ROLE_PERMISSIONS[r].length > 0);

export interface ActorRole {
  assignmentId: string;
  role: Role;
  districtId: string;
  nodeId: string;
  /** Path of the node the role sits on. */
  path: string;
}

/** Who is acting: the logged-in person, their live role assignments, and the request for the audit log. */
export interface Actor {
  userId: string;
  displayName: string;
  roles: ActorRole[];
  requestId: string | null;
}

export interface ScopedTarget {
  districtId: string;
  path: string;
}

/** The nodes (district + path prefix) where the actor holds the permission. */
export function grantsFor(actor: Actor, permission: Permission): ActorRole[] {
  return actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission));
}

/** Where a grant reaches: a district and an org path prefix (the node the role sits on and everything below). */
export interface Reach {
  districtId: string;
  path: string;
}

/** The reaches (district + path prefix) where the actor holds the permission; feed them to org's `nodesWithin`. */
export function reachesOf(actor: Actor, permission: Permission): Reach[] {
  return grantsFor(actor, permission).map((g) => ({ districtId: g.districtId, path: g.path }));
}

/** True when the actor holds the permission at the target or an ancestor of it. */
export function can(actor: Actor, permission: Permission, target: ScopedTarget): boolean {
  return grantsFor(actor, permission).some((g) => g.districtId === target.districtId && target.path.startsWith(g.path));
}

/** True when the actor holds the permission at a strict ancestor of the target (to move or archive it). */
export function canAbove(actor: Actor, permission: Permission, target: ScopedTarget): boolean {
  return grantsFor(actor, permission).some(
    (g) => g.districtId === target.districtId && target.path.startsWith(g.path) && target.path !== g.path,
  );
}

/** Throws NOT_FOUND (never "forbidden") when the actor may not act on the target. */
export function authorize(actor: Actor, permission: Permission, target: ScopedTarget, entity: string): void {
  if (!can(actor, permission, target)) throw notFound(entity);
}

/** Checks that the actor may grant or revoke `role` on a node at `target`. */
export function authorizeRoleGrant(actor: Actor, role: Role, target: ScopedTarget): void {
  const grants = grantsFor(actor, 'role.grant').filter(
    (g) => g.districtId === target.districtId && target.path.startsWith(g.path),
  );
  if (grants.length === 0) throw notFound('org_node');
  const ok = grants.some((g) => RANK[role] < RANK[g.role] || g.role === 'district_admin');
  if (!ok) throw new AppError('ROLE_NOT_GRANTABLE', { role });
}

/** The kind a child of `kind` must have, or null for buildings (leaves). */
export function childKind(kind: OrgKind): OrgKind | null {
  const i = ORG_KINDS.indexOf(kind);
  return i >= 0 ? (ORG_KINDS[i + 1] ?? null) : null;
}

/** True when the actor is a platform operator (role platform_admin, held on no node). */
export function isPlatformAdmin(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'platform_admin');
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
