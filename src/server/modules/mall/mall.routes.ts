// HTTP routes of the merchant alliance, the points mall, vouchers and settlement.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { attachmentName, XLSX_MIME } from '../../platform/excel.js';
import { requireActor } from '../../platform/http.js';
import { cursorSchema, errors, limitSchema, pageOf, phoneSchema } from '../../platform/schemas.js';
import * as catalog from './catalog.service.js';
import { MERCHANT_STATES, ORDER_STATES } from './mall.rules.js';
import * as merchants from './merchants.service.js';
import * as orders from './orders.service.js';
import * as settlement from './settlement.service.js';

const id = z.object({ id: z.string().min(1).max(64) });
const month = z.string().regex(/^\d{4}-\d{2}$/, { message: 'v.month' });
const key = z.string().trim().min(8).max(80);
const text = (max: number) => z.string().trim().min(1, { message: `v.name:${max}` }).max(max, { message: `v.name:${max}` });

const merchantSchema = z.object({
  id: z.string(), districtId: z.string(), communityId: z.string(), communityName: z.string(), name: z.string(), licenceNo: z.string(),
  address: z.string(), lat: z.number().nullable(), lng: z.number().nullable(), category: z.string(), offerSummary: z.string(),
  contactName: z.string(), contactPhoneMasked: z.string(), status: z.enum(MERCHANT_STATES), fenPerPoint: z.number().int(),
  fundName: z.string().nullable(), rejectReason: z.string().nullable(), filedAt: z.string().nullable(), exitedAt: z.string().nullable(),
  exitReason: z.string().nullable(), createdAt: z.string(), isMine: z.boolean(),
}).describe('Merchant');

const itemSchema = z.object({
  id: z.string(), districtId: z.string(), kind: z.enum(['goods', 'offer', 'service']), merchantId: z.string().nullable(),
  merchantName: z.string().nullable(), merchantAddress: z.string().nullable(), communityId: z.string(), title: z.string(),
  description: z.string(), category: z.string(), imageUrl: z.string().nullable(), pricePoints: z.number().int(), stock: z.number().int().nullable(),
  perPersonLimit: z.number().int().nullable(), voucherDays: z.number().int(), validUntil: z.string().nullable(),
  visibleTo: z.array(z.string()).nullable(), status: z.enum(['active', 'hidden', 'removed']), distanceMetres: z.number().int().nullable(),
}).describe('CatalogItem');

const voucherSchema = z.object({
  id: z.string(), districtId: z.string(), itemId: z.string(), title: z.string(), kind: z.string(), merchantId: z.string().nullable(),
  merchantName: z.string().nullable(), merchantAddress: z.string().nullable(), holderName: z.string(), points: z.number().int(), status: z.enum(ORDER_STATES), shortCode: z.string(), qrPayload: z.string(),
  expiresAt: z.string(), redeemedAt: z.string().nullable(), createdAt: z.string(), rated: z.boolean(),
}).describe('Voucher');

const statementSchema = z.object({
  merchantId: z.string(), merchantName: z.string(), month: z.string(), closed: z.boolean(), closedAt: z.string().nullable(),
  vouchers: z.number().int(), points: z.number().int(), fenPerPoint: z.number().int(), amountFen: z.number().int(), fundName: z.string().nullable(),
  lines: z.array(z.object({ orderId: z.string(), redeemedAt: z.string(), title: z.string(), points: z.number().int() })),
}).describe('MerchantStatement');

