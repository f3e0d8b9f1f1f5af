// Use cases staff perform on people: find them in scope, reveal personal data (logged), grant and revoke roles.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { must, onlyRow } from '../../platform/must.js';
import { countRows, type CountedPage, decodeCursor, toPage } from '../../platform/pagination.js';
import {
  type Actor,
  authorizeRoleGrant,
  can,
  grantsFor,
  reachesOf,
  type OrgKind,
  type Role,
  ROLE_NODE_KINDS,
  ROLES,
} from '../../platform/permissions.js';
import { maskPhone, PHONE_RE } from '../../platform/privacy.js';
import { ROLE_TEXTS } from '../../platform/messages.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode, nodeNamesOf } from '../org/index.js';
import * as repo from './accounts.repository.js';
import { hashPassword } from '../../platform/passwords.js';
import { newTemporaryPassword, type RoleAssignment, toRoleAssignment } from './accounts.service.js';
import { delaysOf, phoneKey } from './accounts.throttle.js';

export interface Person {
  id: string;
  displayName: string;
  realNameMasked: string | null;
  phoneMasked: string;
  idNumberMasked: string | null;
  homeNodeId: string | null;
  homeNodeName: string | null;
  roles: RoleAssignment[];
  createdAt: string;
  lockedUntil: string | null;
}

/** The org node a person lives at (community, grid or building) with its path, or undefined; for other modules. */
export async function homeNodeOf(
  db: Executor,
  userId: string,
): Promise<{ district_id: string; id: string; path: string } | undefined> {
  const person = await repo.findPersonHome(db, userId);
  if (!person?.homeDistrictId || !person.homeNodeId) return undefined;
  const node = await findNode(db, person.homeNodeId);
  return node && node.district_id === person.homeDistrictId ? node : undefined;
}

async function presentPeople(deps: Deps, db: Executor, users: repo.UserRow[]): Promise<Person[]> {
  const roles = await repo.listActiveRoles(
    db,
    users.map((u) => u.id),
  );
  const names = new Map<string, string>();
  for (const districtId of new Set(users.map((u) => u.home_district_id))) {
    if (!districtId) continue;
    const homes = users.filter((u) => u.home_district_id === districtId).map((u) => u.home_node_id);
    for (const [id, name] of await nodeNamesOf(
      db,
      districtId,
      homes.filter((x): x is string => !!x),
    ))
      names.set(id, name);
  }
  const delays = await delaysOf(
    db,
    users.map((u) => u.phone_index),
    deps.clock.now(),
  );
  return users.map((u) => ({
    id: u.id,
    displayName: u.display_name,
    realNameMasked: u.real_name_masked,
    phoneMasked: maskPhone(deps.cipher.decrypt(u.phone_enc)),
    idNumberMasked: u.id_number_masked,
    homeNodeId: u.home_node_id,
    homeNodeName: u.home_node_id ? (names.get(u.home_node_id) ?? null) : null,
    roles: roles.filter((r) => r.user_id === u.id).map(toRoleAssignment),
    createdAt: u.created_at,
    lockedUntil: delays.get(u.phone_index) ?? null,
  }));
}

/** People living in or holding a role within the actor's scope; search by exact phone or part of the name. */
export async function listPeople(
  deps: Deps,
  actor: Actor,
  q: { q?: string; nodeId?: string; role?: Role; cursor?: string; limit?: number },
): Promise<CountedPage<Person>> {
  const limit = q.limit ?? 20;
  let reaches = reachesOf(actor, 'people.read');
  if (q.nodeId) {
    const node = await findNode(deps.db, q.nodeId);
    if (!node || !can(actor, 'people.read', { districtId: node.district_id, path: node.path }))
      throw notFound('org_node');
    reaches = [{ districtId: node.district_id, path: node.path }];
  }
  if (reaches.length === 0) return { items: [], nextCursor: null, total: 0 };
  const term = q.q?.trim();
  const filter = {
    reaches,
    phoneIndex: term && PHONE_RE.test(term) ? deps.cipher.blindIndex('phone', term) : undefined,
    nameLike: term && !PHONE_RE.test(term) ? term : undefined,
    role: q.role,
  };
  const rows = await repo.listPeopleWithin(deps.db, { ...filter, beforeId: decodeCursor(q.cursor), limit: limit + 1 });
  const total = await countRows(repo.peopleWithinFiltered(deps.db, filter));
  const page = toPage(
    rows,
    limit,
    (r) => r.id,
    (r) => r,
  );
  return { items: await presentPeople(deps, deps.db, page.items), nextCursor: page.nextCursor, total };
}

async function getPersonInScope(
  deps: Deps,
  actor: Actor,
  id: string,
  permission: 'people.read' | 'people.reveal' | 'people.reset',
) {
  const reaches = reachesOf(actor, permission);
  if (reaches.length === 0) throw notFound('person');
  const [user] = await repo.listPeopleWithin(deps.db, { reaches, userId: id, beforeId: null, limit: 1 });
  if (!user) throw notFound('person');
  return user;
}

