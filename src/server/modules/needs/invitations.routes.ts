// HTTP routes of matching, invitations and need tasks.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import { findNode } from '../org/index.js';
import * as s from './invitations.schemas.js';
import * as inv from './invitations.service.js';
import { getMatchWeights, matchNeed, updateMatchWeights } from './matching.service.js';

/** Registers matching, invitation and task routes. */
export function invitationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/needs/:id/matches', {
    schema: {
      operationId: 'matchNeed',
      tags: ['needs'],
      summary: '为需求匹配志愿者：按技能、距离、时间、可靠性、公平性排序，并说明理由',
      params: s.idParams,
      querystring: s.matchNeedQuery,
      response: { 200: s.matchResultSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => matchNeed(deps, requireActor(req), req.params.id, req.query, req.locale),
  });

  r.post('/api/v1/needs/:id/invitations', {
    config: { audit: ['need.invite'] },
    schema: {
      operationId: 'inviteVolunteers',
      tags: ['needs'],
      summary: '邀请选中的志愿者（需求转为“已邀请志愿者”）；可标为15分钟微服务',
      params: s.idParams,
      body: s.inviteBody,
      response: { 201: s.needInvitationsSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await inv.inviteVolunteers(deps, requireActor(req), req.params.id, req.body, req.locale)),
  });

  r.get('/api/v1/needs/:id/invitations', {
    schema: {
      operationId: 'listNeedInvitations',
      tags: ['needs'],
      summary: '需求的邀请及答复情况（工作人员）',
      params: s.idParams,
      response: { 200: s.needInvitationsSchema, ...errors(401, 404) },
    },
    handler: (req) => inv.listNeedInvitations(deps, requireActor(req), req.params.id, req.locale),
  });

  r.post('/api/v1/needs/:id/complete', {
    config: { audit: ['need.complete'] },
    schema: {
      operationId: 'completeNeed',
      tags: ['needs'],
      summary: '确认需求已完成（求助居民或工作人员），为服务的志愿者生成待验收的服务记录',
      params: s.idParams,
      response: { 200: s.completedNeedSchema, ...errors(401, 404, 409, 422) },
    },
    handler: (req) => inv.completeNeed(deps, requireActor(req), req.params.id),
  });

  r.get('/api/v1/me/need-invitations', {
    schema: {
      operationId: 'listMyInvitations',
      tags: ['needs'],
      summary: '我的任务邀请：待答复的邀请和我接下的任务',
      querystring: s.myInvitationsQuery,
      response: { 200: s.myInvitationsReply, ...errors(400, 401) },
    },
    handler: (req) => inv.listMyInvitations(deps, requireActor(req), req.query, req.locale),
  });

  r.post('/api/v1/need-invitations/:id/respond', {
    config: { audit: ['need.transition'] },
    schema: {
      operationId: 'respondInvitation',
      tags: ['needs'],
      summary: '接受或婉拒邀请；先接受的志愿者获得任务，名额满后答复“名额已满，谢谢您”',
      params: s.idParams,
      body: s.respondBody,
      response: { 200: s.respondReply, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => inv.respondInvitation(deps, requireActor(req), req.params.id, req.body.accept, req.locale),
  });

  r.post('/api/v1/need-invitations/:id/start', {
    config: { audit: ['need.transition'] },
    schema: {
      operationId: 'startNeedTask',
      tags: ['needs'],
      summary: '志愿者开始服务（需求转为“服务中”）',
      params: s.idParams,
      response: { 200: s.myInvitationSchema, ...errors(401, 404, 409) },
    },
    handler: (req) => inv.startNeedTask(deps, requireActor(req), req.params.id, req.locale),
  });

  r.post('/api/v1/need-invitations/:id/finish', {
    config: {
      audit: {
        exempt: 'a volunteer marking their own invited task finished; the confirmation is audited (need.complete)',
      },
    },
    schema: {
      operationId: 'finishNeedTask',
      tags: ['needs'],
      summary: '志愿者完成服务，等待求助居民确认',
      params: s.idParams,
      response: { 200: s.myInvitationSchema, ...errors(401, 404, 409, 422) },
    },
    handler: (req) => inv.finishNeedTask(deps, requireActor(req), req.params.id, req.locale),
  });

  r.get('/api/v1/districts/:districtId/match-weights', {
    schema: {
      operationId: 'getMatchWeights',
      tags: ['settings'],
      summary: '本区志愿者匹配权重',
      params: s.districtParams,
      response: { 200: s.matchWeightsSchema, ...errors(401, 404) },
    },
    handler: async (req) => {
      requireActor(req);
      const d = await findNode(deps.db, req.params.districtId);
      if (!d || d.kind !== 'district') throw notFound('org_node');
      return getMatchWeights(deps.db, d.id);
    },
  });

  r.patch('/api/v1/districts/:districtId/match-weights', {
    config: { audit: ['settings.update'] },
    schema: {
      operationId: 'updateMatchWeights',
      tags: ['settings'],
      summary: '修改本区志愿者匹配权重（区管理员）',
      params: s.districtParams,
      body: s.updateMatchWeightsBody,
      response: { 200: s.matchWeightsSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => updateMatchWeights(deps, requireActor(req), req.params.districtId, req.body),
  });
}
