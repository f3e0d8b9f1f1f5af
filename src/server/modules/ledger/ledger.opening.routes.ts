// HTTP routes of opening balances imported from a community's previous points system.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { attachmentName, XLSX_MIME } from '../../platform/excel.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import { importOpeningBalances, openingBalanceTemplate } from './ledger.opening.js';
import * as s from './ledger.schemas.js';

/** Registers the opening-balance routes. */
export function openingBalanceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/points/opening-balances/import-template', {
    schema: {
      operationId: 'getOpeningBalanceImportTemplate',
      tags: ['points'],
      summary: '下载期初积分导入模板（.xlsx）',
      querystring: s.openingTemplateQuery,
    },
    handler: async (req, reply) => {
      const file = await openingBalanceTemplate(deps, requireActor(req), req.query.communityId);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('期初积分导入模板.xlsx')).send(file);
    },
  });

  r.post('/api/v1/points/opening-balances/import', {
    config: { audit: ['points.opening_import'] },
    bodyLimit: 15 * 1024 * 1024,
    schema: {
      operationId: 'importOpeningBalances',
      tags: ['points'],
      summary: '导入原系统的期初积分（每人每个来源只记一次，重复导入不重复记分）；有错的行不导入并逐行说明',
      body: s.openingImportBody,
      response: { 200: s.openingImportReplySchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) =>
      importOpeningBalances(deps, requireActor(req), req.body, Buffer.from(req.body.fileBase64, 'base64')),
  });
}
