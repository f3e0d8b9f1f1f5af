// HTTP routes of the inbox: a person's own notices and mute settings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { errors } from '../../platform/schemas.js';
import * as s from './notifications.schemas.js';
import * as svc from './notifications.service.js';

/** Registers the notification routes. */
export function notificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/notifications', {
    schema: {
      operationId: 'listNotifications',
      tags: ['notifications'],
      summary: '我的消息（最新在前，含未读数）',
      querystring: s.listNotificationsQuery,
      response: { 200: s.notificationPageSchema, ...errors(400, 401) },
    },
    handler: (req) => svc.listNotifications(deps, requireActor(req), req.query, req.locale),
  });

  r.post('/api/v1/notifications/read', {
    config: { audit: { exempt: 'a person acting on their own inbox' } },
    schema: {
      operationId: 'markNotificationsRead',
      tags: ['notifications'],
      summary: '标记已读（指定消息或全部；不是本人的消息不受影响）',
      body: s.markReadBody,
      response: { 200: s.markReadResult, ...errors(400, 401) },
    },
    handler: (req) => svc.markNotificationsRead(deps, requireActor(req), req.body),
  });

  r.get('/api/v1/notifications/preferences', {
    schema: {
      operationId: 'getNotificationPreferences',
      tags: ['notifications'],
      summary: '消息设置：每类消息是否免打扰',
      response: { 200: s.preferencesSchema, ...errors(401) },
    },
    handler: (req) => svc.getNotificationPreferences(deps, requireActor(req), req.locale),
  });

  r.put('/api/v1/notifications/preferences', {
    config: { audit: { exempt: 'a person acting on their own notification preferences' } },
    schema: {
      operationId: 'updateNotificationPreferences',
      tags: ['notifications'],
      summary: '修改消息设置（部分消息不可关闭）',
      body: s.updatePreferencesBody,
      response: { 200: s.preferencesSchema, ...errors(400, 401) },
    },
    handler: (req) => svc.updateNotificationPreferences(deps, requireActor(req), req.body, req.locale),
  });
}
