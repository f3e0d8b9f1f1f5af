// Request and response schemas of the audit routes.
import { z } from 'zod';
import { cursorSchema, dateQuery, limitSchema } from '../../platform/schemas.js';

export const auditEventSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable().describe('masked: real name when on file, else nickname'),
    action: z.string(),
    actionLabel: z.string().describe('the action in words, in the request language'),
    targetType: z.string(),
    targetTypeLabel: z.string(),
    targetId: z.string().nullable(),
    targetName: z.string().nullable().describe('people masked'),
    scopeNodeId: z.string().nullable(),
    scopeNodeName: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .describe('AuditEvent');

export const auditEventsQuery = z.object({
  action: z.string().max(64).optional().describe('action or its prefix, e.g. "role." or "org.create"'),
  actorId: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  from: dateQuery,
  to: dateQuery,
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const auditActionsSchema = z.object({ items: z.array(z.object({ action: z.string(), label: z.string() })) });

// What clients send (z.input): the web apps import these through src/web/shared/api-types.ts.
export type AuditEventsQuery = z.input<typeof auditEventsQuery>;
export type AuditEvent = z.output<typeof auditEventSchema>;
