// Request and response schemas of the mall routes. Services take the z.output types (what the route hands them);
// clients send the z.input types.
import { z } from 'zod';
import { countedPageOf, cursorSchema, limitSchema, pageOf, phoneSchema } from '../../platform/schemas.js';
import { EVALUATION_DECISIONS, ITEM_KINDS, ITEM_STATUSES, MERCHANT_STATES, ORDER_STATES } from './mall.rules.js';

export const id = z.object({ id: z.string().min(1).max(64) });
export const month = z.string().regex(/^\d{4}-\d{2}$/, { message: 'v.month' });
export const key = z.string().trim().min(8).max(80);
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `v.text:${max}` })
    .max(max, { message: `v.text:${max}` });
export const statementParams = id.extend({ month });

// ------------------------------------------------------------------------------------------------ responses

export const merchantSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    name: z.string(),
    licenceNo: z.string(),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    category: z.string(),
    offerSummary: z.string(),
    /** Only for staff with mall.manage in the merchant's community and the shop's own people; else null. */
    contactNameMasked: z.string().nullable(),
    contactPhoneMasked: z.string().nullable(),
    status: z.enum(MERCHANT_STATES),
    fenPerPoint: z.number().int(),
    fundName: z.string().nullable(),
    rejectReason: z.string().nullable(),
    filedAt: z.string().nullable(),
    exitedAt: z.string().nullable(),
    exitReason: z.string().nullable(),
    createdAt: z.string(),
    isMine: z.boolean(),
  })
  .describe('Merchant');

/** A merchant's contact in full, for staff with mall.manage in its scope (audited as merchant.contact_reveal). */
export const merchantContactSchema = z
  .object({ contactName: z.string().nullable(), contactPhone: z.string() })
  .describe('MerchantContact');

export const itemSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    kind: z.enum(ITEM_KINDS),
    merchantId: z.string().nullable(),
    merchantName: z.string().nullable(),
    merchantAddress: z.string().nullable(),
    communityId: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    imageUrl: z.string().nullable(),
    pricePoints: z.number().int(),
    stock: z.number().int().nullable(),
    perPersonLimit: z.number().int().nullable(),
    voucherDays: z.number().int(),
    validUntil: z.string().nullable(),
    visibleTo: z.array(z.string()).nullable(),
    status: z.enum(ITEM_STATUSES),
    distanceMetres: z.number().int().nullable(),
  })
  .describe('CatalogItem');

export const voucherSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    itemId: z.string(),
    title: z.string(),
    kind: z.string(),
    merchantId: z.string().nullable(),
    merchantName: z.string().nullable(),
    merchantAddress: z.string().nullable(),
    holderName: z.string(),
    points: z.number().int(),
    status: z.enum(ORDER_STATES),
    shortCode: z.string(),
    qrPayload: z.string(),
    expiresAt: z.string(),
    redeemedAt: z.string().nullable(),
    createdAt: z.string(),
    rated: z.boolean(),
  })
  .describe('Voucher');

export const redeemPreviewSchema = voucherSchema.extend({ redeemable: z.boolean(), problem: z.string().nullable() });

export const statementSchema = z
  .object({
    merchantId: z.string(),
    merchantName: z.string(),
    month: z.string(),
    closed: z.boolean(),
    closedAt: z.string().nullable(),
    vouchers: z.number().int(),
    points: z.number().int(),
    fenPerPoint: z.number().int(),
    amountFen: z.number().int(),
    fundName: z.string().nullable(),
    lines: z.array(
      z.object({ orderId: z.string(), redeemedAt: z.string(), title: z.string(), points: z.number().int() }),
    ),
  })
  .describe('MerchantStatement');

export const evaluationSchema = z.object({
  merchant: merchantSchema,
  ratingX10: z.number().int().nullable(),
  ratings: z.number().int(),
  complaints: z.number().int(),
  redemptions: z.number().int(),
  refunded: z.number().int(),
});

export const redemptionStatsSchema = z.object({
  items: z.array(
    z.object({
      merchantId: z.string().nullable(),
      merchantName: z.string(),
      vouchers: z.number().int(),
      points: z.number().int(),
    }),
  ),
});

export const merchantPage = countedPageOf(merchantSchema);
export const itemPage = countedPageOf(itemSchema);
export const voucherPage = pageOf(voucherSchema);
export const voucherList = z.object({ items: z.array(voucherSchema) });
export const createdId = z.object({ id: z.string() });

// ------------------------------------------------------------------------------------------------ requests

export const applyMerchantBody = z.object({
  communityId: z.string().min(1).max(64),
  name: text(40),
  licenceNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{15,18}$/, { message: 'v.licence' }),
  address: text(100),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  category: z.string().trim().min(1).max(20),
  offerSummary: text(200),
  contactName: text(20),
  contactPhone: phoneSchema,
});
export type ApplyMerchantBody = z.input<typeof applyMerchantBody>;
export type ApplyMerchant = z.output<typeof applyMerchantBody>;

