// Factories for the mall tests: a filed merchant with its owner, a resident with points, balances and stock.
import { inTransaction } from '../../src/server/db/transaction.js';
import { accountFor, ensurePersonAccount, postJournal } from '../../src/server/modules/ledger/index.js';
import * as catalog from '../../src/server/modules/mall/catalog.service.js';
import * as merchants from '../../src/server/modules/mall/merchants.service.js';
import type { OrgNode } from '../../src/server/modules/org/index.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import { makeUser, plainActor, type TestEnv, type TestUser, type Tree } from '../support.js';

let seq = 0;
const run = `${process.pid % 1000}`.padStart(3, '0');

/** A fresh 18-character licence number. */
export function nextLicence(): string {
  seq += 1;
  return `91420100MA${run}${String(seq).padStart(5, '0')}`;
}

/** Staff actors of community A and of street A (no login round trip). */
export function staffOf(tree: Tree): { adminA: Actor; adminB: Actor; streetA: Actor } {
  const role = (role: 'community_admin' | 'street_admin', n: OrgNode) => ({
    userId: `staff-${role}-${n.id}`,
    displayName: 'staff',
    requestId: null,
    roles: [{ assignmentId: `a-${n.id}`, role, districtId: n.districtId, nodeId: n.id, path: n.path }],
  });
  return {
    adminA: role('community_admin', tree.communityA),
    adminB: role('community_admin', tree.communityB),
    streetA: role('street_admin', tree.streetA),
  };
}

/** A shop applied by a resident of the community (status applied). */
export async function appliedMerchant(env: TestEnv, community: OrgNode, name = '王师傅理发') {
  const owner = await makeUser(env.deps, { home: community });
  const m = await merchants.applyMerchant(env.deps, plainActor(owner.id), {
    communityId: community.id,
    name,
    licenceNo: nextLicence(),
    address: '商业街 1 号',
    category: '理发',
    offerSummary: '老人免费理发',
    contactName: '王师傅',
    contactPhone: '13912340000',
  });
  return { merchantId: m.id, owner, ownerActor: plainActor(owner.id) };
}

/** A filed merchant of community A (fen per point 10) and its owner, who is its staff. */
export async function filedMerchant(env: TestEnv, tree: Tree, name = '王师傅理发') {
  const { adminA, streetA } = staffOf(tree);
  const shop = await appliedMerchant(env, tree.communityA, name);
  await merchants.reviewMerchant(env.deps, adminA, shop.merchantId, { decision: 'approve' });
  await merchants.fileMerchant(env.deps, streetA, shop.merchantId, { fenPerPoint: 10, fundName: '街道慈善基金' });
  return shop;
}

/** An offer of a merchant, published by its owner. */
export function offerOf(
  env: TestEnv,
  ownerActor: Actor,
  merchantId: string,
  extra: Partial<catalog.CatalogItem> & { pricePoints?: number } = {},
) {
  return catalog.createCatalogItem(env.deps, ownerActor, {
    kind: 'offer',
    merchantId,
    title: '免费理发',
    description: '',
    category: '生活服务',
    pricePoints: 20,
    perPersonLimit: extra.perPersonLimit ?? null,
    stock: extra.stock ?? null,
    validUntil: extra.validUntil ?? null,
    visibleTo: extra.visibleTo ?? null,
    voucherDays: extra.voucherDays ?? 30,
    ...(extra.pricePoints ? { pricePoints: extra.pricePoints } : {}),
  });
}

/** Supermarket goods of community A. */
export function goodsOf(
  env: TestEnv,
  tree: Tree,
  extra: {
    stock?: number | null;
    pricePoints?: number;
    voucherDays?: number;
    visibleTo?: string[] | null;
    validUntil?: string | null;
    title?: string;
  } = {},
) {
  return catalog.createCatalogItem(env.deps, staffOf(tree).adminA, {
    kind: 'goods',
    communityId: tree.communityA.id,
    title: extra.title ?? '挂面',
    description: '',
    category: '粮油',
    pricePoints: extra.pricePoints ?? 5,
    stock: extra.stock === undefined ? 10 : extra.stock,
    voucherDays: extra.voucherDays ?? 30,
    visibleTo: extra.visibleTo ?? null,
    validUntil: extra.validUntil ?? null,
  });
}

/** Gives a person points from the district's issuance account. */
export async function award(env: TestEnv, tree: Tree, userId: string, points: number): Promise<void> {
  seq += 1;
  await inTransaction(env.deps.db, async ({ trx }) => {
    const issuance = await accountFor(env.deps, trx, tree.district.id, {
      type: 'district',
      id: tree.district.id,
      purpose: 'issuance',
    });
    const p = await ensurePersonAccount(env.deps, trx, tree.district.id, userId);
    await postJournal(env.deps, trx, {
      districtId: tree.district.id,
      type: 'award',
      reason: '测试',
      idempotencyKey: `seed-${run}-${seq}`,
      postings: [
        { accountId: issuance.id, amount: -points },
        { accountId: p.id, amount: points },
      ],
    });
  });
}

/** A resident (of community A unless told) with points. */
export async function richResident(
  env: TestEnv,
  tree: Tree,
  points: number,
  home: OrgNode = tree.communityA,
): Promise<TestUser & { actor: Actor }> {
  const u = await makeUser(env.deps, { home });
  if (points > 0) await award(env, tree, u.id, points);
  return { ...u, actor: plainActor(u.id) };
}

/** A person's points balance. */
export async function balance(env: TestEnv, userId: string): Promise<number> {
  const a = await env.deps.db
    .selectFrom('point_accounts')
    .select('balance')
    .where('owner_id', '=', userId)
    .executeTakeFirst();
  return Number(a?.balance ?? 0);
}

/** An item's stock (null = unlimited). */
export async function stockOf(env: TestEnv, itemId: string): Promise<number | null> {
  const r = await env.deps.db
    .selectFrom('catalog_items')
    .select('stock')
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  return r.stock === null ? null : Number(r.stock);
}
