// Display names and tag colours of item kinds, voucher states and merchant states; distance, code and money text.
import type { MessageKey, Translate } from '../../i18n';
import type { TagColor } from '../activities/labels';
import type { ItemKind, MerchantStatus, VoucherStatus } from './types';

export const KIND_LABEL: Record<ItemKind, MessageKey> = {
  goods: 'mall.kind.goods',
  offer: 'mall.kind.offer',
  service: 'mall.kind.service',
};

export const KIND_COLOR: Record<ItemKind, TagColor> = {
  goods: 'warning',
  offer: 'primary',
  service: 'success',
};

export const VOUCHER_LABEL: Record<VoucherStatus, MessageKey> = {
  active: 'voucher.status.active',
  redeemed: 'voucher.status.redeemed',
  cancelled: 'voucher.status.cancelled',
  expired: 'voucher.status.expired',
  refunded: 'voucher.status.refunded',
};

export const VOUCHER_COLOR: Record<VoucherStatus, TagColor> = {
  active: 'primary',
  redeemed: 'success',
  cancelled: 'default',
  expired: 'default',
  refunded: 'default',
};

export const MERCHANT_LABEL: Record<MerchantStatus, MessageKey> = {
  applied: 'merchant.status.applied',
  reviewed: 'merchant.status.reviewed',
  filed: 'merchant.status.filed',
  rejected: 'merchant.status.rejected',
  exited: 'merchant.status.exited',
};

export const MERCHANT_COLOR: Record<MerchantStatus, TagColor> = {
  applied: 'warning',
  reviewed: 'primary',
  filed: 'success',
  rejected: 'danger',
  exited: 'default',
};

/** 约 350 米 / 约 1.2 公里 */
export function formatDistance(metres: number, t: Translate): string {
  if (metres < 1000) return t('mall.distanceM', { n: Math.max(10, Math.round(metres / 10) * 10) });
  return t('mall.distanceKm', { n: (Math.round(metres / 100) / 10).toFixed(1) });
}

/** The short code as two groups of four, for reading out: "ABCD EFGH". */
export function groupCode(code: string): [string, string] {
  return [code.slice(0, 4), code.slice(4)];
}

/** 12.30 (yuan from fen). */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** The China-time month (YYYY-MM) now. */
export function thisChinaMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}
