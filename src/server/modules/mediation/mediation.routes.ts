// HTTP routes of mediation (调解). Every case route answers 404 to anyone who is not a party, an assigned mediator or
// the community's mediation lead (the service decides); 401 without a session.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import * as s from './mediation.schemas.js';
import * as svc from './mediation.service.js';

/** Registers mediation's routes. */
export function mediationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/mediation/cases', {
    config: { audit: ['mediation.opened'] },
    schema: {
      operationId: 'openMediationCase',
      tags: ['mediation'],
      summary: '申请调解（居民本人，或调解负责人代为登记）：纠纷类型、情况说明、另一方当事人',
      body: s.openCaseBody,
      response: { 201: s.caseSchema, ...errors(400, 401, 404, 422, 429) },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.openCase(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/mediation/my-cases', {
    schema: {
      operationId: 'listMyMediationCases',
      tags: ['mediation'],
      summary: '我的调解：我是当事人的案件（每次查看都记入日志）',
      querystring: s.listQuery,
      response: { 200: s.casePage, ...errors(400, 401) },
    },
    handler: (req) => svc.listMyCases(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/mediation/cases', {
    schema: {
      operationId: 'listMediationCases',
      tags: ['mediation'],
      summary: '调解案件：调解负责人看本社区的案件，调解员看分派给自己的案件（每次查看都记入日志）',
      querystring: s.listQuery,
      response: { 200: s.casePage, ...errors(400, 401) },
    },
    handler: (req) => svc.listCases(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/mediation/stats', {
    schema: {
      operationId: 'getMediationStats',
      tags: ['mediation'],
      summary: '调解统计（匿名）：按月份、纠纷类型、结果计数，少于 3 件的不显示',
      querystring: s.statsQuery,
      response: { 200: s.statsSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => svc.getStats(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/mediation/cases/:id', {
    schema: {
      operationId: 'getMediationCase',
      tags: ['mediation'],
      summary: '调解案件详情（仅当事人、分派的调解员和调解负责人可见；查看记入日志）',
      params: s.idParams,
      response: { 200: s.caseSchema, ...errors(401, 404) },
    },
    handler: (req) => svc.getCase(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/mediation/cases/:id/mediators', {
    config: { audit: ['mediation.mediators_assigned'] },
    schema: {
      operationId: 'assignMediators',
      tags: ['mediation'],
      summary: '调解负责人分派（或更换）调解员',
      params: s.idParams,
      body: s.assignBody,
      response: { 200: s.caseSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: (req) => svc.assignMediators(deps, requireActor(req), req.params.id, req.body),
  });

  r.get('/api/v1/mediation/cases/:id/mediator-candidates', {
    schema: {
      operationId: 'listMediationCandidates',
      tags: ['mediation'],
      summary: '可分派的调解员（本社区持调解员角色的人，当事人除外）',
      params: s.idParams,
      response: { 200: s.candidateList, ...errors(401, 404) },
    },
    handler: (req) => svc.listCandidates(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/mediation/cases/:id/messages', {
    config: { audit: ['mediation.message_posted'] },
    schema: {
      operationId: 'postMediationMessage',
      tags: ['mediation'],
      summary: '一对一私密咨询：当事人在自己的对话里留言，调解员回复指定当事人',
      params: s.idParams,
      body: s.messageBody,
      response: { 201: s.messageSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.postMessage(deps, requireActor(req), req.params.id, req.body)),
  });

  r.get('/api/v1/mediation/cases/:id/messages', {
    schema: {
      operationId: 'listMediationMessages',
      tags: ['mediation'],
      summary: '私密对话记录：当事人只能看自己的对话；调解员和负责人可看每位当事人的对话（查看记入日志）',
      params: s.idParams,
      querystring: s.messagesQuery,
      response: { 200: s.messageList, ...errors(400, 401, 404) },
    },
    handler: (req) => svc.listMessages(deps, requireActor(req), req.params.id, req.query),
  });

  r.post('/api/v1/mediation/cases/:id/sessions', {
    config: { audit: ['mediation.session_recorded'] },
    schema: {
      operationId: 'recordMediationSession',
      tags: ['mediation'],
      summary: '记录一次调解（时间、地点、线上/线下、参加人员、记录）',
      params: s.idParams,
      body: s.sessionBody,
      response: { 200: s.caseSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => svc.recordSession(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/mediation/cases/:id/close', {
    config: { audit: ['mediation.closed'] },
    schema: {
      operationId: 'closeMediationCase',
      tags: ['mediation'],
      summary: '结案：达成协议（协议内容）、转交（转交给谁）或调解未成功',
      params: s.idParams,
      body: s.closeBody,
      response: { 200: s.caseSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => svc.closeCase(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/mediation/cases/:id/withdraw', {
    config: { audit: ['mediation.withdrawn'] },
    schema: {
      operationId: 'withdrawMediationCase',
      tags: ['mediation'],
      summary: '申请人在分派调解员之前撤回申请',
      params: s.idParams,
      response: { 200: s.caseSchema, ...errors(401, 404, 409) },
    },
    handler: (req) => svc.withdrawCase(deps, requireActor(req), req.params.id),
  });
}
