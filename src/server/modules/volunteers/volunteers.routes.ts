// HTTP routes of volunteers (registration, review, import/export, certificate) and teams.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { attachmentName, XLSX_MIME } from '../../platform/excel.js';
import { requireActor } from '../../platform/http.js';
import { countedPageOf, errors } from '../../platform/schemas.js';
import * as s from './volunteers.schemas.js';
import * as excel from './volunteers.excel.js';
import * as svc from './volunteers.service.js';
import * as teams from './teams.service.js';

/** The origin the client used, for links printed into documents (QR codes). */
export function publicBaseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** Registers volunteer and team routes. */
export function volunteerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/volunteers', {
    config: { audit: { exempt: 'a person applying to volunteer; the review is audited' } },
    schema: {
      operationId: 'applyVolunteer',
      tags: ['volunteers'],
      summary: '申请成为志愿者（实名、技能、可服务时间、所在网格）',
      body: s.applyBody,
      response: { 201: s.volunteerSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.applyVolunteer(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/volunteers/mine', {
    schema: {
      operationId: 'listMyVolunteerships',
      tags: ['volunteers'],
      summary: '本人的志愿者登记（每个区一条）',
      response: { 200: s.myVolunteershipsReply, ...errors(401) },
    },
    handler: async (req) => ({ items: await svc.listMyVolunteerships(deps, requireActor(req)) }),
  });

  r.get('/api/v1/volunteers', {
    schema: {
      operationId: 'listVolunteers',
      tags: ['volunteers'],
      summary: '辖区内志愿者（审核队列、名册）',
      querystring: s.listVolunteersQuery,
      response: { 200: countedPageOf(s.volunteerSchema), ...errors(400, 401, 404) },
    },
    handler: (req) => svc.listVolunteers(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/volunteers/import-template', {
    schema: {
      operationId: 'getVolunteerImportTemplate',
      tags: ['volunteers'],
      summary: '下载志愿者批量导入模板（.xlsx）',
      querystring: s.importTemplateQuery,
    },
    handler: async (req, reply) => {
      const file = await excel.importTemplate(deps, requireActor(req), req.query.communityId);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('志愿者导入模板.xlsx')).send(file);
    },
  });

  r.post('/api/v1/volunteers/import', {
    config: { audit: ['volunteer.import'] },
    bodyLimit: 15 * 1024 * 1024,
    schema: {
      operationId: 'importVolunteers',
      tags: ['volunteers'],
      summary: '从 Excel 批量导入志愿者；有错的行不导入并逐行说明',
      body: s.importBody,
      response: { 200: s.importReply, ...errors(400, 401, 404) },
    },
    handler: (req) =>
      excel.importVolunteers(deps, requireActor(req), req.body.communityId, Buffer.from(req.body.fileBase64, 'base64')),
  });

  r.get('/api/v1/volunteers/export', {
    schema: {
      operationId: 'exportVolunteers',
      tags: ['volunteers'],
      summary: '导出志愿者名册（.xlsx，记入审计日志）',
      querystring: s.exportVolunteersQuery,
    },
    handler: async (req, reply) => {
      const file = await excel.exportVolunteers(deps, requireActor(req), req.query.communityId, req.query.status);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('志愿者名册.xlsx')).send(file);
    },
  });

  r.get('/api/v1/volunteers/:id', {
    schema: {
      operationId: 'getVolunteer',
      tags: ['volunteers'],
      summary: '志愿者详情（本人或辖区工作人员）',
      params: s.idParams,
      response: { 200: s.volunteerSchema, ...errors(401, 404) },
    },
    handler: (req) => svc.getVolunteer(deps, requireActor(req), req.params.id),
  });

  r.get('/api/v1/public/volunteer-cards/:id', {
    config: { public: true },
    schema: {
      operationId: 'verifyVolunteerCard',
      tags: ['volunteers'],
      summary: '公开核验志愿者证（扫志愿者证二维码，无需登录）',
      params: s.idParams,
      response: { 200: s.volunteerCardReply, ...errors(404) },
    },
    handler: (req) => svc.getVolunteerCard(deps, req.params.id),
  });

  r.post('/api/v1/volunteers/:id/review', {
    config: { audit: ['volunteer.approve', 'volunteer.reject'] },
    schema: {
      operationId: 'reviewVolunteer',
      tags: ['volunteers'],
      summary: '社区审核志愿者申请（通过或驳回并说明原因）',
      params: s.idParams,
      body: s.reviewBody,
      response: { 200: s.volunteerSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => svc.reviewVolunteer(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/volunteers/review', {
    config: { audit: ['volunteer.approve', 'volunteer.reject'] },
    schema: {
      operationId: 'reviewVolunteers',
      tags: ['volunteers'],
      summary: '批量审核志愿者申请（一次通过或驳回所选的多条；全部成功或全部不变，每条分别记入审计日志）',
      body: s.reviewManyBody,
      response: { 200: s.reviewManyReply, ...errors(400, 401, 404, 422) },
    },
    handler: async (req) => ({ items: await svc.reviewVolunteers(deps, requireActor(req), req.body) }),
  });

  r.post('/api/v1/teams', {
    config: { audit: ['team.create'] },
    schema: {
      operationId: 'createTeam',
      tags: ['teams'],
      summary: '成立志愿服务队（类别、队长、结对社工）',
      body: s.createTeamBody,
      response: { 201: s.teamSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await teams.createTeam(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/teams', {
    schema: {
      operationId: 'listTeams',
      tags: ['teams'],
      summary: '志愿服务队列表',
      querystring: s.listTeamsQuery,
      response: { 200: countedPageOf(s.teamSchema), ...errors(400, 401, 404) },
    },
    handler: (req) => teams.listTeams(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/teams/:id', {
    schema: {
      operationId: 'getTeam',
      tags: ['teams'],
      summary: '服务队主页：成员、时长、活动、评价',
      params: s.idParams,
      response: { 200: s.teamDetailSchema, ...errors(401, 404) },
    },
    handler: (req) => teams.getTeam(deps, requireActor(req), req.params.id),
  });

  r.patch('/api/v1/teams/:id', {
    config: { audit: ['team.update'] },
    schema: {
      operationId: 'updateTeam',
      tags: ['teams'],
      summary: '更换队长、结对社工或修改简介',
      params: s.idParams,
      body: s.updateTeamBody,
      response: { 200: s.teamSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => teams.updateTeam(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/teams/:id/join', {
    config: { audit: { exempt: "a volunteer asking to join a team; the leader's review is audited" } },
    schema: {
      operationId: 'requestJoinTeam',
      tags: ['teams'],
      summary: '申请加入服务队（须为已审核志愿者）',
      params: s.idParams,
      response: { 200: s.joinTeamReply, ...errors(401, 404, 409, 422) },
    },
    handler: (req) => teams.requestJoinTeam(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/teams/:id/leave', {
    config: { audit: { exempt: 'a volunteer leaving a team' } },
    schema: {
      operationId: 'leaveTeam',
      tags: ['teams'],
      summary: '退出服务队',
      params: s.idParams,
      response: { 204: z.null(), ...errors(401, 404, 422) },
    },
    handler: async (req, reply) => {
      await teams.leaveTeam(deps, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/teams/:id/requests/:userId/review', {
    config: { audit: ['team.member_approve', 'team.member_reject'] },
    schema: {
      operationId: 'reviewJoinRequest',
      tags: ['teams'],
      summary: '队长审核加入申请',
      params: s.joinRequestParams,
      body: s.reviewBody,
      response: { 200: s.memberSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => teams.reviewJoinRequest(deps, requireActor(req), req.params.id, req.params.userId, req.body),
  });
}
