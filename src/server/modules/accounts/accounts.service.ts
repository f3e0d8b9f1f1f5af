// Use cases of one's own account: register, log in and out, sessions, profile, password.
import { randomInt } from 'node:crypto';
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { randomToken, hashToken } from '../../platform/crypto.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { dummyHash, hashPassword, passwordWeakness, verifyPassword } from '../../platform/passwords.js';
import { type Actor, type ActorRole, isRole, type OrgKind, type Role } from '../../platform/permissions.js';
import { maskIdNumber, maskName, maskPhone } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import * as repo from './accounts.repository.js';
import { admitAttempt, attemptSucceeded } from './accounts.throttle.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS, SESSION_REFRESH_MS } from './accounts.rules.js';

export interface RoleAssignment {
  id: string;
  userId: string;
  role: Role;
  nodeId: string;
  nodeName: string;
  nodeKind: OrgKind;
  districtId: string;
  grantedAt: string;
}

export interface Me {
  id: string;
  phoneMasked: string;
  displayName: string;
  realNameMasked: string | null;
  idNumberMasked: string | null;
  homeNodeId: string | null;
  homeNodeName: string | null;
  locale: 'zh-CN' | 'en';
  elderMode: boolean;
  roles: RoleAssignment[];
  /** True after staff set a temporary password: the person must change it before anything else. */
  mustChangePassword: boolean;
  /** A platform operator (may start new districts). */
  platformAdmin: boolean;
}

export interface SessionStart {
  token: string;
  csrfToken: string;
  me: Me;
}

/** Presents a role row. */
export function toRoleAssignment(r: repo.RoleRow): RoleAssignment {
  return {
    id: r.id,
    userId: r.user_id,
    role: r.role as Role,
    nodeId: r.node_id,
    nodeName: r.node_name,
    nodeKind: r.node_kind as OrgKind,
    districtId: r.district_id,
    grantedAt: r.granted_at,
  };
}

async function presentMe(deps: Deps, db: Executor, user: repo.UserRow): Promise<Me> {
  const roles = await repo.listActiveRoles(db, [user.id]);
  const home = user.home_node_id ? await findNode(db, user.home_node_id) : undefined;
  const platformAdmin = !!(await repo.findPlatformAdmin(db, user.id));
  return {
    id: user.id,
    phoneMasked: maskPhone(deps.cipher.decrypt(user.phone_enc)),
    displayName: user.display_name,
    realNameMasked: user.real_name_masked,
    idNumberMasked: user.id_number_masked,
    homeNodeId: user.home_node_id,
    homeNodeName: home?.name ?? null,
    locale: user.locale === 'en' ? 'en' : 'zh-CN',
    elderMode: user.elder_mode === 1,
    roles: roles.map(toRoleAssignment),
    mustChangePassword: user.must_change_password === 1,
    platformAdmin,
  };
}

async function resolveHome(db: Executor, nodeId: string | null | undefined) {
  if (!nodeId) return { home_node_id: null, home_district_id: null };
  const node = await findNode(db, nodeId);
  // Residents live in a community (or a grid/building inside one).
  if (!node || node.archived_at || !['community', 'grid', 'building'].includes(node.kind)) throw notFound('org_node');
  return { home_node_id: node.id, home_district_id: node.district_id };
}

export interface NewUser {
  phone: string;
  password: string;
  displayName: string;
  communityId?: string | null;
  realName?: string | null;
  idNumber?: string | null;
}

/** Creates a user row inside the caller's transaction (registration, demo seed); hash the password first. */
export async function insertNewUser(
  deps: Deps,
  trx: Executor,
  input: Omit<NewUser, 'password'>,
  passwordHash: string,
): Promise<repo.UserRow> {
  const phoneIndex = deps.cipher.blindIndex('phone', input.phone);
  if (await repo.findUserByPhoneIndex(trx, phoneIndex)) throw new AppError('PHONE_TAKEN');
  const now = iso(deps.clock.now());
  const home = await resolveHome(trx, input.communityId);
  const row: repo.UserRow = {
    id: newId(),
    phone_index: phoneIndex,
    phone_enc: deps.cipher.encrypt(input.phone),
    password_hash: passwordHash,
    display_name: input.displayName,
    real_name_enc: deps.cipher.encryptNullable(input.realName),
    real_name_masked: input.realName ? maskName(input.realName) : null,
    id_number_enc: deps.cipher.encryptNullable(input.idNumber),
    id_number_masked: input.idNumber ? maskIdNumber(input.idNumber) : null,
    ...home,
    locale: 'zh-CN',
    elder_mode: 0,
    failed_logins: 0,
    locked_until: null,
    must_change_password: 0,
    created_at: now,
    updated_at: now,
  };
  try {
    await repo.insertUser(trx, row);
  } catch (e) {
    // Two registrations of one phone at once: the unique index decides.
    if (/unique|duplicate/i.test(String(e))) throw new AppError('PHONE_TAKEN');
    throw e;
  }
  return row;
}

