// Starting a new district without touching the database: the district node, its first district admin (a new account
// with a one-time password that must be changed at first login, or an existing person), and platform operators.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import { type Actor, isPlatformAdmin } from '../../platform/permissions.js';
import { maskPhone } from '../../platform/privacy.js';
import { inTransaction } from '../../db/transaction.js';
import { findDistrictByName, insertDistrict } from '../org/index.js';
import * as repo from './accounts.repository.js';
import { insertNewUser, newTemporaryPassword } from './accounts.service.js';
import { ensureRole } from './people.service.js';

export interface DistrictStart {
  district: { id: string; name: string; code: string | null; path: string };
  admin: { userId: string; phoneMasked: string; temporaryPassword: string | null };
}

/**
 * Creates a district with its first district admin. The CLI passes no actor; through the API only a platform
 * operator may (anyone else gets the same 404 as a missing node, so the operation reveals nothing).
 * A phone that is not registered yet gets a new account with a one-time password, returned once.
 */
export async function startDistrict(
  deps: Deps,
  actor: Actor | null,
  input: { name: string; code?: string | null; adminPhone: string; adminName?: string },
): Promise<DistrictStart> {
  if (actor && !isPlatformAdmin(actor)) throw notFound('org_node');
  const name = input.name.trim();
  const phoneIndex = deps.cipher.blindIndex('phone', input.adminPhone);
  const known = await repo.findUserByPhoneIndex(deps.db, phoneIndex);
  const temporaryPassword = known ? null : newTemporaryPassword();
  const hash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
  return inTransaction(deps.db, async ({ trx }) => {
    if (await findDistrictByName(trx, name)) throw new AppError('ORG_NAME_TAKEN', { name });
    const district = await insertDistrict(deps, trx, actor, {
      name,
      code: input.code ?? null,
      via: actor ? 'api' : 'cli',
    });
    let userId = known?.id;
    if (!userId) {
      const user = await insertNewUser(
        deps,
        trx,
        { phone: input.adminPhone, displayName: input.adminName ?? '区管理员' },
        hash!,
      );
      await repo.updateUser(trx, user.id, { must_change_password: 1 });
      userId = user.id;
    }
    await ensureRole(deps, trx, {
      userId,
      role: 'district_admin',
      districtId: district.id,
      nodeId: district.id,
      grantedBy: actor?.userId ?? null,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: district.id,
      action: 'district.start',
      targetType: 'person',
      targetId: userId,
      scopeNodeId: district.id,
      scopePath: district.path,
      details: { name, adminUserId: userId, newAccount: !known, via: actor ? 'api' : 'cli' },
    });
    return {
      district: { id: district.id, name: district.name, code: district.code, path: district.path },
      admin: { userId, phoneMasked: maskPhone(input.adminPhone), temporaryPassword },
    };
  });
}

/** Makes the person with this phone a platform operator (CLI only: the first operator has nobody to grant it). */
export async function grantPlatformAdmin(deps: Deps, phone: string): Promise<{ userId: string } | null> {
  const user = await repo.findUserByPhoneIndex(deps.db, deps.cipher.blindIndex('phone', phone));
  if (!user) return null;
  await repo.insertPlatformAdmin(deps.db, { user_id: user.id, granted_by: null, granted_at: iso(deps.clock.now()) });
  return { userId: user.id };
}
