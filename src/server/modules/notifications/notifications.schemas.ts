// Request and response schemas of the notification routes.
import { z } from 'zod';
import { boolQuery, cursorSchema, idSchema, limitSchema } from '../../platform/schemas.js';
import { MUTABLE_KINDS, NOTICE_KINDS } from './notifications.rules.js';

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTICE_KINDS),
    title: z.string().describe('in the request locale'),
    body: z.string().describe('in the request locale'),
    /** An H5 path ("/me/hours") or a console path ("/admin/volunteers"). */
    link: z.string().nullable(),
    refType: z.string().nullable(),
    refId: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .describe('Notification');

export const listNotificationsQuery = z.object({
  unread: boolQuery,
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int().describe("the person's unread notices in all"),
});

export const markReadBody = z
  .object({
    ids: z.array(idSchema).max(500).optional(),
    all: z.boolean().optional(),
  })
  .refine((b) => b.all === true || (b.ids?.length ?? 0) > 0, { message: 'v.markRead', path: ['ids'] });

export const markReadResult = z.object({ updated: z.number().int(), unread: z.number().int() });

export const preferenceSchema = z.object({
  kind: z.enum(NOTICE_KINDS),
  label: z.string(),
  muted: z.boolean(),
  mutable: z.boolean(),
});

export const preferencesSchema = z.object({ items: z.array(preferenceSchema) });

export const updatePreferencesBody = z.object({
  items: z
    .array(z.object({ kind: z.enum(MUTABLE_KINDS), muted: z.boolean() }))
    .min(1)
    .max(NOTICE_KINDS.length),
});

export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;
export type NotificationPage = z.output<typeof notificationPageSchema>;
export type Notification = z.output<typeof notificationSchema>;
export type MarkReadBody = z.input<typeof markReadBody>;
export type MarkReadResult = z.output<typeof markReadResult>;
export type NotificationPreferences = z.output<typeof preferencesSchema>;
export type UpdatePreferencesBody = z.input<typeof updatePreferencesBody>;
