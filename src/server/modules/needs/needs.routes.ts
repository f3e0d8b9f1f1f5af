// HTTP routes of the needs list (需求清单).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import {
  createNeedBody,
  listNeedsQuery,
  needCategoriesQuery,
  needCategoriesSchema,
  needDetailSchema,
  needListSchema,
  needParams,
  needSchema,
  rateNeedBody,
  triageNeedBody,
  withdrawNeedBody,
} from './needs.schemas.js';
import * as needs from './needs.service.js';

/** Registers the needs routes. */
export function needRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/needs', {
    config: { audit: ['need.create_proxy'] },
    schema: {
      operationId: 'createNeed',
      tags: ['needs'],
      summary: '提交需求（居民为自己提交；网格员、社工等可为居民代录，需填居民手机号，留痕）',
      body: createNeedBody,
      response: { 201: needSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) => {
      const need = await needs.createNeed(deps, requireActor(req), req.body);
      return reply.code(201).send(need);
    },
  });

  r.get('/api/v1/needs', {
    schema: {
      operationId: 'listNeeds',
      tags: ['needs'],
      summary: '需求列表（工作人员看辖区内的，可按状态、类别、紧急程度、社区筛选；居民或 mine=true 看本人的）',
      querystring: listNeedsQuery,
      response: { 200: needListSchema, ...errors(400, 401) },
    },
    handler: (req) => needs.listNeeds(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/need-categories', {
    schema: {
      operationId: 'listNeedCategories',
      tags: ['needs'],
      summary: '可选的需求类别（本人所在区的；工作人员可指定本人任职的区）',
      querystring: needCategoriesQuery,
      response: { 200: needCategoriesSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => needs.needCategoriesFor(deps, requireActor(req), req.query.districtId),
  });

  r.get('/api/v1/needs/:id', {
    schema: {
      operationId: 'getNeed',
      tags: ['needs'],
      summary: '需求详情与进度（本人或辖区工作人员；地点与手机号仅工作人员可见）',
      params: needParams,
      response: { 200: needDetailSchema, ...errors(401, 404) },
    },
    handler: (req) => needs.getNeed(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/needs/:id/triage', {
    config: { audit: ['need.transition'] },
    schema: {
      operationId: 'triageNeed',
      tags: ['needs'],
      summary:
        '分派需求：定类别、紧急程度和人数，然后派给志愿者（dispatch）、转入项目（link）或关闭（close，需写原因）',
      params: needParams,
      body: triageNeedBody,
      response: { 200: needSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => needs.triageNeed(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/needs/:id/withdraw', {
    config: { audit: ['need.transition'] },
    schema: {
      operationId: 'withdrawNeed',
      tags: ['needs'],
      summary: '撤回本人的需求（志愿者接单之前）',
      params: needParams,
      body: withdrawNeedBody,
      response: { 200: needSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => needs.withdrawNeed(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/needs/:id/rating', {
    config: { audit: ['need.transition'] },
    schema: {
      operationId: 'rateNeed',
      tags: ['needs'],
      summary: '服务完成后评价（1–5 星和评语）',
      params: needParams,
      body: rateNeedBody,
      response: { 200: needSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => needs.rateNeed(deps, requireActor(req), req.params.id, req.body),
  });
}
