// HTTP routes of activities, sign-ups and attendance.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { countedPageOf, errors, pageOf } from '../../platform/schemas.js';
import { toRecordSchema } from '../records/index.js';
import * as s from './activities.schemas.js';
import * as svc from './activities.service.js';
import * as signups from './signups.service.js';
import * as attendance from './attendance.service.js';

/** Registers activity, sign-up and attendance routes. */
export function activityRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/activities', {
    config: { audit: ['activity.create'] },
    schema: {
      operationId: 'createActivity',
      tags: ['activities'],
      summary: '创建活动（可每周重复），可直接发布',
      body: s.createActivityBody,
      response: { 201: s.activityItemsReply, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send({ items: await svc.createActivity(deps, requireActor(req), req.body) }),
  });

  r.get('/api/v1/activities', {
    schema: {
      operationId: 'listActivities',
      tags: ['activities'],
      summary: '活动列表（按时间、类别、社区、网格筛选）',
      querystring: s.listActivitiesQuery,
      response: { 200: countedPageOf(s.activitySchema), ...errors(400, 401, 404) },
    },
    handler: (req) => svc.listActivities(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/activities/:id', {
    schema: {
      operationId: 'getActivity',
      tags: ['activities'],
      summary: '活动详情（含本人报名状态）',
      params: s.idParams,
      response: { 200: s.activitySchema, ...errors(401, 404) },
    },
    handler: (req) => svc.getActivity(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/activities/:id/publish', {
    config: { audit: ['activity.publish'] },
    schema: {
      operationId: 'publishActivity',
      tags: ['activities'],
      summary: '发布活动',
      params: s.idParams,
      response: { 200: s.activitySchema, ...errors(401, 404, 422) },
    },
    handler: (req) => svc.publishActivity(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/activities/:id/cancel', {
    config: { audit: ['activity.cancel'] },
    schema: {
      operationId: 'cancelActivity',
      tags: ['activities'],
      summary: '取消活动（须说明原因，报名随之取消）',
      params: s.idParams,
      body: s.cancelActivityBody,
      response: { 200: s.activitySchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => svc.cancelActivity(deps, requireActor(req), req.params.id, req.body.reason),
  });

  r.get('/api/v1/activities/:id/roster', {
    schema: {
      operationId: 'listActivityRoster',
      tags: ['activities'],
      summary: '报名与签到名单（队长、社区）',
      params: s.idParams,
      response: { 200: s.rosterReply, ...errors(401, 404) },
    },
    handler: async (req) => ({ items: await svc.listRoster(deps, requireActor(req), req.params.id) }),
  });

  r.post('/api/v1/activities/:id/signups', {
    config: { audit: ['signup.proxy'] },
    schema: {
      operationId: 'signUpActivity',
      tags: ['activities'],
      summary: '报名活动：名额满则进入候补；工作人员可代办',
      params: s.idParams,
      body: s.signUpBody,
      response: { 201: s.signupReply, ...errors(400, 401, 404, 409, 422) },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await signups.signUpActivity(deps, requireActor(req), req.params.id, { forUserId: req.body.forUserId })),
  });

  r.delete('/api/v1/activities/:id/signups/mine', {
    config: { audit: { exempt: 'a person acting on their own sign-up' } },
    schema: {
      operationId: 'cancelSignUp',
      tags: ['activities'],
      summary: '取消报名（截止时间前）；空出的名额由候补依次递补',
      params: s.idParams,
      response: { 200: s.cancelSignUpReply, ...errors(401, 404, 422) },
    },
    handler: (req) => signups.cancelSignUp(deps, requireActor(req), req.params.id),
  });

  r.get('/api/v1/me/signups', {
    schema: {
      operationId: 'listMySignUps',
      tags: ['activities'],
      summary: '我的报名',
      querystring: s.listMySignUpsQuery,
      response: { 200: pageOf(s.mySignupSchema), ...errors(400, 401) },
    },
    handler: (req) => signups.listMySignUps(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/activities/:id/attendance-code', {
    schema: {
      operationId: 'getAttendanceCode',
      tags: ['attendance'],
      summary: '当前签到二维码与 6 位签到码（定时轮换）',
      params: s.idParams,
      response: { 200: s.attendanceCodeSchema, ...errors(401, 404, 422) },
    },
    handler: (req) => attendance.getAttendanceCode(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/attendance/check-in', {
    config: { audit: { exempt: "a person acting on their own attendance, with the activity's code" } },
    schema: {
      operationId: 'checkIn',
      tags: ['attendance'],
      summary: '扫码或输入签到码签到',
      body: s.attendanceBody,
      response: { 200: s.attendanceReply, ...errors(400, 401, 409, 422) },
    },
    handler: (req) => attendance.checkIn(deps, requireActor(req), req.body),
  });

  r.post('/api/v1/attendance/check-out', {
    config: { audit: { exempt: "a person acting on their own attendance, with the activity's code" } },
    schema: {
      operationId: 'checkOut',
      tags: ['attendance'],
      summary: '扫码或输入签到码签退，生成待确认的服务记录',
      body: s.attendanceBody,
      response: { 200: s.attendanceReply, ...errors(400, 401, 409, 422) },
    },
    handler: (req) => attendance.checkOut(deps, requireActor(req), req.body),
  });

  r.post('/api/v1/activities/:id/attendance', {
    config: { audit: ['attendance.mark'] },
    schema: {
      operationId: 'markAttendance',
      tags: ['attendance'],
      summary: '队长集体登记到场/缺席',
      params: s.idParams,
      body: s.markBody,
      response: { 200: s.rosterReply, ...errors(400, 401, 404, 422) },
    },
    handler: async (req) => ({
      items: await attendance.markAttendance(deps, requireActor(req), req.params.id, req.body.entries),
    }),
  });

  r.post('/api/v1/activities/:id/close', {
    config: { audit: ['activity.close'] },
    schema: {
      operationId: 'closeActivity',
      tags: ['attendance'],
      summary: '活动结束后结束登记：仍在场的人按结束时间签退并生成服务记录',
      params: s.idParams,
      response: { 200: s.rosterReply, ...errors(401, 404, 422) },
    },
    handler: async (req) => ({ items: await attendance.closeActivity(deps, requireActor(req), req.params.id) }),
  });

  r.post('/api/v1/activities/:id/backfill', {
    config: {
      audit: { exempt: "a volunteer declaring their own hours; the leader's confirmation is audited (record.confirm)" },
    },
    schema: {
      operationId: 'declareBackfill',
      tags: ['attendance'],
      summary: '补录服务时长（活动结束后，须队长确认）',
      params: s.idParams,
      body: s.backfillBody,
      response: { 201: toRecordSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await attendance.declareBackfill(deps, requireActor(req), req.params.id, req.body)),
  });
}
