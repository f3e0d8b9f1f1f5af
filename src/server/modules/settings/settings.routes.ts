// HTTP routes of district settings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import { findNode } from '../org/index.js';
import {
  districtParams,
  needSettingsSchema,
  updateNeedSettingsBody,
  updateVolunteeringSettingsBody,
  volunteeringSettingsSchema,
} from './settings.schemas.js';
import { getNeedSettings, getVolunteering, updateNeedSettings, updateVolunteering } from './settings.service.js';

/** Registers the settings routes. */
export function settingsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/districts/:districtId/volunteering-settings', {
    schema: {
      operationId: 'getVolunteeringSettings',
      tags: ['settings'],
      summary: '本区志愿服务设置：技能列表、服务队与活动类别、星级门槛、取消与缺席规则、每日时长上限',
      params: districtParams,
      response: { 200: volunteeringSettingsSchema, ...errors(401, 404) },
    },
    handler: async (req) => {
      requireActor(req);
      const d = await findNode(deps.db, req.params.districtId);
      if (!d || d.kind !== 'district') throw notFound('org_node');
      return getVolunteering(deps.db, d.id);
    },
  });
  r.patch('/api/v1/districts/:districtId/volunteering-settings', {
    config: { audit: ['settings.update'] },
    schema: {
      operationId: 'updateVolunteeringSettings',
      tags: ['settings'],
      summary: '修改本区志愿服务设置（区管理员）',
      params: districtParams,
      body: updateVolunteeringSettingsBody,
      response: { 200: volunteeringSettingsSchema, ...errors(400, 401, 403, 404, 422) },
    },
    handler: (req) => updateVolunteering(deps, requireActor(req), req.params.districtId, req.body),
  });
  r.get('/api/v1/districts/:districtId/need-settings', {
    schema: {
      operationId: 'getNeedSettings',
      tags: ['settings'],
      summary: '本区需求清单设置：需求类别（名称与匹配的志愿者技能）',
      params: districtParams,
      response: { 200: needSettingsSchema, ...errors(401, 404) },
    },
    handler: async (req) => {
      requireActor(req);
      const d = await findNode(deps.db, req.params.districtId);
      if (!d || d.kind !== 'district') throw notFound('org_node');
      return getNeedSettings(deps.db, d.id);
    },
  });
  r.patch('/api/v1/districts/:districtId/need-settings', {
    config: { audit: ['settings.update'] },
    schema: {
      operationId: 'updateNeedSettings',
      tags: ['settings'],
      summary: '修改本区需求类别（区管理员）',
      params: districtParams,
      body: updateNeedSettingsBody,
      response: { 200: needSettingsSchema, ...errors(400, 401, 403, 404, 422) },
    },
    handler: (req) => updateNeedSettings(deps, requireActor(req), req.params.districtId, req.body),
  });
}
