// HTTP routes of district settings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import { findNode } from '../org/index.js';
import { getVolunteering, updateVolunteering } from './settings.service.js';

const settingsSchema = z.object({
  skills: z.array(z.string().trim().min(1).max(20)).max(60),
  teamCategories: z.array(z.string().trim().min(1).max(20)).max(60),
  activityCategories: z.array(z.string().trim().min(1).max(20)).max(60),
  starThresholdsHours: z.array(z.number().int().positive()).length(5),
  cancelDeadlineHours: z.number().int().min(0).max(168),
  noShowLimit: z.number().int().min(1).max(20),
  noShowWindowDays: z.number().int().min(1).max(365),
  dailyCapMinutes: z.number().int().min(15).max(1440),
  graceMinutes: z.number().int().min(0).max(60),
  attendanceWindowSeconds: z.number().int().min(20).max(600),
}).describe('VolunteeringSettings');

/** Registers the settings routes. */
export function settingsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/districts/:districtId/volunteering-settings', {
    schema: {
      operationId: 'getVolunteeringSettings',
      tags: ['settings'],
      summary: '本区志愿服务设置：技能列表、服务队与活动类别、星级门槛、取消与缺席规则、每日时长上限',
      params: z.object({ districtId: z.string().min(1).max(64) }),
      response: { 200: settingsSchema, ...errors(401, 404) },
    },
    handler: async (req) => {
      requireActor(req);
      const d = await findNode(deps.db, req.params.districtId);
      if (!d || d.kind !== 'district') throw notFound('org_node');
      return getVolunteering(deps.db, d.id);
    },
  });
  r.patch('/api/v1/districts/:districtId/volunteering-settings', {
    schema: {
      operationId: 'updateVolunteeringSettings',
      tags: ['settings'],
      summary: '修改本区志愿服务设置（区管理员）',
      params: z.object({ districtId: z.string().min(1).max(64) }),
      body: settingsSchema.partial(),
      response: { 200: settingsSchema, ...errors(400, 401, 403, 404, 422) },
    },
    handler: (req) => updateVolunteering(deps, requireActor(req), req.params.districtId, req.body),
  });
}
