// Who may do what in the mall: community staff manage their communities' items and supermarket counters; a
// merchant's staff manage its offers and redeem its vouchers; visible_to limits who sees and orders an item.
import { AppError, notFound } from '../../platform/errors.js';
import { type Actor, can } from '../../platform/permissions.js';
import type { Executor } from '../../db/transaction.js';
import { homeNodeOf, findPersonHome } from '../accounts/index.js';
import { communityOnPath, findNode } from '../org/index.js';
import { isMerchantStaff } from './mall.repository.js';
import type { MerchantState } from './mall.rules.js';

/** Whether the actor is staff of the merchant. */
export function isStaffOf(db: Executor, actor: Actor, merchant: { district_id: string; id: string }): Promise<boolean> {
  return isMerchantStaff(db, merchant.district_id, merchant.id, actor.userId);
}

/** Whether the actor holds mall.manage over a community. */
async function managesCommunity(db: Executor, actor: Actor, districtId: string, communityId: string): Promise<boolean> {
  const c = await findNode(db, communityId);
  return !!c && c.district_id === districtId && can(actor, 'mall.manage', { districtId, path: c.path });
}

/** Who may manage an item: community staff of its community; merchant staff for their own offers. */
export async function canManageItem(
  db: Executor,
  actor: Actor,
  it: { district_id: string; community_id: string; merchant_id: string | null },
): Promise<boolean> {
  if (await managesCommunity(db, actor, it.district_id, it.community_id)) return true;
  return !!it.merchant_id && (await isStaffOf(db, actor, { district_id: it.district_id, id: it.merchant_id }));
}

/** Who redeems an order: its merchant's staff, or the supermarket community's staff. */
export async function canRedeem(
  db: Executor,
  actor: Actor,
  o: { district_id: string; community_id: string; merchant_id: string | null },
): Promise<boolean> {
  if (o.merchant_id) return isStaffOf(db, actor, { district_id: o.district_id, id: o.merchant_id });
  return managesCommunity(db, actor, o.district_id, o.community_id);
}

/** Whether an item limited to some communities (visible_to) is visible to the actor: they must live in one. */
export async function isVisibleTo(db: Executor, actor: Actor, it: { visible_to: string | null }): Promise<boolean> {
  if (!it.visible_to) return true;
  const community = await homeCommunityOf(db, actor.userId);
  return !!community && (JSON.parse(it.visible_to) as string[]).includes(community);
}

/**
 * The refusal when the actor may not act on a merchant: its applicant, asking about their own shop before it is
 * filed, hears that it is not filed yet; anyone else hears "not found" (nothing to enumerate).
 */
export function merchantRefusal(
  actor: Actor,
  m: { applicant_user_id: string; status: MerchantState } | undefined,
): AppError {
  if (m && m.applicant_user_id === actor.userId && m.status !== 'filed' && m.status !== 'exited')
    return new AppError('MERCHANT_NOT_FILED');
  return notFound('merchant');
}

/** The district a person lives in. */
export async function homeDistrictOf(db: Executor, userId: string): Promise<string | null> {
  return (await findPersonHome(db, userId))?.homeDistrictId ?? null;
}

/** The community a person lives in (their home node is a community, or a grid or building inside one). */
export async function homeCommunityOf(db: Executor, userId: string): Promise<string | null> {
  const home = await homeNodeOf(db, userId);
  if (!home) return null;
  return (await communityOnPath(db, home.district_id, home.path))?.id ?? null;
}
