// HTTP routes of the merchant alliance, the points mall, vouchers and settlement.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { attachmentName, XLSX_MIME } from '../../platform/excel.js';
import { requireActor } from '../../platform/http.js';
import { ERROR_TEXTS, type Locale, translate } from '../../platform/messages.js';
import { errors } from '../../platform/schemas.js';
import * as catalog from './catalog.service.js';
import {
  applyMerchantBody,
  complaintBody,
  createdId,
  evaluateMerchantBody,
  evaluationSchema,
  fileMerchantBody,
  id,
  itemBody,
  itemPage,
  itemPatchBody,
  itemSchema,
  listCatalogQuery,
  listMerchantsQuery,
  listMyVouchersQuery,
  lookupVoucherBody,
  merchantContactSchema,
  merchantPage,
  merchantSchema,
  placeOrderBody,
  rateVoucherBody,
  redeemPreviewSchema,
  redeemVoucherBody,
  redemptionStatsQuery,
  redemptionStatsSchema,
  reviewMerchantBody,
  statementParams,
  statementSchema,
  voucherList,
  voucherPage,
  voucherSchema,
} from './mall.schemas.js';
import * as merchants from './merchants.service.js';
import * as orders from './orders.service.js';
import * as settlement from './settlement.service.js';

/** The counter's preview with its problem (an error code and params) rendered in the request's language. */
function preview(check: orders.VoucherCheck, locale: Locale): orders.RedeemPreview {
  return {
    ...check,
    problem: check.problem ? translate(ERROR_TEXTS, check.problem.code, locale, check.problem.params) : null,
  };
}

