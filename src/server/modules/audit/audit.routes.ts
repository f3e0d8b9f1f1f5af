// HTTP routes of the audit log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { countedPageOf, cursorSchema, dateQuery, errors, limitSchema } from '../../platform/schemas.js';
import { listAuditActions, listAuditEvents } from './audit.service.js';

const auditEvent = z.object({
  id: z.string(), districtId: z.string(), at: z.string(), actorId: z.string().nullable(),
  actorName: z.string().nullable().describe('masked: real name when on file, else nickname'), action: z.string(),
  actionLabel: z.string().describe('the action in words, in the request language'), targetType: z.string(),
  targetTypeLabel: z.string(), targetId: z.string().nullable(), targetName: z.string().nullable().describe('people masked'),
  scopeNodeId: z.string().nullable(), scopeNodeName: z.string().nullable(), requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
}).describe('AuditEvent');

/** Registers the audit routes. */
export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/audit-events', {
    schema: {
      operationId: 'listAuditEvents',
      tags: ['audit'],
      summary: '审计日志：本辖区内的特权操作，按时间倒序（含操作名称、对象名称与总数）',
      querystring: z.object({
        action: z.string().max(64).optional().describe('action or its prefix, e.g. "role." or "org.create"'),
        actorId: z.string().max(64).optional(),
        targetId: z.string().max(64).optional(),
        from: dateQuery,
        to: dateQuery,
        cursor: cursorSchema,
        limit: limitSchema(20, 100),
      }),
      response: { 200: countedPageOf(auditEvent), ...errors(400, 401) },
    },
    handler: (req) => listAuditEvents(deps, requireActor(req), req.query, req.locale),
  });

  r.get('/api/v1/audit-actions', {
    schema: {
      operationId: 'listAuditActions',
      tags: ['audit'],
      summary: '审计日志中的操作类型及其名称（用于筛选）',
      response: { 200: z.object({ items: z.array(z.object({ action: z.string(), label: z.string() })) }), ...errors(401) },
    },
    handler: (req) => {
      requireActor(req);
      return listAuditActions(req.locale);
    },
  });
}
