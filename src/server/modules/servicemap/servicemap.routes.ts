// HTTP routes of the service map: validate, authenticate (reads are public), call one service, present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import * as s from './servicemap.schemas.js';
import * as svc from './servicemap.service.js';

/** Registers the service-map routes. */
export function serviceMapRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Public reads are limited per IP; the limit is read per request so an operator (or the bench) can change it.
  const publicRead = {
    public: true,
    rateLimit: { max: () => deps.config.publicRateLimit, timeWindow: '1 minute' },
  };

  r.post('/api/v1/service-points', {
    config: { audit: ['servicepoint.create'] },
    schema: {
      operationId: 'createServicePoint',
      tags: ['servicemap'],
      summary: '新增服务点（卫生服务站、幸福食堂、骑手驿站、商户、党群服务中心、积分超市）；坐标可为 WGS-84 或 GCJ-02',
      body: s.createServicePointBody,
      response: { 201: s.servicePointSchema, ...errors(400, 401, 404) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.createServicePoint(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/districts/:districtId/service-points', {
    config: publicRead,
    schema: {
      operationId: 'listServicePoints',
      tags: ['servicemap'],
      summary: '公开：本区在用的服务点（按类别、社区筛选）；工作人员另见辖区内已停用的',
      params: s.districtParams,
      querystring: s.listServicePointsQuery,
      response: { 200: s.servicePointPage, ...errors(400, 404, 429) },
    },
    handler: (req) => svc.listServicePoints(deps, req.actor, req.params.districtId, req.query),
  });

  r.get('/api/v1/districts/:districtId/service-points/nearby', {
    config: publicRead,
    schema: {
      operationId: 'findNearbyServicePoints',
      tags: ['servicemap'],
      summary: '公开：附近的服务点（默认 1000 米，约步行 15 分钟），按距离由近到远，附步行分钟数',
      params: s.districtParams,
      querystring: s.nearbyQuery,
      response: { 200: s.nearbySchema, ...errors(400, 404, 429) },
    },
    handler: (req) => svc.findNearbyServicePoints(deps, req.params.districtId, req.query),
  });

  r.get('/api/v1/districts/:districtId/service-map', {
    config: publicRead,
    schema: {
      operationId: 'getServiceMapConfig',
      tags: ['servicemap'],
      summary: '公开：地图底图设置（未配置瓦片时只画标记和距离圈）与默认中心（所在社区的党群服务中心）',
      params: s.districtParams,
      querystring: s.mapConfigQuery,
      response: { 200: s.mapConfigSchema, ...errors(400, 404, 429) },
    },
    handler: (req) => svc.getServiceMapConfig(deps, req.params.districtId, req.query),
  });

  r.get('/api/v1/districts/:districtId/service-points/:id', {
    config: publicRead,
    schema: {
      operationId: 'getServicePoint',
      tags: ['servicemap'],
      summary: '公开：服务点详情（营业时间、现在是否营业、电话、地址）',
      params: s.pointParams,
      querystring: s.pointQuery,
      response: { 200: s.servicePointSchema, ...errors(400, 404, 429) },
    },
    handler: (req) => svc.getServicePoint(deps, req.actor, req.params.districtId, req.params.id, req.query.coord),
  });

  r.patch('/api/v1/districts/:districtId/service-points/:id', {
    config: { audit: ['servicepoint.update'] },
    schema: {
      operationId: 'updateServicePoint',
      tags: ['servicemap'],
      summary: '修改服务点（名称、类别、地址、营业时间、电话、坐标）',
      params: s.pointParams,
      body: s.updateServicePointBody,
      response: { 200: s.servicePointSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => svc.updateServicePoint(deps, requireActor(req), req.params.districtId, req.params.id, req.body),
  });

  r.post('/api/v1/districts/:districtId/service-points/:id/archive', {
    config: { audit: ['servicepoint.update'] },
    schema: {
      operationId: 'archiveServicePoint',
      tags: ['servicemap'],
      summary: '停用服务点（从公开地图上撤下，记录保留）或恢复',
      params: s.pointParams,
      body: s.archiveServicePointBody,
      response: { 200: s.servicePointSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => svc.archiveServicePoint(deps, requireActor(req), req.params.districtId, req.params.id, req.body),
  });
}