/** One person in scope (masked). */
export async function getPerson(deps: Deps, actor: Actor, id: string): Promise<Person> {
  const user = await getPersonInScope(deps, actor, id, 'people.read');
  return onlyRow(await presentPeople(deps, deps.db, [user]), 'person');
}

/** Unmasked phone, real name and ID number of a person in scope; every call lands in the audit log. */
export async function revealPerson(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ phone: string; realName: string | null; idNumber: string | null }> {
  const user = await getPersonInScope(deps, actor, id, 'people.reveal');
  const grant = must(grantsFor(actor, 'people.reveal')[0], 'a grant of people.reveal'); // getPersonInScope checked it
  await inTransaction(deps.db, async ({ trx }) => {
    const home = user.home_node_id ? await findNode(trx, user.home_node_id) : undefined;
    const scope =
      home && can(actor, 'people.reveal', { districtId: home.district_id, path: home.path })
        ? { districtId: home.district_id, nodeId: home.id, path: home.path }
        : { districtId: grant.districtId, nodeId: grant.nodeId, path: grant.path };
    await recordAudit(trx, deps.clock, actor, {
      districtId: scope.districtId,
      action: 'person.reveal',
      targetType: 'person',
      targetId: id,
      scopeNodeId: scope.nodeId,
      scopePath: scope.path,
      details: { fields: ['phone', 'realName', 'idNumber'] },
    });
  });
  return {
    phone: deps.cipher.decrypt(user.phone_enc),
    realName: deps.cipher.decryptNullable(user.real_name_enc),
    idNumber: deps.cipher.decryptNullable(user.id_number_enc),
  };
}

/**
 * Staff reset a forgotten password: a one-time password, shown once to them, that the person must change at the next
 * login (until then every other call answers 403 PASSWORD_CHANGE_REQUIRED). Every session of the person ends.
 * Staff may reset only people whose every role they could grant themselves, so no one takes over a senior account.
 */
export async function resetPassword(deps: Deps, actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
  const user = await getPersonInScope(deps, actor, id, 'people.reset');
  if (user.id === actor.userId) throw new AppError('RESET_NOT_ALLOWED');
  const roles = await repo.listActiveRoles(deps.db, [user.id]);
  for (const r of roles) {
    try {
      authorizeRoleGrant(actor, r.role as Role, { districtId: r.district_id, path: r.node_path });
    } catch {
      throw new AppError('RESET_NOT_ALLOWED');
    }
  }
  if (await repo.findPlatformAdmin(deps.db, user.id)) throw new AppError('RESET_NOT_ALLOWED');
  const temporaryPassword = newTemporaryPassword();
  const hash = await hashPassword(temporaryPassword);
  const grant = must(grantsFor(actor, 'people.reset')[0], 'a grant of people.reset'); // checked in scope above
  await inTransaction(deps.db, async ({ trx }) => {
    await repo.updateUser(trx, user.id, {
      password_hash: hash,
      must_change_password: 1,
      updated_at: iso(deps.clock.now()),
    });
    await repo.deleteThrottle(trx, phoneKey(user.phone_index));
    await repo.deleteAllSessions(trx, user.id);
    const home = user.home_node_id ? await findNode(trx, user.home_node_id) : undefined;
    const scope =
      home && can(actor, 'people.reset', { districtId: home.district_id, path: home.path })
        ? { districtId: home.district_id, nodeId: home.id, path: home.path }
        : { districtId: grant.districtId, nodeId: grant.nodeId, path: grant.path };
    await recordAudit(trx, deps.clock, actor, {
      districtId: scope.districtId,
      action: 'account.password_reset',
      targetType: 'person',
      targetId: user.id,
      scopeNodeId: scope.nodeId,
      scopePath: scope.path,
      details: { personName: user.display_name },
    });
  });
  return { temporaryPassword };
}

/**
 * Staff (people.reset in scope) lift a person's sign-in delay at once: the failures counted against their phone number
 * are forgotten (a delay on an attacker's address stays). Audited as person.unlocked.
 */
export async function unlockAccount(deps: Deps, actor: Actor, id: string): Promise<void> {
  const user = await getPersonInScope(deps, actor, id, 'people.reset');
  const grant = must(grantsFor(actor, 'people.reset')[0], 'a grant of people.reset'); // checked in scope above
  const lockedUntil = (await delaysOf(deps.db, [user.phone_index], deps.clock.now())).get(user.phone_index) ?? null;
  await inTransaction(deps.db, async ({ trx }) => {
    await repo.deleteThrottle(trx, phoneKey(user.phone_index));
    const home = user.home_node_id ? await findNode(trx, user.home_node_id) : undefined;
    const scope =
      home && can(actor, 'people.reset', { districtId: home.district_id, path: home.path })
        ? { districtId: home.district_id, nodeId: home.id, path: home.path }
        : { districtId: grant.districtId, nodeId: grant.nodeId, path: grant.path };
    await recordAudit(trx, deps.clock, actor, {
      districtId: scope.districtId,
      action: 'person.unlocked',
      targetType: 'person',
      targetId: user.id,
      scopeNodeId: scope.nodeId,
      scopePath: scope.path,
      details: { personName: user.display_name, lockedUntil },
    });
  });
}

