// Points-mall shapes of the API (docs/API-MALL.md) as the resident H5 uses them: catalog items, vouchers,
// merchants of the alliance, redemption previews and monthly statements.

import type { CatalogItem, OrderState as VoucherStatus } from '../../../shared/api-types';

export type {
  CatalogItem,
  Merchant,
  MerchantState as MerchantStatus,
  OrderState as VoucherStatus,
  RedeemPreview,
  Statement as MerchantStatement,
  StatementLine,
  Voucher,
} from '../../../shared/api-types';

export type ItemKind = CatalogItem['kind'];
export const ITEM_KINDS: ItemKind[] = ['goods', 'offer', 'service'];

/** Statuses of a voucher that can no longer be used (its points went back). */
export const LAPSED_STATUSES: VoucherStatus[] = ['cancelled', 'expired', 'refunded'];

/** What a scanned voucher QR code starts with (the rest is the order id and a signature). */
export const VOUCHER_QR_PREFIX = 'LINLI-V.';

export interface CatalogFilters {
  kind?: ItemKind;
  category?: string;
  q?: string;
  lat?: number;
  lng?: number;
}

export interface ApplyMerchantInput {
  communityId: string;
  name: string;
  licenceNo: string;
  address: string;
  lat?: number | null;
  lng?: number | null;
  category: string;
  offerSummary: string;
  contactName: string;
  contactPhone: string;
}

