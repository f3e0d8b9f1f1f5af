// Writing the append-only audit log. Every privileged write calls recordAudit inside its transaction.
import { assertTransaction, type Executor } from '../db/transaction.js';
import type { Clock } from './clock.js';
import { iso } from './clock.js';
import { newId } from './ids.js';
import type { Actor } from './permissions.js';

export interface AuditEntry {
  districtId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  scopeNodeId: string | null;
  scopePath: string;
  details?: Record<string, unknown>;
  onBehalfOfId?: string | null;
}

/** Appends one audit event in the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(trx: Executor, clock: Clock, actor: Actor | null, entry: AuditEntry): Promise<void> {
  assertTransaction(trx);
  await trx
    .insertInto('audit_events')
    .values({
      district_id: entry.districtId,
      id: newId(),
      at: iso(clock.now()),
      actor_id: actor?.userId ?? null,
      on_behalf_of_id: entry.onBehalfOfId ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      scope_node_id: entry.scopeNodeId,
      scope_path: entry.scopePath,
      request_id: actor?.requestId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