/** Grants a role on a node, inside the caller's transaction, without permission checks (demo seed, CLI). */
export async function insertRole(
  deps: Deps,
  trx: Executor,
  input: { userId: string; role: Role; districtId: string; nodeId: string; grantedBy: string | null },
): Promise<string> {
  const id = newId();
  await repo.insertRoleAssignment(trx, {
    district_id: input.districtId,
    id,
    user_id: input.userId,
    role: input.role,
    node_id: input.nodeId,
    granted_by: input.grantedBy,
    granted_at: iso(deps.clock.now()),
    revoked_by: null,
    revoked_at: null,
  });
  return id;
}

/** Grants a role inside the caller's transaction unless the person already holds it there (approvals, filings). */
export async function ensureRole(
  deps: Deps,
  trx: Executor,
  input: { userId: string; role: Role; districtId: string; nodeId: string; grantedBy: string | null },
): Promise<void> {
  if (!(await repo.findActiveRole(trx, input.userId, input.role, input.districtId, input.nodeId)))
    await insertRole(deps, trx, input);
}

/** Grants a role to a person on a node within the actor's scope. */
export async function grantRole(
  deps: Deps,
  actor: Actor,
  input: { userId: string; role: Role; nodeId: string },
): Promise<RoleAssignment> {
  return inTransaction(deps.db, async ({ trx }) => {
    const node = await findNode(trx, input.nodeId);
    if (!node || node.archived_at) throw notFound('org_node');
    const target = { districtId: node.district_id, path: node.path };
    authorizeRoleGrant(actor, input.role, target);
    if (!ROLE_NODE_KINDS[input.role].includes(node.kind as OrgKind)) {
      throw new AppError('ROLE_NODE_KIND', { role: input.role, kinds: [...ROLE_NODE_KINDS[input.role]] });
    }
    const user = await repo.findUserById(trx, input.userId);
    if (!user) throw notFound('person');
    if (await repo.findActiveRole(trx, user.id, input.role, node.district_id, node.id)) {
      throw new AppError('ROLE_ALREADY_HELD', { role: input.role });
    }
    const id = await insertRole(deps, trx, {
      userId: user.id,
      role: input.role,
      districtId: node.district_id,
      nodeId: node.id,
      grantedBy: actor.userId,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: node.district_id,
      action: 'role.grant',
      targetType: 'person',
      targetId: user.id,
      scopeNodeId: node.id,
      scopePath: node.path,
      details: { role: input.role, nodeName: node.name, assignmentId: id, personName: user.display_name },
    });
    return toRoleAssignment((await repo.findRoleAssignment(trx, id))!);
  });
}

/** Revokes a role assignment within the actor's scope. */
export async function revokeRole(deps: Deps, actor: Actor, assignmentId: string): Promise<void> {
  await inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findRoleAssignment(trx, assignmentId);
    if (!row) throw notFound('role_assignment');
    if (!can(actor, 'role.grant', { districtId: row.district_id, path: row.node_path }))
      throw notFound('role_assignment');
    if (
      row.user_id === actor.userId &&
      (row.role === 'district_admin' || row.role === 'street_admin' || row.role === 'community_admin')
    ) {
      throw new AppError('ROLE_SELF_REVOKE');
    }
    authorizeRoleGrant(actor, row.role as Role, { districtId: row.district_id, path: row.node_path });
    await repo.revokeRoleAssignment(trx, row.district_id, row.id, actor.userId, iso(deps.clock.now()));
    await recordAudit(trx, deps.clock, actor, {
      districtId: row.district_id,
      action: 'role.revoke',
      targetType: 'person',
      targetId: row.user_id,
      scopeNodeId: row.node_id,
      scopePath: row.node_path,
      details: { role: row.role, nodeName: row.node_name, assignmentId: row.id },
    });
  });
}

/** The grantable roles, their names and the node kinds each goes on. */
export function listRoleCatalog(): Array<{ role: Role; nameZh: string; nameEn: string; nodeKinds: OrgKind[] }> {
  return ROLES.filter((role) => ROLE_NODE_KINDS[role].length > 0).map((role) => {
    const text = must(ROLE_TEXTS[role], `the name of role ${role}`);
    return { role, nameZh: text.zh, nameEn: text.en, nodeKinds: [...ROLE_NODE_KINDS[role]] };
  });
}