/** Registers the mall routes. */
export function mallRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/merchants', {
    config: { audit: { exempt: 'a person applying for their own shop; the review is audited' } },
    schema: {
      operationId: 'applyMerchant',
      tags: ['mall'],
      summary: '商户申请加入联盟（社区审核、街道备案后生效）',
      body: applyMerchantBody,
      response: { 201: merchantSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await merchants.applyMerchant(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/merchants', {
    schema: {
      operationId: 'listMerchants',
      tags: ['mall'],
      summary: '联盟商户（居民看已备案的；工作人员看辖区内全部状态；mine=true 看本人所在商户）',
      querystring: listMerchantsQuery,
      response: { 200: merchantPage, ...errors(400, 401) },
    },
    handler: (req) => merchants.listMerchants(deps, requireActor(req), req.query),
  });

  r.post('/api/v1/merchants/:id/contact/reveal', {
    config: { audit: ['merchant.contact_reveal'] },
    schema: {
      operationId: 'revealMerchantContact',
      tags: ['mall'],
      summary: '查看商户联系人完整姓名和电话（本社区商户管理人员；记入审计日志）',
      params: id,
      response: { 200: merchantContactSchema, ...errors(401, 404) },
    },
    handler: (req) => merchants.revealMerchantContact(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/merchants/:id/review', {
    config: { audit: ['merchant.approve', 'merchant.reject'] },
    schema: {
      operationId: 'reviewMerchant',
      tags: ['mall'],
      summary: '社区审核商户申请',
      params: id,
      body: reviewMerchantBody,
      response: { 200: merchantSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => merchants.reviewMerchant(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/merchants/:id/file', {
    config: { audit: ['merchant.file'] },
    schema: {
      operationId: 'fileMerchant',
      tags: ['mall'],
      summary: '街道备案：约定每积分结算金额（分）与支付基金，备案后商户生效',
      params: id,
      body: fileMerchantBody,
      response: { 200: merchantSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => merchants.fileMerchant(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/merchants/:id/evaluate', {
    config: { audit: ['merchant.evaluate'] },
    schema: {
      operationId: 'evaluateMerchant',
      tags: ['mall'],
      summary: '年度评议：续约或退出（退出时下架商品并自动退还未核销的券）',
      params: id,
      body: evaluateMerchantBody,
      response: { 200: evaluationSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => merchants.evaluateMerchant(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/catalog', {
    config: { audit: ['catalog.create'] },
    schema: {
      operationId: 'createCatalogItem',
      tags: ['mall'],
      summary: '上架商品：积分超市物品、商户优惠、社区服务',
      body: itemBody,
      response: { 201: itemSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await catalog.createCatalogItem(deps, requireActor(req), req.body)),
  });

  r.patch('/api/v1/catalog/:id', {
    config: { audit: ['catalog.update'] },
    schema: {
      operationId: 'updateCatalogItem',
      tags: ['mall'],
      summary: '修改商品（价格、库存、限购、可见范围）或下架',
      params: id,
      body: itemPatchBody,
      response: { 200: itemSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => catalog.updateCatalogItem(deps, requireActor(req), req.params.id, req.body),
  });

  r.get('/api/v1/catalog', {
    schema: {
      operationId: 'listCatalog',
      tags: ['mall'],
      summary: '积分商城：按类别、关键字、商户筛选；带坐标时按距离排序（附近商户）',
      querystring: listCatalogQuery,
      response: { 200: itemPage, ...errors(400, 401) },
    },
    handler: (req) => catalog.listCatalog(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/catalog/:id', {
    schema: {
      operationId: 'getCatalogItem',
      tags: ['mall'],
      summary: '商品详情',
      params: id,
      response: { 200: itemSchema, ...errors(401, 404) },
    },
    handler: (req) => catalog.getCatalogItem(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/orders', {
    config: { audit: { exempt: 'a person acting on their own points (an order); the journal is the record' } },
    schema: {
      operationId: 'placeOrder',
      tags: ['mall'],
      summary: '兑换：扣积分、减库存并发券（同一请求键重试不会重复扣分）',
      body: placeOrderBody,
      response: { 201: voucherSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: async (req, reply) => reply.status(201).send(await orders.placeOrder(deps, requireActor(req), req.body)),
  });

  r.post('/api/v1/orders/:id/cancel', {
    config: { audit: { exempt: 'a person acting on their own order; the refund journal is the record' } },
    schema: {
      operationId: 'cancelOrder',
      tags: ['mall'],
      summary: '取消未核销的兑换，退还积分',
      params: id,
      response: { 200: voucherSchema, ...errors(401, 404, 409) },
    },
    handler: (req) => orders.cancelOrder(deps, requireActor(req), req.params.id),
  });

  r.get('/api/v1/me/vouchers', {
    schema: {
      operationId: 'listMyVouchers',
      tags: ['mall'],
      summary: '我的兑换券',
      querystring: listMyVouchersQuery,
      response: { 200: voucherPage, ...errors(400, 401) },
    },
    handler: (req) => orders.listMyVouchers(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/me/vouchers/:id', {
    schema: {
      operationId: 'getVoucher',
      tags: ['mall'],
      summary: '兑换券详情（二维码内容与短码）',
      params: id,
      response: { 200: voucherSchema, ...errors(401, 404) },
    },
    handler: (req) => orders.getVoucher(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/me/vouchers/:id/rating', {
    config: { audit: { exempt: 'a person acting on their own voucher (a rating)' } },
    schema: {
      operationId: 'rateVoucher',
      tags: ['mall'],
      summary: '评价已核销的兑换',
      params: id,
      body: rateVoucherBody,
      response: { 200: voucherSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: (req) => orders.rateVoucher(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/merchants/:id/complaints', {
    config: { audit: { exempt: 'a person acting on their own voucher (a complaint)' } },
    schema: {
      operationId: 'complainMerchant',
      tags: ['mall'],
      summary: '投诉商户（计入年度评议）',
      params: id,
      body: complaintBody,
      response: { 201: createdId, ...errors(400, 401, 404) },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await orders.complainMerchant(deps, requireActor(req), { merchantId: req.params.id, ...req.body })),
  });

  r.post('/api/v1/vouchers/lookup', {
    config: { audit: { exempt: 'a read sent by POST so the voucher code stays out of URLs and logs' } },
    schema: {
      operationId: 'lookupVoucher',
      tags: ['mall'],
      summary: '核销前查看：扫码或输入短码，看这张券兑换什么、能否核销',
      body: lookupVoucherBody,
      response: { 200: redeemPreviewSchema, ...errors(400, 401, 422) },
    },
    handler: async (req) => preview(await orders.lookupVoucher(deps, requireActor(req), req.body.code), req.locale),
  });

  r.post('/api/v1/vouchers/redeem', {
    config: { audit: ['voucher.redeem'] },
    schema: {
      operationId: 'redeemVoucher',
      tags: ['mall'],
      summary: '核销兑换券（重复核销、他店的券、过期或已取消的券会被拒绝；网络重试幂等）',
      body: redeemVoucherBody,
      response: { 200: voucherSchema, ...errors(400, 401, 409, 422) },
    },
    handler: (req) => orders.redeemVoucher(deps, requireActor(req), req.body),
  });

  r.get('/api/v1/merchants/redemptions/today', {
    schema: {
      operationId: 'listTodayRedemptions',
      tags: ['mall'],
      summary: '今日核销记录（商户）',
      response: { 200: voucherList, ...errors(401) },
    },
    handler: async (req) => ({ items: await orders.listTodayRedemptions(deps, requireActor(req)) }),
  });

  r.get('/api/v1/merchants/:id/statements/:month', {
    schema: {
      operationId: 'getMerchantStatement',
      tags: ['mall'],
      summary: '商户月度结算单',
      params: statementParams,
      response: { 200: statementSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => settlement.getMerchantStatement(deps, requireActor(req), req.params.id, req.params.month),
  });

  r.post('/api/v1/merchants/:id/statements/:month/close', {
    config: { audit: ['merchant.statement_close'] },
    schema: {
      operationId: 'closeMerchantStatement',
      tags: ['mall'],
      summary: '月度关账（之后不可更改）',
      params: statementParams,
      response: { 200: statementSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: (req) => settlement.closeMerchantStatement(deps, requireActor(req), req.params.id, req.params.month),
  });

  r.get('/api/v1/merchants/:id/statements/:month/export', {
    schema: {
      operationId: 'exportMerchantStatement',
      tags: ['mall'],
      summary: '导出月度结算单（.xlsx）',
      params: statementParams,
    },
    handler: async (req, reply) => {
      const { file, name } = await settlement.exportMerchantStatement(
        deps,
        requireActor(req),
        req.params.id,
        req.params.month,
      );
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName(name)).send(file);
    },
  });

  r.get('/api/v1/mall/redemption-stats', {
    schema: {
      operationId: 'getRedemptionStats',
      tags: ['mall'],
      summary: '辖区核销统计（按商户）',
      querystring: redemptionStatsQuery,
      response: { 200: redemptionStatsSchema, ...errors(400, 401) },
    },
    handler: (req) => settlement.getRedemptionStats(deps, requireActor(req), req.query),
  });
}
