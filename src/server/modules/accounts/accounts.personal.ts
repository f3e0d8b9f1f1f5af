// What accounts hold about one person (their copy, PIPL access) and closing one's account (PIPL erasure): the
// profile, role grants and sessions. Used by the privacy module through index.ts.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import { maskIdNumber, maskPhone } from '../../platform/privacy.js';
import type { Executor } from '../../db/transaction.js';
import { nodeFieldOf } from '../org/index.js';

/** A closed account's phone_index: unique per person, never a phone's blind index, so the phone may register again. */
const CLOSED_INDEX = 'closed:';

/** The name a closed account shows everywhere instead of the person's: 已注销用户 + the end of the id. */
export function closedAccountName(userId: string): string {
  return `已注销用户${userId.slice(-6)}`;
}

/** True when the phone_index marks a closed account. */
export function isClosedIndex(phoneIndex: string): boolean {
  return phoneIndex.startsWith(CLOSED_INDEX);
}

/** The person's profile, role grants (also ended ones), platform operator grant and sessions (no token, no CSRF). */
export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return [];
  const profile = personalRow(deps.cipher, user, ['password_hash', 'phone_index', 'failed_logins', 'locked_until']);
  const roles = await db
    .selectFrom('role_assignments as r')
    .select((eb) => [
      'r.district_id',
      'r.id',
      'r.role',
      'r.node_id',
      nodeFieldOf(db, 'name', eb.ref('r.district_id'), eb.ref('r.node_id')).as('node_name'),
      'r.granted_by',
      'r.granted_at',
      'r.revoked_by',
      'r.revoked_at',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('r.id')
    .execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const admin = await db.selectFrom('platform_admins').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return [
    { key: 'accounts.profile', title: '个人资料', rows: [{ ...profile, platformAdmin: !!admin }] },
    { key: 'accounts.roles', title: '角色', rows: roles.map((r) => personalRow(deps.cipher, r)) },
    { key: 'accounts.sessions', title: '登录会话', rows: sessions.map((r) => personalRow(deps.cipher, r)) },
  ];
}

/** The person's own phone and ID number, masked, with the full values for their own reveal (the 个人信息 page). */
export async function ownContactOf(
  deps: Deps,
  db: Executor,
  userId: string,
): Promise<
  | {
      phone: string;
      phoneMasked: string;
      realName: string | null;
      idNumber: string | null;
      idNumberMasked: string | null;
    }
  | undefined
> {
  const u = await db
    .selectFrom('users')
    .select(['phone_enc', 'real_name_enc', 'id_number_enc'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u) return undefined;
  const phone = deps.cipher.decrypt(u.phone_enc);
  const idNumber = deps.cipher.decryptNullable(u.id_number_enc);
  return {
    phone,
    phoneMasked: phone ? maskPhone(phone) : '',
    realName: deps.cipher.decryptNullable(u.real_name_enc),
    idNumber,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
  };
}

/** The pseudonym of a closed account, or null while it is open (or unknown). */
export async function closedNameOf(db: Executor, userId: string): Promise<string | null> {
  const u = await db
    .selectFrom('users')
    .select(['phone_index', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return u && isClosedIndex(u.phone_index) ? u.display_name : null;
}

/** Checks the person's current password (closing an account asks for it); WRONG_PASSWORD otherwise. */
export async function assertOwnPassword(db: Executor, userId: string, password: string): Promise<void> {
  const u = await db.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirst();
  if (!u || !(await verifyPassword(u.password_hash, password))) throw new AppError('WRONG_PASSWORD');
}

export interface ClosedAccount {
  pseudonym: string;
  /** Where the person lived, for the audit entry's scope. */
  homeDistrictId: string | null;
  homeNodeId: string | null;
  /** The role grants ended by the closing, for the audit entries' scopes. */
  endedRoles: Array<{ districtId: string; nodeId: string; role: string }>;
}

/**
 * Closes a person's account inside the caller's transaction: every personal field replaced by the pseudonym or an
 * encrypted blank, the phone's blind index released (the phone may register again), the password made unusable,
 * every session deleted, every live role grant and a platform operator grant ended. The first step is a conditional
 * UPDATE of the users row, so of two closes at once exactly one proceeds (the other waits for the row lock on
 * PostgreSQL, then finds it closed); that one gets the result, a repeated close gets undefined.
 */
export async function closeUserAccount(deps: Deps, trx: Executor, userId: string): Promise<ClosedAccount | undefined> {
  const user = await trx
    .selectFrom('users')
    .select(['home_district_id', 'home_node_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const pseudonym = closedAccountName(userId);
  const now = iso(deps.clock.now());
  const res = await trx
    .updateTable('users')
    .set({
      phone_index: `${CLOSED_INDEX}${userId}`,
      phone_enc: deps.cipher.encrypt(''),
      // Not a PHC string: no password ever verifies against it.
      password_hash: '!closed',
      display_name: pseudonym,
      real_name_enc: null,
      real_name_masked: null,
      id_number_enc: null,
      id_number_masked: null,
      home_district_id: null,
      home_node_id: null,
      must_change_password: 0,
      updated_at: now,
    })
    .where('id', '=', userId)
    .where('phone_index', 'not like', `${CLOSED_INDEX}%`)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await trx.deleteFrom('platform_admins').where('user_id', '=', userId).execute();
  const live = await trx
    .selectFrom('role_assignments')
    .select(['district_id', 'node_id', 'role'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  await trx
    .updateTable('role_assignments')
    .set({ revoked_at: now, revoked_by: userId })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  return {
    pseudonym,
    homeDistrictId: user.home_district_id,
    homeNodeId: user.home_node_id,
    endedRoles: live.map((r) => ({ districtId: r.district_id, nodeId: r.node_id, role: r.role })),
  };
}
