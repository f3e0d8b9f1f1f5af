// Queries over the audit log (writing lives in platform/audit.ts). The names its rows refer to come from their
// owners' index.ts (audit.service.ts resolveNames).
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { AuditEventTable } from '../../platform/audit.tables.js';
import { nodeFieldOf } from '../org/index.js';

export type AuditRow = Selectable<AuditEventTable> & { scope_node_name: string | null };

/**
 * Target types whose entries only some readers of the log may see: who took part in a mediation case is itself
 * private (PRODUCT §9), so its entries show only where the reader holds `mediation.lead`.
 */
export const PRIVATE_TARGET_TYPES = ['mediation_case'] as const;

export interface AuditFilter {
  reaches: Array<{ districtId: string; path: string }>;
  /** Where the reader may also see entries of PRIVATE_TARGET_TYPES (their mediation.lead reaches). */
  privateReaches: Array<{ districtId: string; path: string }>;
  action?: string;
  actorId?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** Audit events within the reaches matching the filter, before cursor, order and limit (also what the total counts). */
export function auditEventsFiltered(db: Executor, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events as a')
    .where((eb) =>
      eb.or(
        f.reaches.map((r) =>
          eb.and([eb('a.district_id', '=', r.districtId), eb('a.scope_path', 'like', `${r.path}%`)]),
        ),
      ),
    )
    .where((eb) =>
      eb.or([
        eb('a.target_type', 'not in', PRIVATE_TARGET_TYPES),
        ...f.privateReaches.map((r) =>
          eb.and([eb('a.district_id', '=', r.districtId), eb('a.scope_path', 'like', `${r.path}%`)]),
        ),
      ]),
    );
  if (f.action) q = q.where('a.action', 'like', `${f.action}%`);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.targetId) q = q.where('a.target_id', '=', f.targetId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  return q;
}

/** Audit events within the reaches, newest first. */
export function listAuditEvents(
  db: Executor,
  f: AuditFilter & { beforeId: string | null; limit: number },
): Promise<AuditRow[]> {
  let q = auditEventsFiltered(db, f)
    .selectAll('a')
    .select((eb) => nodeFieldOf(db, 'name', eb.ref('a.district_id'), eb.ref('a.scope_node_id')).as('scope_node_name'));
  if (f.beforeId) q = q.where('a.id', '<', f.beforeId);
  return q.orderBy('a.id', 'desc').limit(f.limit).execute();
}
