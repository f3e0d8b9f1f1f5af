// HTTP routes of grid reports (随手拍). Photos travel as base64 in JSON (the project has no multipart plugin): the
// upload route alone takes bodies up to 15 MB; the image is checked and re-encoded before anything is stored.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import { findNode } from '../org/index.js';
import { getReportSettings, updateReportSettings } from '../settings/index.js';
import type { ReportAction } from './reports.rules.js';
import {
  assignReportBody,
  createReportBody,
  districtParams,
  flagReportBody,
  listMyReportsQuery,
  listPublicReportsQuery,
  listReportsQuery,
  mergeReportBody,
  moderateReportBody,
  myReportListSchema,
  nearbyReportListSchema,
  nearbyReportsQuery,
  photoParams,
  photoQuery,
  publicReportListSchema,
  publicReportSchema,
  rejectReportBody,
  reopenReportBody,
  reportAssigneeListSchema,
  reportCategoriesQuery,
  reportCategoriesSchema,
  reportDetailSchema,
  reportListSchema,
  reportParams,
  reportSchema,
  reportSettingsSchema,
  reportStatsQuery,
  reportStatsSchema,
  resolveReportBody,
  stepBody,
  updateReportSettingsBody,
  uploadedPhotoSchema,
  uploadReportPhotoBody,
  flagResultSchema,
} from './reports.schemas.js';
import * as reports from './reports.service.js';

const OWN = { exempt: 'a person acting on their own report (no privileged write)' } as const;

