// HTTP routes of the person's rights over their data: a copy (JSON or .xlsx), their own contact details, closing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { attachmentName, XLSX_MIME } from '../../platform/excel.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import { clearSessionCookies } from '../accounts/index.js';
import { myDataWorkbook } from './privacy.excel.js';
import * as s from './privacy.schemas.js';
import { closeMyAccount, exportMyData, getMyContact } from './privacy.service.js';

/** A copy of everything is heavy: ten an hour per person. */
const EXPORT_LIMIT = {
  max: 10,
  timeWindow: '1 hour',
  keyGenerator: (req: FastifyRequest) => (req.actor ? `me-data:${req.actor.userId}` : `me-data-ip:${req.ip}`),
};

export function privacyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me/data', {
    config: { rateLimit: EXPORT_LIMIT },
    schema: {
      operationId: 'exportMyData',
      tags: ['auth'],
      summary: '下载本人数据（JSON）：平台保存的关于本人的全部信息（记入审计日志）',
      response: { 200: s.myDataReply, ...errors(401, 429) },
    },
    handler: (req) => exportMyData(deps, requireActor(req), 'json'),
  });

  r.get('/api/v1/me/data.xlsx', {
    config: { rateLimit: EXPORT_LIMIT },
    schema: {
      operationId: 'exportMyDataXlsx',
      tags: ['auth'],
      summary: '下载本人数据（.xlsx，每类一张表；记入审计日志）',
    },
    handler: async (req, reply) => {
      const file = await myDataWorkbook(await exportMyData(deps, requireActor(req), 'xlsx'));
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('我的数据.xlsx')).send(file);
    },
  });

  r.get('/api/v1/me/contact', {
    schema: {
      operationId: 'getMyContact',
      tags: ['auth'],
      summary: '本人的完整手机号、姓名和身份证号（仅本人可见）',
      response: { 200: s.myContactReply, ...errors(401) },
    },
    handler: (req) => getMyContact(deps, requireActor(req)),
  });

  r.post('/api/v1/me/close', {
    // Open needs are withdrawn through transitionNeed, which audits each as need.transition.
    config: { audit: ['person.closed', 'need.transition'] },
    schema: {
      operationId: 'closeMyAccount',
      tags: ['auth'],
      summary: '注销本人账号：个人信息删除或以化名替代，登录失效；积分流水、服务记录和证书保留（记入审计日志）',
      body: s.closeMyAccountBody,
      response: { 200: s.closeMyAccountReply, ...errors(400, 401, 422) },
    },
    handler: async (req, reply) => {
      const closed = await closeMyAccount(deps, requireActor(req), req.body);
      clearSessionCookies(reply);
      return closed;
    },
  });
}
