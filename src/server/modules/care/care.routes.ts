// HTTP routes of the care registry (关爱台账). A subject is read only by staff with care.manage over it and its
// assigned visitors (everyone else: 404); every read is logged.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import * as s from './care.schemas.js';
import * as svc from './care.service.js';

/** Registers the care registry's routes. */
export function careRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/care/subjects', {
    config: { audit: ['care.subject_created', 'care.subject_read'] },
    schema: {
      operationId: 'createCareSubject',
      tags: ['care'],
      summary: '登记关爱对象（独居、空巢、残疾、失能、重疾老人，困境儿童）：分级 重点/重要/一般',
      body: s.createSubjectBody,
      response: { 201: s.subjectSchema, ...errors(400, 401, 404) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.createCareSubject(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/care/subjects', {
    schema: {
      operationId: 'listCareSubjects',
      tags: ['care'],
      summary: '关爱台账：本辖区的关爱对象，按紧急程度排序（红、黄、蓝；每次查看都记入日志）',
      querystring: s.listQuery,
      response: { 200: s.subjectPage, ...errors(400, 401) },
    },
    handler: (req) => svc.listCareSubjects(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/care/alerts', {
    schema: {
      operationId: 'listCareAlerts',
      tags: ['care'],
      summary: '关爱预警：逾期或报告紧急情况（红）、48 小时内到期（黄），最紧急的在前',
      querystring: s.listQuery,
      response: { 200: s.subjectPage, ...errors(400, 401) },
    },
    handler: (req) => svc.listCareAlerts(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/care/my-people', {
    schema: {
      operationId: 'listMyCarePeople',
      tags: ['care'],
      summary: '我关照的人：分派给我的关爱对象，按紧急程度排序',
      querystring: s.listQuery,
      response: { 200: s.subjectPage, ...errors(400, 401) },
    },
    handler: (req) => svc.listMyCarePeople(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/care/my-visits', {
    schema: {
      operationId: 'listMyCareVisits',
      tags: ['care'],
      summary: '我的走访记录',
      querystring: s.listQuery,
      response: { 200: s.visitPage, ...errors(400, 401) },
    },
    handler: (req) => svc.listMyCareVisits(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/care/subjects/:id', {
    schema: {
      operationId: 'getCareSubject',
      tags: ['care'],
      summary: '关爱对象详情与走访记录（仅管理人员和分派的走访人可见；查看记入日志）',
      params: s.idParams,
      response: { 200: s.subjectSchema, ...errors(401, 404) },
    },
    handler: (req) => svc.getCareSubject(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/care/subjects/:id/tier', {
    config: { audit: ['care.tier_updated', 'care.subject_read'] },
    schema: {
      operationId: 'updateCareTier',
      tags: ['care'],
      summary: '调整关爱分级（走访间隔默认 7/90/180 天，可另设）',
      params: s.idParams,
      body: s.updateTierBody,
      response: { 200: s.subjectSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => svc.updateCareTier(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/care/subjects/:id/visitors', {
    config: { audit: ['care.visitor_assigned', 'care.subject_read'] },
    schema: {
      operationId: 'assignCareVisitor',
      tags: ['care'],
      summary: '分派走访人：网格员等工作人员，或本社区结对的志愿者（邻里关照）',
      params: s.idParams,
      body: s.assignVisitorBody,
      response: { 200: s.subjectSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => svc.assignCareVisitor(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/care/subjects/:id/visits', {
    config: { audit: ['care.visit_logged', 'care.subject_read'] },
    schema: {
      operationId: 'logCareVisit',
      tags: ['care'],
      summary: '记录一次走访（情况、一切安好/需要帮助并提出需求、紧急情况）',
      params: s.idParams,
      body: s.logVisitBody,
      response: { 200: s.subjectSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: (req) => svc.logCareVisit(deps, requireActor(req), req.params.id, req.body),
  });
}