/** Registers the grid report routes. */
export function reportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/report-photos', {
    bodyLimit: 16 * 1024 * 1024,
    config: {
      audit: { exempt: 'a person uploading a photo for their own report or step' },
      rateLimit: { max: 60, timeWindow: '1 minute' },
    },
    schema: {
      operationId: 'uploadReportPhoto',
      tags: ['reports'],
      summary: '上传随手拍照片（base64；按内容识别 JPG/PNG/WebP/HEIC，≤10 MB、≤4000 万像素；去除位置等元数据后保存）',
      body: uploadReportPhotoBody,
      response: { 201: uploadedPhotoSchema, ...errors(400, 401, 404, 413, 422) },
    },
    handler: async (req, reply) => {
      const photo = await reports.uploadReportPhoto(deps, requireActor(req), req.body);
      return reply.code(201).send(photo);
    },
  });

  r.get('/api/v1/report-photos/:id', {
    config: { public: true },
    schema: {
      operationId: 'getReportPhoto',
      tags: ['reports'],
      summary: '随手拍照片（JPEG；公开栏上的无需登录，其余仅本人、上报人和辖区工作人员）',
      params: photoParams,
      querystring: photoQuery,
    },
    handler: async (req, reply) => {
      const data = await reports.getReportPhoto(deps, req.actor ?? null, req.params.id, req.query.size);
      return reply
        .type('image/jpeg')
        .header('cache-control', 'private, max-age=86400')
        .header('content-disposition', 'inline')
        .send(data);
    },
  });

  r.post('/api/v1/reports', {
    config: { audit: { exempt: 'a person submitting their own report' } },
    schema: {
      operationId: 'createReport',
      tags: ['reports'],
      summary: '随手拍：提交问题（类别、描述、最多 6 张照片、地点、是否匿名）',
      body: createReportBody,
      response: { 201: reportSchema, ...errors(400, 401, 404, 422) },
    },
    handler: async (req, reply) => {
      const report = await reports.createReport(deps, requireActor(req), req.body);
      return reply.code(201).send(report);
    },
  });

  r.get('/api/v1/reports', {
    schema: {
      operationId: 'listReports',
      tags: ['reports'],
      summary: '随手拍列表（工作人员看辖区内的；可按状态、类别、层级、超时、被举报、社区、网格筛选）',
      querystring: listReportsQuery,
      response: { 200: reportListSchema, ...errors(400, 401) },
    },
    handler: (req) => reports.listReports(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/reports/mine', {
    schema: {
      operationId: 'listMyReports',
      tags: ['reports'],
      summary: '我的随手拍（本人提交的和“我也反映”的）',
      querystring: listMyReportsQuery,
      response: { 200: myReportListSchema, ...errors(400, 401) },
    },
    handler: (req) => reports.listMyReports(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/reports/nearby', {
    schema: {
      operationId: 'listNearbyOpenReports',
      tags: ['reports'],
      summary: '提交前查看：50 米内同类别、尚未办结的随手拍（可选择“我也反映”）',
      querystring: nearbyReportsQuery,
      response: { 200: nearbyReportListSchema, ...errors(400, 401) },
    },
    handler: (req) => reports.listNearbyOpenReports(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/reports/stats', {
    schema: {
      operationId: 'getReportStats',
      tags: ['reports'],
      summary: '随手拍统计：办理中、超时、已解决及“小事不出网格”比例（工作人员，辖区内）',
      querystring: reportStatsQuery,
      response: { 200: reportStatsSchema, ...errors(400, 401) },
    },
    handler: (req) => reports.getReportStats(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/report-categories', {
    schema: {
      operationId: 'listReportCategories',
      tags: ['reports'],
      summary: '随手拍可选类别与网格（按所选社区所在区；路过的骑手也可）',
      querystring: reportCategoriesQuery,
      response: { 200: reportCategoriesSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => reports.reportCategoriesFor(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/reports/:id', {
    schema: {
      operationId: 'getReport',
      tags: ['reports'],
      summary: '随手拍详情与办理进度（上报人、辖区工作人员或“我也反映”的人）',
      params: reportParams,
      response: { 200: reportDetailSchema, ...errors(401, 404) },
    },
    handler: (req) => reports.getReport(deps, requireActor(req), req.params.id),
  });

  r.get('/api/v1/reports/:id/assignees', {
    schema: {
      operationId: 'listReportAssignees',
      tags: ['reports'],
      summary: '可派单的工作人员（该网格或社区及以上的网格员、管理员）',
      params: reportParams,
      response: { 200: reportAssigneeListSchema, ...errors(401, 404) },
    },
    handler: (req) => reports.listReportAssignees(deps, requireActor(req), req.params.id),
  });

  const staffStep = (
    action: ReportAction,
    operationId: string,
    summary: string,
    body: typeof stepBody | typeof assignReportBody | typeof resolveReportBody | typeof rejectReportBody,
  ) => {
    const audit = reports.STEP_AUDIT[action];
    r.post(`/api/v1/reports/:id/${action}`, {
      config: { audit: audit ? [audit] : OWN },
      schema: {
        operationId,
        tags: ['reports'],
        summary,
        params: reportParams,
        body,
        response: { 200: reportSchema, ...errors(400, 401, 404, 409, 422) },
      },
      handler: (req) => reports.staffStep(deps, requireActor(req), req.params.id, action, req.body),
    });
  };
  staffStep('accept', 'acceptReport', '受理（工作人员）', stepBody);
  staffStep('assign', 'assignReport', '派单给网格员或工作人员（可重新派单）', assignReportBody);
  staffStep('start', 'startReport', '开始处理', stepBody);
  staffStep('resolve', 'resolveReport', '标记已处理（写明处理情况，可附照片），等待上报人确认', resolveReportBody);
  staffStep('reject', 'rejectReport', '不予受理（须写明原因）', rejectReportBody);
  staffStep('close', 'closeReport', '办结（已确认解决的）', stepBody);

  r.post('/api/v1/reports/:id/merge', {
    config: { audit: ['report.merged'] },
    schema: {
      operationId: 'mergeReport',
      tags: ['reports'],
      summary: '合并到同一问题的另一条随手拍（本条记为重复，不发奖励）',
      params: reportParams,
      body: mergeReportBody,
      response: { 200: reportSchema, ...errors(400, 401, 404, 409, 422) },
    },
    handler: (req) => reports.staffStep(deps, requireActor(req), req.params.id, 'merge', req.body),
  });

  r.post('/api/v1/reports/:id/confirm', {
    config: { audit: OWN },
    schema: {
      operationId: 'confirmReport',
      tags: ['reports'],
      summary: '上报人确认已解决（获得本类别的奖励积分，每条只发一次；7 天未确认自动确认）',
      params: reportParams,
      body: stepBody,
      response: { 200: reportSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => reports.reporterStep(deps, requireActor(req), req.params.id, 'confirm', req.body),
  });

  r.post('/api/v1/reports/:id/reopen', {
    config: { audit: OWN },
    schema: {
      operationId: 'reopenReport',
      tags: ['reports'],
      summary: '上报人反馈没有解决（须写明情况），重新处理',
      params: reportParams,
      body: reopenReportBody,
      response: { 200: reportSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (req) => reports.reporterStep(deps, requireActor(req), req.params.id, 'reopen', req.body),
  });

  r.post('/api/v1/reports/:id/join', {
    config: { audit: { exempt: 'a person adding themselves to a report' } },
    schema: {
      operationId: 'joinReport',
      tags: ['reports'],
      summary: '这是同一个问题，我也反映（关注进展，不再重复提交）',
      params: reportParams,
      response: { 200: reportSchema, ...errors(401, 404, 409) },
    },
    handler: (req) => reports.joinReport(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/reports/:id/flag', {
    config: { audit: { exempt: 'a person flagging public content; moderation is audited' } },
    schema: {
      operationId: 'flagReport',
      tags: ['reports'],
      summary: '举报不当内容（3 人举报后在公开栏隐藏，等待审核）',
      params: reportParams,
      body: flagReportBody,
      response: { 200: flagResultSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => reports.flagReport(deps, requireActor(req), req.params.id, req.body),
  });

  r.post('/api/v1/reports/:id/moderate', {
    config: { audit: ['report.moderated'] },
    schema: {
      operationId: 'moderateReport',
      tags: ['reports'],
      summary: '审核被举报的随手拍：恢复公开或继续隐藏（工作人员）',
      params: reportParams,
      body: moderateReportBody,
      response: { 200: reportSchema, ...errors(400, 401, 404) },
    },
    handler: (req) => reports.moderateReport(deps, requireActor(req), req.params.id, req.body),
  });

  r.get('/api/v1/public/reports', {
    config: { public: true },
    schema: {
      operationId: 'listPublicReports',
      tags: ['reports'],
      summary: '随手拍公开栏（无需登录）：类别、所在网格、状态、进度和照片，不显示上报人',
      querystring: listPublicReportsQuery,
      response: { 200: publicReportListSchema, ...errors(400) },
    },
    handler: (req) => reports.listPublicReports(deps, req.query),
  });

  r.get('/api/v1/public/reports/:id', {
    config: { public: true },
    schema: {
      operationId: 'getPublicReport',
      tags: ['reports'],
      summary: '公开栏上的一条随手拍（无需登录）',
      params: reportParams,
      response: { 200: publicReportSchema, ...errors(404) },
    },
    handler: (req) => reports.getPublicReport(deps, req.params.id),
  });

  r.get('/api/v1/districts/:districtId/report-settings', {
    schema: {
      operationId: 'getReportSettings',
      tags: ['reports'],
      summary: '本区随手拍设置：类别与奖励积分、每人每日积分上限、各级办理时限、自动确认天数、举报隐藏人数',
      params: districtParams,
      response: { 200: reportSettingsSchema, ...errors(401, 404) },
    },
    handler: async (req) => {
      requireActor(req);
      const d = await findNode(deps.db, req.params.districtId);
      if (!d || d.kind !== 'district') throw notFound('org_node');
      return getReportSettings(deps.db, d.id);
    },
  });

  r.patch('/api/v1/districts/:districtId/report-settings', {
    config: { audit: ['settings.update'] },
    schema: {
      operationId: 'updateReportSettings',
      tags: ['reports'],
      summary: '修改本区随手拍设置（区管理员）',
      params: districtParams,
      body: updateReportSettingsBody,
      response: { 200: reportSettingsSchema, ...errors(400, 401, 404, 422) },
    },
    handler: (req) => updateReportSettings(deps, requireActor(req), req.params.districtId, req.body),
  });
}