/** Opens a session for a user (login, registration; benchmarks and tools that act for a known user). */
export async function startSession(
  deps: Deps,
  db: Executor,
  userId: string,
  meta: { ip?: string; userAgent?: string },
) {
  const token = randomToken();
  const csrfToken = randomToken(18);
  const now = deps.clock.now();
  await repo.insertSession(db, {
    id: hashToken(token),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: iso(now),
    last_seen_at: iso(now),
    expires_at: iso(new Date(now.getTime() + SESSION_IDLE_MS)),
    ip: meta.ip ?? null,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

/** A common password, or one containing the phone number, is refused as a field error of the form. */
function refuseWeakPassword(password: string, phone: string | null, field: string): void {
  const weakness = passwordWeakness(password, phone);
  if (weakness) throw new AppError('VALIDATION_FAILED', {}, [{ field, message: weakness }]);
}

/** Registers a resident and logs them in. */
export async function register(
  deps: Deps,
  input: NewUser,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<SessionStart> {
  refuseWeakPassword(input.password, input.phone, 'password');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps.db, async ({ trx }) => {
    const user = await insertNewUser(deps, trx, { ...input, realName: null, idNumber: null }, passwordHash);
    const s = await startSession(deps, trx, user.id, meta);
    return { ...s, me: await presentMe(deps, trx, user) };
  });
}

/**
 * Checks phone and password under progressive delays per phone number and per client address (accounts.rules.ts,
 * accounts.throttle.ts). An unknown number is counted and answered exactly like a wrong password of a known one.
 */
export async function login(
  deps: Deps,
  input: { phone: string; password: string },
  meta: { ip?: string; userAgent?: string } = {},
): Promise<SessionStart> {
  const phoneIndex = deps.cipher.blindIndex('phone', input.phone);
  const now = deps.clock.now();
  const attempt = await admitAttempt(deps, phoneIndex, meta.ip, now);
  if (!attempt.allowed) throw new AppError('ACCOUNT_LOCKED', { minutes: attempt.minutes });
  const user = await repo.findUserByPhoneIndex(deps.db, phoneIndex);
  let ok = false;
  if (user) ok = await verifyPassword(user.password_hash, input.password);
  else await verifyPassword(await dummyHash(), input.password); // the same time as a wrong password
  if (!user || !ok) {
    if (attempt.minutes > 0) throw new AppError('ACCOUNT_LOCKED', { minutes: attempt.minutes });
    throw new AppError('INVALID_CREDENTIALS');
  }
  await attemptSucceeded(deps, phoneIndex, meta.ip);
  return inTransaction(deps.db, async ({ trx }) => {
    const s = await startSession(deps, trx, user.id, meta);
    return { ...s, me: await presentMe(deps, trx, user) };
  });
}

/** Ends a session. */
export async function logout(deps: Deps, sessionId: string): Promise<void> {
  await repo.deleteSession(deps.db, sessionId);
}

export interface Authenticated {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  /** The password was set by staff: every call but changing it is refused (403 PASSWORD_CHANGE_REQUIRED). */
  mustChangePassword: boolean;
}

/** Resolves a session token to the actor behind it, or null when unknown or expired. */
export async function authenticate(deps: Deps, token: string, requestId: string | null): Promise<Authenticated | null> {
  const sessionId = hashToken(token);
  // Session, person, platform grant and live roles in one statement (one row per role).
  const rows = await repo.findSessionActor(deps.db, sessionId);
  const session = rows[0];
  const now = deps.clock.now();
  if (!session) return null;
  // Idle expiry slides with use; the absolute lifetime does not, so a stolen session cannot be kept alive forever.
  if (session.expires_at <= iso(now) || now.getTime() - new Date(session.created_at).getTime() > SESSION_MAX_MS) {
    await repo.deleteSession(deps.db, sessionId);
    return null;
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() > SESSION_REFRESH_MS) {
    await repo.touchSession(deps.db, sessionId, iso(now), iso(new Date(now.getTime() + SESSION_IDLE_MS)));
  }
  const actorRoles: ActorRole[] = [];
  for (const r of rows) {
    if (r.role_id === null || r.role === null || !isRole(r.role)) continue;
    actorRoles.push({
      assignmentId: r.role_id,
      role: r.role,
      districtId: r.role_district_id ?? '',
      nodeId: r.role_node_id ?? '',
      path: r.role_node_path ?? '',
    });
  }
  // A platform operator's role sits on no node: an empty district matches no district data (see permissions.ts).
  if (session.platform_admin_id !== null) {
    actorRoles.push({
      assignmentId: `platform:${session.user_id}`,
      role: 'platform_admin',
      districtId: '',
      nodeId: '',
      path: '',
    });
  }
  return {
    actor: { userId: session.user_id, displayName: session.display_name, roles: actorRoles, requestId },
    sessionId,
    csrfToken: session.csrf_token,
    mustChangePassword: session.must_change_password === 1,
  };
}

/** The logged-in person's own profile. */
export async function getMe(deps: Deps, actor: Actor): Promise<Me> {
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return presentMe(deps, deps.db, user);
}

export interface ProfilePatch {
  displayName?: string;
  realName?: string | null;
  idNumber?: string | null;
  homeNodeId?: string | null;
  locale?: 'zh-CN' | 'en';
  elderMode?: boolean;
}

/** Edits one's own profile; real name and ID number are stored encrypted with a masked copy for lists. */
export async function updateMe(deps: Deps, actor: Actor, patch: ProfilePatch): Promise<Me> {
  return inTransaction(deps.db, async ({ trx }) => {
    const set: Partial<repo.UserRow> = { updated_at: iso(deps.clock.now()) };
    if (patch.displayName !== undefined) set.display_name = patch.displayName;
    if (patch.realName !== undefined) {
      set.real_name_enc = deps.cipher.encryptNullable(patch.realName);
      set.real_name_masked = patch.realName ? maskName(patch.realName) : null;
    }
    if (patch.idNumber !== undefined) {
      set.id_number_enc = deps.cipher.encryptNullable(patch.idNumber);
      set.id_number_masked = patch.idNumber ? maskIdNumber(patch.idNumber) : null;
    }
    if (patch.homeNodeId !== undefined) Object.assign(set, await resolveHome(trx, patch.homeNodeId));
    if (patch.locale !== undefined) set.locale = patch.locale;
    if (patch.elderMode !== undefined) set.elder_mode = patch.elderMode ? 1 : 0;
    await repo.updateUser(trx, actor.userId, set);
    const user = await repo.findUserById(trx, actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return presentMe(deps, trx, user);
  });
}

/** A one-time password staff hand over (reset, a new district's first admin): 12 characters, letters and digits. */
export function newTemporaryPassword(): string {
  // No 0/O, 1/l/I: it is read out or copied by hand.
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const chars = [letters[randomInt(letters.length)], digits[randomInt(digits.length)]];
  while (chars.length < 12) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

/** Changes one's password after checking the current one; every other session ends. */
export async function changePassword(
  deps: Deps,
  actor: Actor,
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError('WRONG_PASSWORD');
  if (input.currentPassword === input.newPassword) throw new AppError('PASSWORD_REUSED');
  refuseWeakPassword(input.newPassword, deps.cipher.decrypt(user.phone_enc), 'newPassword');
  const hash = await hashPassword(input.newPassword);
  await inTransaction(deps.db, async ({ trx }) => {
    await repo.updateUser(trx, user.id, {
      password_hash: hash,
      must_change_password: 0,
      updated_at: iso(deps.clock.now()),
    });
    await repo.deleteOtherSessions(trx, user.id, sessionId);
    // Recorded in each district where the person holds a role, so those admins can see it.
    const roles = await repo.listActiveRoles(trx, [user.id]);
    const seen = new Set<string>();
    for (const r of roles) {
      if (seen.has(r.district_id)) continue;
      seen.add(r.district_id);
      await recordAudit(trx, deps.clock, actor, {
        districtId: r.district_id,
        action: 'account.password_change',
        targetType: 'person',
        targetId: user.id,
        scopeNodeId: r.node_id,
        scopePath: r.node_path,
      });
    }
  });
}
