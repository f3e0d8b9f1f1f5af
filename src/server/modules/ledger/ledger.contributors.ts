// The organisations a co-build contribution may credit: a volunteer team (volunteers module), a partner unit (org)
// or a filed merchant (mall). The ledger asks the owning module through its index.ts, except for merchants: the mall
// imports the ledger (orders spend points, refunds return them), so the ledger importing the mall would be a cycle.
// Merchants reach the ledger through the `Contributors` resolver that app.ts (the composition root) passes in.
import type { Executor } from '../../db/transaction.js';
import { findPartnerUnit } from '../org/index.js';
import { findTeam } from '../volunteers/index.js';

/** An organisation as the ledger files its account: district, name and the org node it belongs to. */
export interface Contributor {
  districtId: string;
  id: string;
  name: string;
  /** The community (team, merchant) or street/community (partner unit) the organisation is attached to. */
  nodeId: string;
}

/** What the ledger cannot look up itself; app.ts wires the mall's `findFiledMerchant`. */
export interface Contributors {
  /** A merchant that is filed (在册) and so may earn points, or undefined. */
  findFiledMerchant: (db: Executor, id: string) => Promise<Contributor | undefined>;
}

/** For callers without a mall (unit tests, scripts): no merchant is found, so a merchant contribution is 404. */
export const NO_MERCHANTS: Contributors = { findFiledMerchant: () => Promise.resolve(undefined) };

/** The organisation a contribution credits, or undefined when there is none of that kind with that id. */
export async function findContributor(
  db: Executor,
  orgType: 'team' | 'partner' | 'merchant',
  orgId: string,
  contributors: Contributors,
): Promise<Contributor | undefined> {
  switch (orgType) {
    case 'team': {
      const t = await findTeam(db, orgId);
      return t && { districtId: t.district_id, id: t.id, name: t.name, nodeId: t.community_id };
    }
    case 'partner': {
      const p = await findPartnerUnit(db, orgId);
      return p && { districtId: p.district_id, id: p.id, name: p.name, nodeId: p.node_id };
    }
    case 'merchant':
      return contributors.findFiledMerchant(db, orgId);
  }
}
