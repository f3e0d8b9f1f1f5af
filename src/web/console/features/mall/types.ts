// Shapes of the points mall API (docs/API-MALL.md) as the console uses them, and small money helpers.

export const MERCHANT_STATES = ['applied', 'reviewed', 'filed', 'rejected', 'exited'] as const;
export type MerchantStatus = (typeof MERCHANT_STATES)[number];

export const MERCHANT_STATUS_COLOR: Record<MerchantStatus, string> = {
  applied: 'gold',
  reviewed: 'blue',
  filed: 'green',
  rejected: 'red',
  exited: 'default',
};

export interface Merchant {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  name: string;
  licenceNo: string;
  address: string;
  lat: number | null;
  lng: number | null;
  category: string;
  offerSummary: string;
  contactName: string;
  contactPhoneMasked: string;
  status: MerchantStatus;
  /** Agreed cash value of one point in fen; 0 when the merchant donates (让利, nothing to settle). */
  fenPerPoint: number;
  fundName: string | null;
  rejectReason: string | null;
  filedAt: string | null;
  exitedAt: string | null;
  exitReason: string | null;
  createdAt: string;
  isMine: boolean;
}

export interface EvaluationResult {
  merchant: Merchant;
  /** Average rating × 10 (45 = 4.5), null without ratings. */
  ratingX10: number | null;
  ratings: number;
  complaints: number;
  redemptions: number;
  /** Open vouchers refunded because the merchant exited. */
  refunded: number;
}

export const ITEM_KINDS = ['goods', 'offer', 'service'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type ItemStatus = 'active' | 'hidden' | 'removed';

export const ITEM_KIND_COLOR: Record<ItemKind, string> = { goods: 'orange', offer: 'geekblue', service: 'cyan' };
export const ITEM_STATUS_COLOR: Record<ItemStatus, string> = { active: 'green', hidden: 'default', removed: 'red' };

export interface CatalogItem {
  id: string;
  districtId: string;
  kind: ItemKind;
  merchantId: string | null;
  merchantName: string | null;
  merchantAddress: string | null;
  communityId: string;
  title: string;
  description: string;
  category: string;
  imageUrl: string | null;
  pricePoints: number;
  /** null = unlimited. */
  stock: number | null;
  perPersonLimit: number | null;
  voucherDays: number;
  validUntil: string | null;
  /** null = the whole district. */
  visibleTo: string[] | null;
  status: ItemStatus;
  distanceMetres: number | null;
}

export interface CatalogItemInput {
  kind: ItemKind;
  communityId?: string;
  merchantId?: string | null;
  title: string;
  description: string;
  category: string;
  pricePoints: number;
  stock: number | null;
  perPersonLimit: number | null;
  voucherDays: number;
  visibleTo: string[] | null;
}

export type CatalogItemPatch = Partial<Pick<CatalogItem, 'pricePoints' | 'stock' | 'perPersonLimit' | 'status'>>;

export interface StatementLine {
  orderId: string;
  redeemedAt: string;
  title: string;
  points: number;
}

export interface MerchantStatement {
  merchantId: string;
  merchantName: string;
  /** YYYY-MM */
  month: string;
  closed: boolean;
  closedAt: string | null;
  vouchers: number;
  points: number;
  fenPerPoint: number;
  amountFen: number;
  fundName: string | null;
  lines: StatementLine[];
}

export interface RedemptionStat {
  /** null for the community points supermarket (goods and services). */
  merchantId: string | null;
  merchantName: string;
  vouchers: number;
  points: number;
}

/** Category suggestions when adding goods or services (free text is allowed, at most 20 characters). */
export const CATEGORY_SUGGESTIONS: Record<'goods' | 'service', string[]> = {
  goods: ['粮油', '日用品', '清洁用品', '文具', '图书', '小家电'],
  service: ['课程', '活动名额', '生活服务', '健康服务', '助老服务'],
};
