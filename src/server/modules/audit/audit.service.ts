// Searching the audit log: admins see the events scoped to their part of the tree.
import { chinaDayStart } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, grantsFor } from '../../platform/permissions.js';
import * as repo from './audit.repository.js';

export interface AuditEvent {
  id: string;
  districtId: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  scopeNodeId: string | null;
  scopeNodeName: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** Turns a date (YYYY-MM-DD, local China time) or an ISO timestamp into a stored timestamp bound. */
export function toBound(value: string | undefined, endOfDay: boolean): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(chinaDayStart(value).getTime() + (endOfDay ? 86_400_000 : 0)).toISOString();
  }
  return new Date(value).toISOString();
}

/** Audit events the actor may read, newest first. */
export async function listAuditEvents(
  deps: Deps,
  actor: Actor,
  q: { action?: string; actorId?: string; targetId?: string; from?: string; to?: string; cursor?: string; limit?: number },
): Promise<Page<AuditEvent>> {
  const limit = q.limit ?? 20;
  const reaches = grantsFor(actor, 'audit.read').map((g) => ({ districtId: g.districtId, path: g.path }));
  if (reaches.length === 0) return { items: [], nextCursor: null };
  const rows = await repo.listAuditEvents(deps.db, {
    reaches, action: q.action, actorId: q.actorId, targetId: q.targetId,
    from: toBound(q.from, false), to: toBound(q.to, true), beforeId: decodeCursor(q.cursor), limit: limit + 1,
  });
  return toPage(rows, limit, (r) => r.id, (r) => ({
    id: r.id, districtId: r.district_id, at: r.at, actorId: r.actor_id, actorName: r.actor_name,
    action: r.action, targetType: r.target_type, targetId: r.target_id, scopeNodeId: r.scope_node_id,
    scopeNodeName: r.scope_node_name, requestId: r.request_id, details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
