// Names of people as the public ledger, the year summary and rankings show them: one query for many people,
// then the one naming rule (platform/privacy.ts publicPersonName) — masked real name when on file, else nickname.
import type { Deps } from '../../platform/context.js';
import { publicPersonName } from '../../platform/privacy.js';
import type { Executor } from '../../db/transaction.js';

/**
 * Public names of the given people, by user id. The real name on file is the account's (registration) or, failing
 * that, the one given when volunteering in this district; both are stored encrypted and only their mask leaves here.
 */
export async function publicNamesOf(deps: Deps, db: Executor, districtId: string, userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users as u')
    .leftJoin('volunteers as v', (j) => j.on('v.district_id', '=', districtId).onRef('v.user_id', '=', 'u.id'))
    .select(['u.id', 'u.display_name', 'u.real_name_enc', 'v.real_name_enc as volunteer_name_enc'])
    .where('u.id', 'in', ids)
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const enc = r.real_name_enc ?? r.volunteer_name_enc;
    out.set(r.id, publicPersonName(enc ? deps.cipher.decrypt(enc) : null, r.display_name));
  }
  return out;
}
