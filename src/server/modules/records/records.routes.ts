// HTTP routes of service records, ratings, hours and certificates.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { attachmentName, XLSX_MIME } from '../../platform/excel.js';
import { requireActor } from '../../platform/http.js';
import { countedPageOf, errors } from '../../platform/schemas.js';
import { publicBaseUrl } from '../volunteers/index.js';
import * as certs from './certificates.service.js';
import { exportServiceLedger } from './ledger.excel.js';
import * as s from './records.schemas.js';
import * as svc from './records.service.js';

/** Registers record, rating, hours and certificate routes. */
export function recordRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/service-records', {
    schema: {
      operationId: 'listServiceRecords',
      tags: ['records'],
      summary: '服务记录（本人、本队或本社区）',
      querystring: s.listRecordsQuery,
      response: { 200: countedPageOf(s.toRecordSchema), ...errors(400, 401, 404) },
    },
    handler: (req) => svc.listServiceRecords(deps, requireActor(req), req.query),
  });

  r.post('/api/v1/service-records/confirm', {
    config: { audit: ['record.confirm'] },
    schema: {
      operationId: 'confirmServiceRecords',
      tags: ['records'],
      summary: '队长确认服务时长',
      body: s.idsBody,
      response: { 200: s.recordItemsSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req) => ({ items: await svc.confirmServiceRecords(deps, requireActor(req), req.body.recordIds) }),
  });

  r.post('/api/v1/service-records/accept', {
    config: { audit: ['record.accept'] },
    schema: {
      operationId: 'acceptServiceRecords',
      tags: ['records'],
      summary: '社区验收服务质量（重复验收不会重复计分）',
      body: s.idsBody,
      response: { 200: s.recordItemsSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req) => ({ items: await svc.acceptServiceRecords(deps, requireActor(req), req.body.recordIds) }),
  });

  r.post('/api/v1/service-records/return', {
    config: { audit: ['record.return'] },
    schema: {
      operationId: 'returnServiceRecords',
      tags: ['records'],
      summary: '退回服务记录（须说明原因）',
      body: s.returnBody,
      response: { 200: s.recordItemsSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req) => ({
      items: await svc.returnServiceRecords(deps, requireActor(req), req.body.recordIds, req.body.reason),
    }),
  });

  r.post('/api/v1/service-records/:id/correct', {
    config: { audit: ['record.correct'] },
    schema: {
      operationId: 'correctServiceRecord',
      tags: ['records'],
      summary: '更正服务记录：生成引用原记录的新记录',
      params: s.idParams,
      body: s.correctBody,
      response: { 201: s.toRecordSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.correctServiceRecord(deps, requireActor(req), req.params.id, req.body)),
  });

  r.get('/api/v1/service-records/export', {
    schema: {
      operationId: 'exportServiceLedger',
      tags: ['records'],
      summary: '导出服务台账（.xlsx）',
      querystring: s.exportQuery,
    },
    handler: async (req, reply) => {
      const { file, name } = await exportServiceLedger(deps, requireActor(req), req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName(name)).send(file);
    },
  });

  r.post('/api/v1/activities/:id/ratings', {
    config: { audit: { exempt: 'a person acting on their own service record (a rating)' } },
    schema: {
      operationId: 'rateService',
      tags: ['records'],
      summary: '评价活动或服务（1–5 星）',
      params: s.idParams,
      body: s.ratingBody,
      response: { 201: s.ratingResultSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.rateService(deps, requireActor(req), req.params.id, req.body)),
  });

  r.get('/api/v1/activities/:id/ratings', {
    schema: {
      operationId: 'getActivityRatings',
      tags: ['records'],
      summary: '活动评价汇总',
      params: s.idParams,
      response: { 200: s.activityRatingsSchema, ...errors(401, 404) },
    },
    handler: (req) => svc.getActivityRatings(deps, requireActor(req), req.params.id),
  });

  r.get('/api/v1/me/hours', {
    schema: {
      operationId: 'getMyHours',
      tags: ['records'],
      summary: '我的服务时长与星级',
      response: { 200: s.myHoursSchema, ...errors(401) },
    },
    handler: (req) => svc.getMyHours(deps, requireActor(req)),
  });

  r.get('/api/v1/volunteers/:id/certificate', {
    schema: {
      operationId: 'getCertificate',
      tags: ['records'],
      summary: '志愿服务记录证明（PDF，含核验二维码；activities=1 附服务明细）',
      params: s.idParams,
      querystring: s.certificateQuery,
    },
    handler: async (req, reply) => {
      const { certNo, pdf } = await certs.getCertificate(deps, requireActor(req), req.params.id, publicBaseUrl(req), {
        activities: req.query.activities ?? false,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentName(`志愿服务记录证明-${certNo}.pdf`))
        .send(pdf);
    },
  });

  r.get('/api/v1/public/certificates/:certNo', {
    config: { public: true },
    schema: {
      operationId: 'verifyCertificate',
      tags: ['records'],
      summary: '公开核验志愿服务记录证明（无需登录）',
      params: s.certNoParams,
      response: { 200: s.certificateCheckSchema, ...errors(404) },
    },
    handler: (req) => certs.verifyCertificate(deps, req.params.certNo),
  });

  r.post('/api/v1/certificates/:certNo/revoke', {
    config: { audit: ['certificate.revoke'] },
    schema: {
      operationId: 'revokeCertificate',
      tags: ['records'],
      summary: '撤销证明（须说明原因）',
      params: s.certNoParams,
      body: s.revokeBody,
      response: { 200: s.certificateCheckSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => certs.revokeCertificate(deps, requireActor(req), req.params.certNo, req.body.reason),
  });
}
