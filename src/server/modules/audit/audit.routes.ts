// HTTP routes of the audit log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { countedPageOf, errors } from '../../platform/schemas.js';
import { auditActionsSchema, auditEventSchema, auditEventsQuery } from './audit.schemas.js';
import { listAuditActions, listAuditEvents } from './audit.service.js';

/** Registers the audit routes. */
export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/audit-events', {
    schema: {
      operationId: 'listAuditEvents',
      tags: ['audit'],
      summary: '审计日志：本辖区内的特权操作，按时间倒序（含操作名称、对象名称与总数）',
      querystring: auditEventsQuery,
      response: { 200: countedPageOf(auditEventSchema), ...errors(400, 401) },
    },
    handler: (req) => listAuditEvents(deps, requireActor(req), req.query, req.locale),
  });

  r.get('/api/v1/audit-actions', {
    schema: {
      operationId: 'listAuditActions',
      tags: ['audit'],
      summary: '审计日志中的操作类型及其名称（用于筛选）',
      response: { 200: auditActionsSchema, ...errors(401) },
    },
    handler: (req) => {
      requireActor(req);
      return listAuditActions(req.locale);
    },
  });
}
