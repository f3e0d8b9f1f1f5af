// HTTP routes of the suggestion box (意见箱).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import * as s from './suggestions.schemas.js';
import * as svc from './suggestions.service.js';

/** Registers the suggestion box's routes. */
export function suggestionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/suggestions', {
    config: { audit: { exempt: 'a resident writing their own suggestion' } },
    schema: {
      operationId: 'createSuggestion',
      tags: ['suggestions'],
      summary: '居民提意见（可选择对外匿名；每人每天最多 5 条）',
      body: s.createSuggestionBody,
      response: { 201: s.suggestionSchema, ...errors(400, 401, 404, 429) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.createSuggestion(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/suggestions', {
    // The public view needs no login; queue and mine do (checked in the service).
    config: { public: true },
    schema: {
      operationId: 'listSuggestions',
      tags: ['suggestions'],
      summary: '意见列表：public 公示（已答复，姓名打码）；queue 工作人员待办；mine 我的意见',
      querystring: s.listSuggestionsQuery,
      response: { 200: s.suggestionPage, ...errors(400, 401, 404) },
    },
    handler: (req) => svc.listSuggestions(deps, req.actor ?? null, req.query),
  });

  r.post('/api/v1/suggestions/:id/answer', {
    config: { audit: ['suggestion.answer'] },
    schema: {
      operationId: 'answerSuggestion',
      tags: ['suggestions'],
      summary: '公开答复意见',
      params: s.idParams,
      body: s.answerSuggestionBody,
      response: { 200: s.suggestionSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => svc.answerSuggestion(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/suggestions/:id/to-need', {
    config: { audit: ['suggestion.to_need'] },
    schema: {
      operationId: 'convertSuggestionToNeed',
      tags: ['suggestions'],
      summary: '把意见转为需求（提意见的居民为需求人；同一请求编号重试只生成一条需求）',
      params: s.idParams,
      body: s.suggestionToNeedBody,
      response: { 200: s.suggestionSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => svc.suggestionToNeed(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/suggestions/:id/to-project', {
    config: { audit: ['suggestion.to_project'] },
    schema: {
      operationId: 'convertSuggestionToProject',
      tags: ['suggestions'],
      summary: '把意见转为项目草稿（同一请求编号重试只生成一个项目）',
      params: s.idParams,
      body: s.suggestionToProjectBody,
      response: { 200: s.suggestionSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: (req) => svc.suggestionToProject(deps, requireActor(req), req.params.id, req.body),
  });
}
