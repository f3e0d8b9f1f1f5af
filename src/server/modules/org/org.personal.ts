// The one-time step that encrypts partner-unit contact names still in clear text from before migration 0018.
import type { Deps } from '../../platform/context.js';
import { maskName } from '../../platform/privacy.js';

/**
 * Encrypts partner-unit contact names still in clear text and empties the clear column (null). Idempotent: only rows
 * with a clear name are touched, each by an UPDATE that still requires that name.
 */
export async function sealClearPartnerContacts(deps: Deps): Promise<number> {
  const rows = await deps.db
    .selectFrom('partner_units')
    .select(['district_id', 'id', 'contact_name'])
    .where('contact_name', 'is not', null)
    .execute();
  let sealed = 0;
  for (const r of rows) {
    if (r.contact_name === null) continue;
    const name = r.contact_name.trim();
    const res = await deps.db
      .updateTable('partner_units')
      .set({
        contact_name: null,
        contact_name_enc: name ? deps.cipher.encrypt(name) : null,
        contact_name_masked: name ? maskName(name) : null,
      })
      .where('district_id', '=', r.district_id)
      .where('id', '=', r.id)
      .where('contact_name', '=', r.contact_name)
      .executeTakeFirst();
    sealed += Number(res.numUpdatedRows);
  }
  return sealed;
}
