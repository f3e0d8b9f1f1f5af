// Shapes of the points mall API (docs/API-MALL.md) as the console uses them, and small money helpers.

import type { CatalogItem, Merchant, MerchantState as MerchantStatus } from '../../../shared/api-types';

export type {
  CatalogItem,
  Merchant,
  MerchantState as MerchantStatus,
  Statement as MerchantStatement,
  StatementLine,
} from '../../../shared/api-types';
import type { CreateCatalogItemBody } from '../../../shared/api-types';

export const MERCHANT_STATES = ['applied', 'reviewed', 'filed', 'rejected', 'exited'] as const;

export const MERCHANT_STATUS_COLOR: Record<MerchantStatus, string> = {
  applied: 'gold',
  reviewed: 'blue',
  filed: 'green',
  rejected: 'red',
  exited: 'default',
};

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
export type ItemStatus = CatalogItem['status'];

export const ITEM_KIND_COLOR: Record<ItemKind, string> = { goods: 'orange', offer: 'geekblue', service: 'cyan' };
export const ITEM_STATUS_COLOR: Record<ItemStatus, string> = { active: 'green', hidden: 'default', removed: 'red' };

export type CatalogItemInput = CreateCatalogItemBody;

export type CatalogItemPatch = Partial<Pick<CatalogItem, 'pricePoints' | 'stock' | 'perPersonLimit' | 'status'>>;

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
