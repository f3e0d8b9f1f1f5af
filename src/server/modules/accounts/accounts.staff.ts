// For notifications (asked through index.ts): who holds given roles at or above a node, and a person's phone for SMS.
import type { Executor } from '../../db/transaction.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { nodeFieldOf, nodesAt } from '../org/index.js';

/** Every ancestor-or-self path of a materialised path: "/d/s/c/" → ["/d/", "/d/s/", "/d/s/c/"]. */
function pathsUpTo(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Live role holders (any of `roles`) on the node at `path` or an ancestor of it, with the path their role sits on. */
export async function listRoleHoldersAbove(
  db: Executor,
  districtId: string,
  path: string,
  roles: readonly string[],
): Promise<Array<{ userId: string; path: string }>> {
  if (roles.length === 0) return [];
  const reaches = pathsUpTo(path).map((p) => ({ districtId, path: p }));
  const rows = await db
    .selectFrom('role_assignments as r')
    .select((eb) => ['r.user_id', nodeFieldOf(db, 'path', eb.ref('r.district_id'), eb.ref('r.node_id')).as('path')])
    .where('r.district_id', '=', districtId)
    .where('r.revoked_at', 'is', null)
    .where('r.role', 'in', [...roles])
    .where('r.node_id', 'in', nodesAt(db, reaches))
    .execute();
  return rows.flatMap((r) => (r.path ? [{ userId: r.user_id, path: r.path }] : []));
}

/** A person's phone number in clear, for an SMS channel (null when the person does not exist). */
export async function findPhoneForSms(db: Executor, cipher: FieldCipher, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('phone_enc').where('id', '=', userId).executeTakeFirst();
  return row ? cipher.decrypt(row.phone_enc) : null;
}
