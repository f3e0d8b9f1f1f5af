// Names of people as the public ledger, the year summary and rankings show them: one query for many people,
// then the one naming rule (platform/privacy.ts publicPersonName) — masked real name when on file, else nickname.
import type { Deps } from '../../platform/context.js';
import { publicPersonName } from '../../platform/privacy.js';
import type { Executor } from '../../db/transaction.js';
import { listPersonHomes } from '../accounts/index.js';
import { volunteerNamesOf } from '../volunteers/index.js';

/**
 * Public names of the given people, by user id. The real name on file is the account's (registration) or, failing
 * that, the one given when volunteering in this district; both are stored encrypted and only their mask leaves here.
 */
export async function publicNamesOf(
  deps: Deps,
  db: Executor,
  districtId: string,
  userIds: string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const [people, volunteerNames] = await Promise.all([listPersonHomes(db, ids), volunteerNamesOf(db, districtId, ids)]);
  const out = new Map<string, string>();
  for (const p of people) {
    // A closed account (PIPL erasure) is shown by its pseudonym, 已注销用户…, as it is.
    if (p.closed) {
      out.set(p.userId, p.displayName);
      continue;
    }
    const enc = p.realNameEnc ?? volunteerNames.get(p.userId);
    out.set(p.userId, publicPersonName(enc ? deps.cipher.decrypt(enc) : null, p.displayName));
  }
  return out;
}