export const listMerchantsQuery = z.object({
  districtId: z.string().max(64).optional(),
  status: z.enum(MERCHANT_STATES).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: cursorSchema,
  limit: limitSchema(50, 200),
});
export type ListMerchantsQuery = z.input<typeof listMerchantsQuery>;
export type ListMerchants = z.output<typeof listMerchantsQuery>;

export const reviewMerchantBody = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(200).nullable().optional(),
});
export type ReviewMerchantBody = z.input<typeof reviewMerchantBody>;
export type ReviewMerchant = z.output<typeof reviewMerchantBody>;

export const fileMerchantBody = z.object({
  fenPerPoint: z.number().int().min(0).max(10_000),
  fundName: z.string().trim().max(40).nullable().optional(),
});
export type FileMerchantBody = z.input<typeof fileMerchantBody>;
export type FileMerchant = z.output<typeof fileMerchantBody>;

export const evaluateMerchantBody = z.object({
  year: z.number().int().min(2000).max(2100),
  decision: z.enum(EVALUATION_DECISIONS),
  note: z.string().trim().max(200).nullable().optional(),
});
export type EvaluateMerchantBody = z.input<typeof evaluateMerchantBody>;
export type EvaluateMerchant = z.output<typeof evaluateMerchantBody>;

export const itemBody = z.object({
  kind: z.enum(ITEM_KINDS),
  communityId: z.string().max(64).optional(),
  merchantId: z.string().max(64).nullable().optional(),
  title: text(40),
  description: z.string().trim().max(1000).optional(),
  category: z.string().trim().min(1).max(20),
  imageUrl: z.string().url().max(500).nullable().optional(),
  pricePoints: z.number().int().min(1).max(1_000_000),
  stock: z.number().int().min(0).max(1_000_000).nullable().optional(),
  perPersonLimit: z.number().int().min(1).max(1000).nullable().optional(),
  voucherDays: z.number().int().min(1).max(366).optional(),
  validUntil: z.string().datetime().nullable().optional(),
  visibleTo: z.array(z.string().max(64)).max(100).nullable().optional(),
});
export type CreateCatalogItemBody = z.input<typeof itemBody>;
export type CreateCatalogItem = z.output<typeof itemBody>;

export const itemPatchBody = itemBody
  .omit({ kind: true, communityId: true, merchantId: true })
  .partial()
  .extend({ status: z.enum(ITEM_STATUSES).optional() });
export type UpdateCatalogItemBody = z.input<typeof itemPatchBody>;
export type UpdateCatalogItem = z.output<typeof itemPatchBody>;

export const listCatalogQuery = z.object({
  districtId: z.string().max(64).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  category: z.string().max(20).optional(),
  q: z.string().trim().max(30).optional(),
  merchantId: z.string().max(64).optional(),
  manage: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('staff: every item in scope, any status'),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});
export type ListCatalogQuery = z.input<typeof listCatalogQuery>;
export type ListCatalog = z.output<typeof listCatalogQuery>;

export const placeOrderBody = z.object({ itemId: z.string().min(1).max(64), idempotencyKey: key });
export type PlaceOrderBody = z.input<typeof placeOrderBody>;
export type PlaceOrder = z.output<typeof placeOrderBody>;

export const listMyVouchersQuery = z.object({
  status: z.enum(ORDER_STATES).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});
export type ListMyVouchersQuery = z.input<typeof listMyVouchersQuery>;
export type ListMyVouchers = z.output<typeof listMyVouchersQuery>;

export const rateVoucherBody = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(300).nullable().optional(),
});
export type RateVoucherBody = z.input<typeof rateVoucherBody>;
export type RateVoucher = z.output<typeof rateVoucherBody>;

export const complaintBody = z.object({ orderId: z.string().max(64).nullable().optional(), content: text(500) });
export type ComplaintBody = z.input<typeof complaintBody>;
export type Complaint = z.output<typeof complaintBody>;

export const lookupVoucherBody = z.object({ code: z.string().trim().min(4).max(200) });
export type LookupVoucherBody = z.input<typeof lookupVoucherBody>;

export const redeemVoucherBody = z.object({ code: z.string().trim().min(4).max(200), redeemKey: key });
export type RedeemVoucherBody = z.input<typeof redeemVoucherBody>;
export type RedeemVoucher = z.output<typeof redeemVoucherBody>;

export const redemptionStatsQuery = z.object({
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
});
export type RedemptionStatsQuery = z.input<typeof redemptionStatsQuery>;
export type RedemptionStats = z.output<typeof redemptionStatsQuery>;
