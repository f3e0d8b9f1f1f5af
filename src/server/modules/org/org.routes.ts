// HTTP routes of the organisation tree and partner units: validate, authenticate, call one service, present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { errors, pageOf } from '../../platform/schemas.js';
import * as s from './org.schemas.js';
import * as svc from './org.service.js';

/** Registers the org routes. */
export function orgRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/public/communities', {
    config: { public: true },
    schema: {
      operationId: 'listCommunities',
      tags: ['org'],
      summary: '公开：区、街道、社区列表（注册时选择所在社区）',
      response: { 200: s.communitiesSchema },
    },
    handler: async () => ({ items: await svc.listCommunities(deps) }),
  });

  r.get('/api/v1/org/nodes', {
    schema: {
      operationId: 'listOrgNodes',
      tags: ['org'],
      summary: '组织架构：当前用户可见的节点，按路径排序（上级在前）',
      querystring: s.listOrgNodesQuery,
      response: { 200: pageOf(s.orgNodeSchema), ...errors(400, 401, 404) },
    },
    handler: (req) => svc.listOrgNodes(deps, requireActor(req), req.query),
  });

  r.post('/api/v1/org/nodes', {
    config: { audit: ['org.create'] },
    schema: {
      operationId: 'createOrgNode',
      tags: ['org'],
      summary: '新增下级节点（街道、社区、网格、楼栋）',
      body: s.createOrgNodeBody,
      response: { 201: s.orgNodeSchema, ...errors(400, 401, 403, 404, 409, 422) },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.createOrgNode(deps, requireActor(req), req.body)),
  });

  r.patch('/api/v1/org/nodes/:id', {
    config: { audit: ['org.update', 'org.move'] },
    schema: {
      operationId: 'updateOrgNode',
      tags: ['org'],
      summary: '重命名、修改区划代码、移动、归档或恢复节点',
      params: s.idParams,
      body: s.updateOrgNodeBody,
      response: { 200: s.orgNodeSchema, ...errors(400, 401, 403, 404, 409, 422) },
    },
    handler: (req) => svc.updateOrgNode(deps, requireActor(req), req.params.id, req.body),
  });

  r.get('/api/v1/org/partner-units', {
    schema: {
      operationId: 'listPartnerUnits',
      tags: ['org'],
      summary: '共建单位列表',
      querystring: s.listPartnerUnitsQuery,
      response: { 200: pageOf(s.partnerUnitSchema), ...errors(400, 401, 404) },
    },
    handler: (req) => svc.listPartnerUnits(deps, requireActor(req), req.query),
  });

  r.post('/api/v1/org/partner-units', {
    config: { audit: ['partner.create'] },
    schema: {
      operationId: 'createPartnerUnit',
      tags: ['org'],
      summary: '新增共建单位（挂在街道或社区下）',
      body: s.createPartnerUnitBody,
      response: { 201: s.partnerUnitSchema, ...errors(400, 401, 403, 404, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.createPartnerUnit(deps, requireActor(req), req.body)),
  });

  r.patch('/api/v1/org/partner-units/:id', {
    config: { audit: ['partner.update'] },
    schema: {
      operationId: 'updatePartnerUnit',
      tags: ['org'],
      summary: '修改或归档共建单位',
      params: s.idParams,
      body: s.updatePartnerUnitBody,
      response: { 200: s.partnerUnitSchema, ...errors(400, 401, 403, 404, 422) },
    },
    handler: (req) => svc.updatePartnerUnit(deps, requireActor(req), req.params.id, req.body),
  });
}
