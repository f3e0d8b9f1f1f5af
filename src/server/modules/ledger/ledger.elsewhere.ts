// Points belong to one district (通存通兑 within it, never across). A resident of another district who tries to spend
// here, holding nothing here while their own district holds points, is told where their points are instead of
// "积分不足（当前 0 分）".
import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../db/transaction.js';
import { findPersonHome } from '../accounts/index.js';
import { districtNamesOf } from '../org/index.js';

/**
 * Throws OTHER_DISTRICT (naming this district and the person's home district with its balance) when the person holds
 * no points here but does in their home district; returns quietly otherwise, leaving the usual INSUFFICIENT_POINTS.
 * Call it on the refusal path only. Every lookup names its district (the person's home district and this one).
 */
export async function assertPointsHere(trx: Executor, districtId: string, userId: string): Promise<void> {
  const here = await trx
    .selectFrom('point_accounts')
    .select('balance')
    .where('district_id', '=', districtId)
    .where('owner_type', '=', 'user')
    .where('owner_id', '=', userId)
    .where('purpose', '=', 'main')
    .executeTakeFirst();
  if (here && Number(here.balance) > 0) return;
  const home = (await findPersonHome(trx, userId))?.homeDistrictId;
  if (!home || home === districtId) return;
  const there = await trx
    .selectFrom('point_accounts')
    .select('balance')
    .where('district_id', '=', home)
    .where('owner_type', '=', 'user')
    .where('owner_id', '=', userId)
    .where('purpose', '=', 'main')
    .executeTakeFirst();
  if (!there || Number(there.balance) <= 0) return;
  const names = await districtNamesOf(trx, [districtId, home]);
  const nameOf = (id: string) => names.get(id) ?? '';
  throw new AppError('OTHER_DISTRICT', {
    district: nameOf(districtId),
    home: nameOf(home),
    balance: Number(there.balance),
  });
}
