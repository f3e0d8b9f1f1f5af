// The one-time data step after migration 0018 (a migration has no key): contact names of merchants and partner units
// still in clear text are encrypted, with their masked copy, and the clear column emptied. bootstrap runs it after
// migrating, at every start; it touches only rows that are still clear, so it is idempotent and cheap once done.
import type { Deps } from '../../platform/context.js';
import { sealClearMerchantContacts } from '../mall/index.js';
import { sealClearPartnerContacts } from '../org/index.js';

export async function sealClearNames(deps: Deps): Promise<{ merchants: number; partnerUnits: number }> {
  return { merchants: await sealClearMerchantContacts(deps), partnerUnits: await sealClearPartnerContacts(deps) };
}