const itemBody = z.object({
  kind: z.enum(['goods', 'offer', 'service']),
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

/** Registers the mall routes. */
export function mallRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/merchants', {
    schema: {
      operationId: 'applyMerchant', tags: ['mall'], summary: '商户申请加入联盟（社区审核、街道备案后生效）',
      body: z.object({
        communityId: z.string().min(1).max(64), name: text(40), licenceNo: z.string().trim().regex(/^[0-9A-Z]{15,18}$/, { message: 'v.licence' }),
        address: text(100), lat: z.number().min(-90).max(90).nullable().optional(), lng: z.number().min(-180).max(180).nullable().optional(),
        category: z.string().trim().min(1).max(20), offerSummary: text(200), contactName: text(20), contactPhone: phoneSchema,
      }),
      response: { 201: merchantSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await merchants.applyMerchant(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/merchants', {
    schema: {
      operationId: 'listMerchants', tags: ['mall'], summary: '联盟商户（居民看已备案的；工作人员看辖区内全部状态；mine=true 看本人所在商户）',
      querystring: z.object({
        districtId: z.string().max(64).optional(), status: z.enum(MERCHANT_STATES).optional(),
        mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), cursor: cursorSchema, limit: limitSchema(50, 200),
      }),
      response: { 200: pageOf(merchantSchema), ...errors(400, 401) },
    },
    handler: (req) => merchants.listMerchants(deps, requireActor(req), req.query),
  });

  r.post('/api/v1/merchants/:id/review', {
    schema: {
      operationId: 'reviewMerchant', tags: ['mall'], summary: '社区审核商户申请',
      params: id, body: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(200).nullable().optional() }),
      response: { 200: merchantSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => merchants.reviewMerchant(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/merchants/:id/file', {
    schema: {
      operationId: 'fileMerchant', tags: ['mall'], summary: '街道备案：约定每积分结算金额（分）与支付基金，备案后商户生效',
      params: id, body: z.object({ fenPerPoint: z.number().int().min(0).max(10_000), fundName: z.string().trim().max(40).nullable().optional() }),
      response: { 200: merchantSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => merchants.fileMerchant(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/merchants/:id/evaluate', {
    schema: {
      operationId: 'evaluateMerchant', tags: ['mall'], summary: '年度评议：续约或退出（退出时下架商品并自动退还未核销的券）',
      params: id, body: z.object({ year: z.number().int().min(2000).max(2100), decision: z.enum(['renew', 'exit']), note: z.string().trim().max(200).nullable().optional() }),
      response: {
        200: z.object({ merchant: merchantSchema, ratingX10: z.number().int().nullable(), ratings: z.number().int(), complaints: z.number().int(), redemptions: z.number().int(), refunded: z.number().int() }),
        ...errors(400, 401, 404, 422),
      },
    },
    handler: (req) => merchants.evaluateMerchant(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/catalog', {
    schema: { operationId: 'createCatalogItem', tags: ['mall'], summary: '上架商品：积分超市物品、商户优惠、社区服务', body: itemBody, response: { 201: itemSchema, ...errors(400, 401, 404, 422) } },
    handler: async (req, reply) => reply.status(201).send(await catalog.createCatalogItem(deps, requireActor(req), req.body)),
  });

  r.patch('/api/v1/catalog/:id', {
    schema: {
      operationId: 'updateCatalogItem', tags: ['mall'], summary: '修改商品（价格、库存、限购、可见范围）或下架',
      params: id, body: itemBody.omit({ kind: true, communityId: true, merchantId: true }).partial().extend({ status: z.enum(['active', 'hidden', 'removed']).optional() }),
      response: { 200: itemSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => catalog.updateCatalogItem(deps, requireActor(req), req.params.id, req.body),
  });

  r.get('/api/v1/catalog', {
    schema: {
      operationId: 'listCatalog', tags: ['mall'], summary: '积分商城：按类别、关键字、商户筛选；带坐标时按距离排序（附近商户）',
      querystring: z.object({
        districtId: z.string().max(64).optional(), kind: z.enum(['goods', 'offer', 'service']).optional(), category: z.string().max(20).optional(),
        q: z.string().trim().max(30).optional(), merchantId: z.string().max(64).optional(),
        manage: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('staff: every item in scope, any status'),
        lat: z.coerce.number().min(-90).max(90).optional(), lng: z.coerce.number().min(-180).max(180).optional(), cursor: cursorSchema, limit: limitSchema(20, 100),
      }),
      response: { 200: pageOf(itemSchema), ...errors(400, 401) },
    },
    handler: (req) => catalog.listCatalog(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/catalog/:id', {
    schema: { operationId: 'getCatalogItem', tags: ['mall'], summary: '商品详情', params: id, response: { 200: itemSchema, ...errors(401, 404) } },
    handler: (req) => catalog.getCatalogItem(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/orders', {
    schema: {
      operationId: 'placeOrder', tags: ['mall'], summary: '兑换：扣积分、减库存并发券（同一请求键重试不会重复扣分）',
      body: z.object({ itemId: z.string().min(1).max(64), idempotencyKey: key }), response: { 201: voucherSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: async (req, reply) => reply.status(201).send(await orders.placeOrder(deps, requireActor(req), req.body)),
  });

  r.post('/api/v1/orders/:id/cancel', {
    schema: { operationId: 'cancelOrder', tags: ['mall'], summary: '取消未核销的兑换，退还积分', params: id, response: { 200: voucherSchema, ...errors(401, 404, 409) } },
    handler: (req) => orders.cancelOrder(deps, requireActor(req), req.params.id),
  });

  r.get('/api/v1/me/vouchers', {
    schema: {
      operationId: 'listMyVouchers', tags: ['mall'], summary: '我的兑换券',
      querystring: z.object({ status: z.enum(ORDER_STATES).optional(), cursor: cursorSchema, limit: limitSchema(20, 100) }),
      response: { 200: pageOf(voucherSchema), ...errors(400, 401) },
    },
    handler: (req) => orders.listMyVouchers(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/me/vouchers/:id', {
    schema: { operationId: 'getVoucher', tags: ['mall'], summary: '兑换券详情（二维码内容与短码）', params: id, response: { 200: voucherSchema, ...errors(401, 404) } },
    handler: (req) => orders.getVoucher(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/me/vouchers/:id/rating', {
    schema: {
      operationId: 'rateVoucher', tags: ['mall'], summary: '评价已核销的兑换',
      params: id, body: z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(300).nullable().optional() }),
      response: { 200: voucherSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: (req) => orders.rateVoucher(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/merchants/:id/complaints', {
    schema: {
      operationId: 'complainMerchant', tags: ['mall'], summary: '投诉商户（计入年度评议）',
      params: id, body: z.object({ orderId: z.string().max(64).nullable().optional(), content: text(500) }),
      response: { 201: z.object({ id: z.string() }), ...errors(400, 401, 404) },
    },
    handler: async (req, reply) => reply.status(201).send(await orders.complainMerchant(deps, requireActor(req), { merchantId: req.params.id, ...req.body })),
  });

  r.post('/api/v1/vouchers/lookup', {
    schema: {
      operationId: 'lookupVoucher', tags: ['mall'], summary: '核销前查看：扫码或输入短码，看这张券兑换什么、能否核销',
      body: z.object({ code: z.string().trim().min(4).max(200) }),
      response: {
        200: voucherSchema.extend({ redeemable: z.boolean(), problem: z.string().nullable() }),
        ...errors(400, 401, 422),
      },
    },
    handler: (req) => orders.lookupVoucher(deps, requireActor(req), req.body.code, req.locale),
  });

  r.post('/api/v1/vouchers/redeem', {
    schema: {
      operationId: 'redeemVoucher', tags: ['mall'], summary: '核销兑换券（重复核销、他店的券、过期或已取消的券会被拒绝；网络重试幂等）',
      body: z.object({ code: z.string().trim().min(4).max(200), redeemKey: key }),
      response: { 200: voucherSchema, ...errors(400, 401, 409, 422) },
    },
    handler: (req) => orders.redeemVoucher(deps, requireActor(req), req.body),
  });

  r.get('/api/v1/merchants/redemptions/today', {
    schema: {
      operationId: 'listTodayRedemptions', tags: ['mall'], summary: '今日核销记录（商户）',
      response: { 200: z.object({ items: z.array(voucherSchema) }), ...errors(401) },
    },
    handler: async (req) => ({ items: await orders.listTodayRedemptions(deps, requireActor(req)) }),
  });

  r.get('/api/v1/merchants/:id/statements/:month', {
    schema: {
      operationId: 'getMerchantStatement', tags: ['mall'], summary: '商户月度结算单', params: id.extend({ month }),
      response: { 200: statementSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => settlement.getMerchantStatement(deps, requireActor(req), req.params.id, req.params.month),
  });

  r.post('/api/v1/merchants/:id/statements/:month/close', {
    schema: {
      operationId: 'closeMerchantStatement', tags: ['mall'], summary: '月度关账（之后不可更改）', params: id.extend({ month }),
      response: { 200: statementSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: (req) => settlement.closeMerchantStatement(deps, requireActor(req), req.params.id, req.params.month),
  });

  r.get('/api/v1/merchants/:id/statements/:month/export', {
    schema: { operationId: 'exportMerchantStatement', tags: ['mall'], summary: '导出月度结算单（.xlsx）', params: id.extend({ month }) },
    handler: async (req, reply) => {
      const { file, name } = await settlement.exportMerchantStatement(deps, requireActor(req), req.params.id, req.params.month);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName(name)).send(file);
    },
  });

  r.get('/api/v1/mall/redemption-stats', {
    schema: {
      operationId: 'getRedemptionStats', tags: ['mall'], summary: '辖区核销统计（按商户）',
      querystring: z.object({ from: z.string().datetime().optional(), to: z.string().datetime().optional() }),
      response: {
        200: z.object({ items: z.array(z.object({ merchantId: z.string().nullable(), merchantName: z.string(), vouchers: z.number().int(), points: z.number().int() })) }),
        ...errors(400, 401),
      },
    },
    handler: (req) => settlement.getRedemptionStats(deps, requireActor(req), req.query),
  });
}
