// What every write route declares about the audit log (issue 14): the actions its service records, or why it records
// none. test/security/audit-coverage.test.ts walks the route table and fails on a write without a declaration, on a
// declared action no recordAudit call writes, and on a staff-only write declared exempt.

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
