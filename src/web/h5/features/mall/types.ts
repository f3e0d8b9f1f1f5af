// Points-mall shapes of the API (docs/API-MALL.md) as the resident H5 uses them: catalog items, vouchers,
// merchants of the alliance, redemption previews and monthly statements.

export type ItemKind = 'goods' | 'offer' | 'service';
export const ITEM_KINDS: ItemKind[] = ['goods', 'offer', 'service'];

export type VoucherStatus = 'active' | 'redeemed' | 'cancelled' | 'expired' | 'refunded';
/** Statuses of a voucher that can no longer be used (its points went back). */
export const LAPSED_STATUSES: VoucherStatus[] = ['cancelled', 'expired', 'refunded'];

export type MerchantStatus = 'applied' | 'reviewed' | 'filed' | 'rejected' | 'exited';

/** What a scanned voucher QR code starts with (the rest is the order id and a signature). */
export const VOUCHER_QR_PREFIX = 'LINLI-V.';

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
  /** null = unlimited */
  stock: number | null;
  perPersonLimit: number | null;
  voucherDays: number;
  validUntil: string | null;
  visibleTo: string[] | null;
  status: 'active' | 'hidden' | 'removed';
  /** Present when the list was asked with lat/lng and the merchant has a position. */
  distanceMetres: number | null;
}

export interface CatalogFilters {
  kind?: ItemKind;
  category?: string;
  q?: string;
  lat?: number;
  lng?: number;
}

export interface Voucher {
  id: string;
  districtId: string;
  itemId: string;
  title: string;
  kind: string;
  merchantId: string | null;
  merchantName: string | null;
  points: number;
  status: VoucherStatus;
  /** 8 characters to read out at the counter. */
  shortCode: string;
  /** To render as a QR code. */
  qrPayload: string;
  expiresAt: string;
  redeemedAt: string | null;
  createdAt: string;
  rated: boolean;
}

/** lookupVoucher: what the code is for, whose it is and whether it can be redeemed here now. */
export interface RedeemPreview extends Voucher {
  holderName: string;
  redeemable: boolean;
  /** Localised reason when not redeemable. */
  problem: string | null;
}

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
  fenPerPoint: number;
  fundName: string | null;
  rejectReason: string | null;
  filedAt: string | null;
  exitedAt: string | null;
  exitReason: string | null;
  createdAt: string;
  /** True when I am staff of this merchant. */
  isMine: boolean;
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
