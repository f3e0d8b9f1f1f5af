// What every write route declares about the audit log (issue 14): the actions its service records, or why it records
// none. test/security/audit-coverage.test.ts walks the route table and fails on a write without a declaration, on a
// declared action no recordAudit call writes, and on a staff-only write declared exempt.

import type { FastifyInstance } from 'fastify';

/**
 * `config.audit` of a POST/PUT/PATCH/DELETE route: the audit actions (`recordAudit({ action })`) the use case writes,
 * or `{ exempt }` with the reason it writes none (a person acting on their own data, a public form, a read by POST).
 */
export type AuditDeclaration = readonly string[] | { readonly exempt: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditDeclaration;
  }
}

/** The declared actions of a route config (none for an exemption or no declaration). */
export function declaredActions(decl: AuditDeclaration | undefined): string[] {
  if (!decl) return [];
  return Array.isArray(decl) ? [...(decl as readonly string[])] : [];
}

/** A write route as registered, with its declaration (read by the audit coverage test). */
export interface WriteRoute {
  method: string;
  url: string;
  operationId: string | null;
  audit: AuditDeclaration | undefined;
  /** The handler's source text: the coverage test follows it to the service it calls. */
  handlerSource: string;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const writeRoutesByApp = new WeakMap<FastifyInstance, WriteRoute[]>();

/** Keeps a list of the app's write routes and their audit declarations as they are registered (call before routes). */
export function collectWriteRoutes(app: FastifyInstance): void {
  const routes: WriteRoute[] = [];
  writeRoutesByApp.set(app, routes);
  app.addHook('onRoute', (opts) => {
    const methods = (Array.isArray(opts.method) ? opts.method : [opts.method]).map((m) => String(m).toUpperCase());
    for (const method of methods) {
      if (!WRITE_METHODS.has(method)) continue;
      const schema = opts.schema;
      routes.push({
        method,
        url: opts.url,
        operationId: schema?.operationId ?? null,
        audit: opts.config?.audit,
        handlerSource: String(opts.handler),
      });
    }
  });
}

/** The write routes registered on an app built with collectWriteRoutes. */
export function writeRoutesOf(app: FastifyInstance): WriteRoute[] {
  return [...(writeRoutesByApp.get(app) ?? [])];
}
