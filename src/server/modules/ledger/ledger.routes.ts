// HTTP routes of the points bank.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { attachmentName, XLSX_MIME } from '../../platform/excel.js';
import { requireActor } from '../../platform/http.js';
import { countedPageOf, errors, pageOf } from '../../platform/schemas.js';
import * as pub from './ledger.public.js';
import * as s from './ledger.schemas.js';
import * as svc from './ledger.service.js';
import type { Contributors } from './ledger.contributors.js';
import { getPointRulesWithHistory, updatePointRules } from './ledger.settings.js';
import { exportYearSummary, getYearSummary } from './ledger.summary.js';
import { exportLedgerChain } from './ledger.export.js';
import { getLedgerPublicKey, listSignedLedgerHeads } from './ledger.signing.js';

const journalOut = { 200: s.journalViewSchema, ...errors(400, 401, 404, 409, 422) };

/**
 * Registers the points bank routes. `contributors` finds the organisations the ledger cannot import (merchants:
 * the mall imports the ledger), wired by app.ts.
 */
export function ledgerRoutes(app: FastifyInstance, deps: Deps, opts: { contributors: Contributors }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me/points', {
    schema: {
      operationId: 'getMyPoints',
      tags: ['points'],
      summary: '我的积分（各区账户余额）',
      response: { 200: s.myPointsSchema, ...errors(401) },
    },
    handler: (req) => svc.getMyPoints(deps, requireActor(req)),
  });

  r.get('/api/v1/me/points/journals', {
    schema: {
      operationId: 'listMyJournals',
      tags: ['points'],
      summary: '我的积分明细',
      querystring: s.myJournalsQuery,
      response: { 200: pageOf(s.journalViewSchema), ...errors(400, 401) },
    },
    handler: (req) => svc.listMyJournals(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/me/points/verify', {
    schema: {
      operationId: 'verifyMyJournals',
      tags: ['points'],
      summary: '核验我的积分记录都在公示的哈希链中且未被篡改',
      querystring: s.districtQuery,
      response: { 200: s.myVerificationSchema, ...errors(401, 404) },
    },
    handler: (req) => pub.verifyMyJournals(deps, requireActor(req), req.query.districtId),
  });

  r.post('/api/v1/me/points/gifts', {
    config: { audit: { exempt: 'a person acting on their own points; the journal itself is the hash-chained record' } },
    schema: {
      operationId: 'giftPoints',
      tags: ['points'],
      summary: '转赠积分给直系亲属（本区开放时）',
      body: s.giftBody,
      response: journalOut,
    },
    handler: (req) => svc.giftPoints(deps, requireActor(req), req.body),
  });

  r.post('/api/v1/me/points/donations', {
    config: { audit: { exempt: 'a person acting on their own points; the journal itself is the hash-chained record' } },
    schema: {
      operationId: 'donatePoints',
      tags: ['points'],
      summary: '捐赠积分给社区公益基金（本区开放时）',
      body: s.donateBody,
      response: journalOut,
    },
    handler: (req) => svc.donatePoints(deps, requireActor(req), req.body),
  });

  r.get('/api/v1/public/ledger/:districtId/journals', {
    config: { public: true },
    schema: {
      operationId: 'listPublicJournals',
      tags: ['points'],
      summary: '公示：积分流水（姓名脱敏），按时间倒序，可按社区和月份筛选',
      params: s.districtParams,
      querystring: s.publicJournalsQuery,
      response: { 200: countedPageOf(s.publicJournalSchema), ...errors(400, 404) },
    },
    handler: (req) => pub.listPublicJournals(deps, { districtId: req.params.districtId, ...req.query }),
  });

  r.get('/api/v1/public/ledger/:districtId/head', {
    config: { public: true },
    schema: {
      operationId: 'getLedgerHead',
      tags: ['points'],
      summary: '公示：哈希链头（记录数与最新哈希）',
      params: s.districtParams,
      response: { 200: s.headSchema, ...errors(404) },
    },
    handler: (req) => pub.getLedgerHead(deps, req.params.districtId),
  });

  // Issue 14: what a citizen needs to check the chain from outside (tools/verify-chain.mjs), limited per IP.
  const publicRead = {
    public: true,
    rateLimit: { max: () => deps.config.publicRateLimit, timeWindow: '1 minute' },
  };

  r.get('/api/v1/public/ledger/public-key', {
    config: publicRead,
    schema: {
      operationId: 'getLedgerPublicKey',
      tags: ['points'],
      summary: '公示：本系统签名链头所用的 Ed25519 公钥',
      response: { 200: s.ledgerPublicKeySchema, ...errors(429) },
    },
    handler: () => getLedgerPublicKey(deps),
  });

  r.get('/api/v1/public/ledger/:districtId/signed-heads', {
    config: publicRead,
    schema: {
      operationId: 'listSignedLedgerHeads',
      tags: ['points'],
      summary: '公示：每日签名的哈希链头（可自行保存，日后证明账本未被改写）',
      params: s.districtParams,
      querystring: s.signedHeadsQuery,
      response: { 200: pageOf(s.signedHeadSchema), ...errors(400, 404, 429) },
    },
    handler: (req) => listSignedLedgerHeads(deps, req.params.districtId, req.query),
  });

  r.get('/api/v1/public/ledger/:districtId/chain', {
    config: publicRead,
    schema: {
      operationId: 'exportLedgerChain',
      tags: ['points'],
      summary: '公示：整条哈希链（脱敏，按序分页），可据此重算每一笔流水的哈希',
      params: s.districtParams,
      querystring: s.chainQuery,
      response: { 200: s.chainPageSchema, ...errors(400, 404, 429) },
    },
    handler: (req) => exportLedgerChain(deps, req.params.districtId, req.query),
  });

  r.post('/api/v1/points/awards', {
    config: { audit: ['points.award'] },
    schema: {
      operationId: 'awardPoints',
      tags: ['points'],
      summary: '奖励积分（须说明原因）',
      body: s.awardBody,
      response: journalOut,
    },
    handler: (req) => svc.awardPoints(deps, requireActor(req), req.body),
  });

  r.post('/api/v1/points/journals/:id/reverse', {
    config: { audit: ['points.reverse'] },
    schema: {
      operationId: 'reverseJournal',
      tags: ['points'],
      summary: '冲正一笔积分记录（生成反向记录，不修改原记录）',
      params: s.idParams,
      body: s.reverseBody,
      response: journalOut,
    },
    handler: (req) => svc.reverseJournal(deps, requireActor(req), req.params.id, req.body.reason),
  });

  r.post('/api/v1/points/contributions', {
    config: { audit: ['points.contribution'] },
    schema: {
      operationId: 'recordContribution',
      tags: ['points'],
      summary: '登记共建单位/服务队的共建贡献（投工、物资、资金，折合金额）并记积分',
      body: s.contributionBody,
      response: { 200: s.contributionReplySchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => svc.recordContribution(deps, requireActor(req), req.body, opts.contributors),
  });

  r.get('/api/v1/points/accounts', {
    schema: {
      operationId: 'listPointAccounts',
      tags: ['points'],
      summary: '辖区积分账户查询',
      querystring: s.accountsQuery,
      response: { 200: countedPageOf(s.pointAccountSchema), ...errors(400, 401) },
    },
    handler: (req) => svc.listPointAccounts(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/districts/:districtId/point-rules', {
    schema: {
      operationId: 'getPointRules',
      tags: ['points'],
      summary: '本区积分规则及修改历史',
      params: s.districtParams,
      response: { 200: s.pointRulesWithHistorySchema, ...errors(401, 404) },
    },
    handler: (req) => getPointRulesWithHistory(deps, requireActor(req), req.params.districtId),
  });

  r.patch('/api/v1/districts/:districtId/point-rules', {
    config: { audit: ['points.rules_update'] },
    schema: {
      operationId: 'updatePointRules',
      tags: ['points'],
      summary: '修改本区积分规则（区管理员，保留历史版本）',
      params: s.districtParams,
      body: s.rulesPatchBody,
      response: { 200: s.rulesSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => updatePointRules(deps, requireActor(req), req.params.districtId, req.body),
  });

  r.get('/api/v1/points/year-summary', {
    schema: {
      operationId: 'getYearSummary',
      tags: ['points'],
      summary: '年度积分与服务时长汇总、排名（评比表彰用）',
      querystring: s.yearQuery,
      response: {
        200: s.yearSummarySchema,
        ...errors(400, 401, 404),
      },
    },
    handler: (req) => getYearSummary(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/points/year-summary/export', {
    schema: {
      operationId: 'exportYearSummary',
      tags: ['points'],
      summary: '导出年度积分汇总（.xlsx）',
      querystring: s.yearQuery,
    },
    handler: async (req, reply) => {
      const { file, name } = await exportYearSummary(deps, requireActor(req), req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName(name)).send(file);
    },
  });

  r.get('/api/v1/points/verification', {
    schema: {
      operationId: 'getLedgerVerification',
      tags: ['points'],
      summary: '账本核验状态：重算哈希链与余额',
      querystring: s.districtQuery,
      response: { 200: s.ledgerVerificationSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => pub.getLedgerVerification(deps, requireActor(req), req.query.districtId, req.locale),
  });
}
