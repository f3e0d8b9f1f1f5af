// HTTP routes of service recorded after the fact (补记): one entry, and the Excel template and import.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { attachmentName, XLSX_MIME } from '../../platform/excel.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import { importPastService, pastServiceTemplate } from './past-service.excel.js';
import { recordPastService } from './past-service.service.js';
import { importBody, importReply, pastServiceBody, templateQuery } from './past-service.schemas.js';
import { toRecordSchema } from './records.schemas.js';

/** Registers the routes of past service. */
export function pastServiceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/service-records/past', {
    config: { audit: ['record.past_service'] },
    schema: {
      operationId: 'recordPastService',
      tags: ['records'],
      summary: '社区工作人员补记系统外的服务（日期、时长、地点、内容、证明人），之后照常确认、验收',
      body: pastServiceBody,
      response: { 201: toRecordSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) => reply.status(201).send(await recordPastService(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/service-records/past/import-template', {
    schema: {
      operationId: 'getPastServiceImportTemplate',
      tags: ['records'],
      summary: '下载补记服务批量导入模板（.xlsx）',
      querystring: templateQuery,
    },
    handler: async (req, reply) => {
      const file = await pastServiceTemplate(deps, requireActor(req), req.query.communityId);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('补记服务导入模板.xlsx')).send(file);
    },
  });

  r.post('/api/v1/service-records/past/import', {
    config: { audit: ['record.past_service'] },
    bodyLimit: 15 * 1024 * 1024,
    schema: {
      operationId: 'importPastService',
      tags: ['records'],
      summary: '从 Excel 批量补记服务；有错的行不导入并逐行说明',
      body: importBody,
      response: { 200: importReply, ...errors(400, 401, 404) },
    },
    handler: (req) =>
      importPastService(deps, requireActor(req), req.body.communityId, Buffer.from(req.body.fileBase64, 'base64')),
  });
}
