// Health check and the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pingDatabase } from '../../db/database.js';
import type { Deps } from '../../platform/context.js';
import { healthSchema } from './system.schemas.js';

/** Registers /api/health and /api/openapi.json. */
export function systemRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    schema: {
      operationId: 'getHealth',
      tags: ['system'],
      summary: '健康检查：服务与数据库可用',
      response: { 200: healthSchema },
    },
    handler: async () => {
      await pingDatabase(deps.db);
      return { status: 'ok' as const, database: deps.dialect };
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
