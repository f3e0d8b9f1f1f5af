// Points-mall shapes of the API (docs/API-MALL.md) as the resident H5 uses them: catalog items, vouchers,
// merchants of the alliance, redemption previews and monthly statements.

import type { ApplyMerchantBody, FilterOf, ListCatalogQuery } from '../../../shared/api-types';
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

/** lat/lng are coerced from query text on the server (their z.input is unknown): numbers here. */
export type CatalogFilters = Omit<FilterOf<ListCatalogQuery>, 'lat' | 'lng' | 'manage'> & {
  lat?: number;
  lng?: number;
};

export type ApplyMerchantInput = ApplyMerchantBody;
