// Queries over the audit log (writing lives in platform/audit.ts).
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { AuditEventTable } from '../../platform/audit.tables.js';

export type AuditRow = Selectable<AuditEventTable> & { actor_name: string | null; scope_node_name: string | null };

export interface AuditFilter {
  reaches: Array<{ districtId: string; path: string }>;
  action?: string;
  actorId?: string;
  targetId?: string;
  from?: string;
  to?: string;
  beforeId: string | null;
  limit: number;
}

/** Audit events within the reaches, newest first. */
export function listAuditEvents(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('org_nodes as n', (j) => j.onRef('n.district_id', '=', 'a.district_id').onRef('n.id', '=', 'a.scope_node_id'))
    .selectAll('a')
    .select(['u.display_name as actor_name', 'n.name as scope_node_name'])
    .where((eb) =>
      eb.or(f.reaches.map((r) => eb.and([eb('a.district_id', '=', r.districtId), eb('a.scope_path', 'like', `${r.path}%`)]))),
    );
  if (f.action) q = q.where('a.action', 'like', `${f.action}%`);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.targetId) q = q.where('a.target_id', '=', f.targetId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.beforeId) q = q.where('a.id', '<', f.beforeId);
  return q.orderBy('a.id', 'desc').limit(f.limit).execute();
}
