// HTTP routes of star levels: my levels, the public publicity list (公示), objections and staff decisions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import * as s from './stars.schemas.js';
import * as svc from './stars.service.js';

/** Registers the star-level routes. */
export function starRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me/star-levels', {
    schema: {
      operationId: 'getStarLevels',
      tags: ['volunteers'],
      summary: '我的星级：已生效星级、按时长可达星级、公示中的晋级与历史',
      response: { 200: s.starLevelsSchema, ...errors(401) },
    },
    handler: (req) => svc.getStarLevels(deps, requireActor(req)),
  });

  r.get('/api/v1/public/star-publicity', {
    config: { public: true },
    schema: {
      operationId: 'listStarPublicity',
      tags: ['volunteers'],
      summary: '星级公示名单（无需登录；姓名打码，不含电话和证件号）',
      querystring: s.publicityQuery,
      response: { 200: s.publicityListSchema, ...errors(400) },
    },
    handler: (req) => svc.listStarPublicity(deps, req.actor ?? null, req.query),
  });

  r.post('/api/v1/star-publicity/:id/objections', {
    config: { audit: ['star.object'] },
    schema: {
      operationId: 'objectStarPublicity',
      tags: ['volunteers'],
      summary: '对公示中的星级提出异议（每人每条公示一次）',
      params: s.idParams,
      body: s.objectBody,
      response: { 201: s.objectionResultSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.objectStarPublicity(deps, requireActor(req), req.params.id, req.body)),
  });

  r.get('/api/v1/star-promotions', {
    schema: {
      operationId: 'listStarPromotions',
      tags: ['volunteers'],
      summary: '工作人员：辖区内公示中、有异议待处理（或按状态）的星级晋级',
      querystring: s.staffListQuery,
      response: { 200: s.staffListSchema, ...errors(400, 401) },
    },
    handler: (req) => svc.listStarPromotions(deps, requireActor(req), req.query),
  });

  r.post('/api/v1/star-promotions/:id/decision', {
    config: { audit: ['star.decide'] },
    schema: {
      operationId: 'decideStarPromotion',
      tags: ['volunteers'],
      summary: '处理星级异议：维持（公示期满后生效）或不予晋级（虚报时长则在规定期限内不得晋级）',
      params: s.idParams,
      body: s.decideBody,
      response: { 200: s.starPromotionSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => svc.decideStarPromotion(deps, requireActor(req), req.params.id, req.body),
  });
}
