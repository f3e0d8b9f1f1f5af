// HTTP routes of resources (资源清单), projects (项目清单) and claims (认领).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { countedPageOf, errors } from '../../platform/schemas.js';
import * as s from './projects.schemas.js';
import * as resources from './resources.service.js';
import { matchNeedResources } from './resources.ranking.js';
import * as projects from './projects.service.js';
import * as claims from './claims.service.js';

/** Registers resource, project and claim routes. */
export function projectRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/resources', {
    config: { audit: ['resource.create'] },
    schema: {
      operationId: 'createResource',
      tags: ['projects'],
      summary: '登记资源（共建单位、联盟商户或社区自有：场地、专业人才、物资、资金、课程）',
      body: s.createResourceBody,
      response: { 201: s.resourceSchema, ...errors(400, 401, 404) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await resources.createResource(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/resources', {
    schema: {
      operationId: 'listResources',
      tags: ['projects'],
      summary: '资源清单（按社区、类型、提供方、状态筛选）',
      querystring: s.listResourcesQuery,
      response: { 200: countedPageOf(s.resourceSchema), ...errors(400, 401, 404) },
    },
    handler: (req) => resources.listResources(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/resources/:id', {
    schema: {
      operationId: 'getResource',
      tags: ['projects'],
      summary: '资源详情',
      params: s.idParams,
      response: { 200: s.resourceSchema, ...errors(401, 404) },
    },
    handler: (req) => resources.getResource(deps, requireActor(req), req.params.id),
  });

  r.patch('/api/v1/resources/:id', {
    config: { audit: ['resource.update', 'resource.archive'] },
    schema: {
      operationId: 'updateResource',
      tags: ['projects'],
      summary: '修改或停用资源',
      params: s.idParams,
      body: s.updateResourceBody,
      response: { 200: s.resourceSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => resources.updateResource(deps, requireActor(req), req.params.id, req.body),
  });

  r.get('/api/v1/needs/:id/resources', {
    schema: {
      operationId: 'matchNeedResources',
      tags: ['projects'],
      summary: '为需求匹配可用资源：按类别适配、距离、可用时间、数量排序（前 10 项），每项附理由',
      params: s.idParams,
      response: { 200: s.resourceMatchSchema, ...errors(401, 404) },
    },
    handler: (req) => matchNeedResources(deps, requireActor(req), req.params.id, req.locale),
  });

  r.post('/api/v1/projects', {
    config: { audit: ['project.create'] },
    schema: {
      operationId: 'createProject',
      tags: ['projects'],
      summary: '创建项目：打包需求与资源，设定预算（分），可直接发布',
      body: s.createProjectBody,
      response: { 201: s.projectDetailSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await projects.createProject(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/projects', {
    schema: {
      operationId: 'listProjects',
      tags: ['projects'],
      summary: '项目清单：工作人员看所辖社区全部项目；共建单位看可认领的项目和本单位认领的项目',
      querystring: s.listProjectsQuery,
      response: { 200: countedPageOf(s.projectSchema), ...errors(400, 401, 404) },
    },
    handler: (req) => projects.listProjects(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/projects/:id', {
    schema: {
      operationId: 'getProject',
      tags: ['projects'],
      summary: '项目详情（需求、资源、认领、活动）',
      params: s.idParams,
      response: { 200: s.projectDetailSchema, ...errors(401, 404) },
    },
    handler: (req) => projects.getProject(deps, requireActor(req), req.params.id),
  });

  r.patch('/api/v1/projects/:id', {
    config: { audit: ['project.update'] },
    schema: {
      operationId: 'updateProject',
      tags: ['projects'],
      summary: '修改草稿或已发布的项目（文字、预算、追加需求、所用资源）',
      params: s.idParams,
      body: s.updateProjectBody,
      response: { 200: s.projectDetailSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => projects.updateProject(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/projects/:id/publish', {
    config: { audit: ['project.publish'] },
    schema: {
      operationId: 'publishProject',
      tags: ['projects'],
      summary: '发布项目，供共建单位认领',
      params: s.idParams,
      response: { 200: s.projectDetailSchema, ...errors(401, 404, 422) },
    },
    handler: (req) => projects.publishProject(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/projects/:id/start', {
    config: { audit: ['project.start'] },
    schema: {
      operationId: 'startProject',
      tags: ['projects'],
      summary: '已认领的项目开始实施',
      params: s.idParams,
      response: { 200: s.projectDetailSchema, ...errors(401, 404, 422) },
    },
    handler: (req) => projects.startProject(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/projects/:id/finish', {
    config: { audit: ['project.finish'] },
    schema: {
      operationId: 'finishProject',
      tags: ['projects'],
      summary: '项目完成',
      params: s.idParams,
      response: { 200: s.projectDetailSchema, ...errors(401, 404, 422) },
    },
    handler: (req) => projects.finishProject(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/projects/:id/withdraw', {
    config: { audit: ['project.withdraw'] },
    schema: {
      operationId: 'withdrawProject',
      tags: ['projects'],
      summary: '撤回项目（须说明原因，待审核的认领随之驳回）',
      params: s.idParams,
      body: s.reasonBody,
      response: { 200: s.projectDetailSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => projects.withdrawProject(deps, requireActor(req), req.params.id, req.body.reason),
  });

  r.post('/api/v1/projects/:id/activities', {
    config: { audit: ['project.activity'] },
    schema: {
      operationId: 'createProjectActivity',
      tags: ['projects'],
      summary: '为已认领的项目生成活动（经活动模块创建并关联）',
      params: s.idParams,
      body: s.projectActivityBody,
      response: { 201: s.projectActivitySchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await projects.createProjectActivity(deps, requireActor(req), req.params.id, req.body)),
  });

  r.post('/api/v1/projects/:id/claims', {
    config: { audit: ['project.claim'] },
    schema: {
      operationId: 'claimProject',
      tags: ['projects'],
      summary: '共建单位认领项目（附实施计划），待社区审核',
      params: s.idParams,
      body: s.claimProjectBody,
      response: { 201: s.claimSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await claims.claimProject(deps, requireActor(req), req.params.id, req.body)),
  });

  r.post('/api/v1/project-claims/:id/review', {
    config: { audit: ['project.claim.approve', 'project.claim.reject'] },
    schema: {
      operationId: 'reviewClaim',
      tags: ['projects'],
      summary: '审核认领：通过则项目由该单位认领，其余待审认领驳回；驳回须说明原因',
      params: s.idParams,
      body: s.reviewClaimBody,
      response: { 200: s.claimSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => claims.reviewClaim(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/project-claims/:id/withdraw', {
    config: { audit: ['project.claim.withdraw'] },
    schema: {
      operationId: 'withdrawClaim',
      tags: ['projects'],
      summary: '共建单位撤回待审核的认领',
      params: s.idParams,
      response: { 200: s.claimSchema, ...errors(401, 404, 422) },
    },
    handler: (req) => claims.withdrawClaim(deps, requireActor(req), req.params.id),
  });

  r.get('/api/v1/me/partner-units', {
    schema: {
      operationId: 'listMyPartnerUnits',
      tags: ['projects'],
      summary: '我所联系的共建单位（可代其认领项目）',
      response: { 200: s.myPartnerUnitsReply, ...errors(401) },
    },
    handler: async (req) => ({ items: await claims.listMyPartnerUnits(deps, requireActor(req)) }),
  });
}
