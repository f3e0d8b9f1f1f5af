// The domain-event outbox: events are written in the producer's transaction, so they exist exactly when the
// change they describe committed; (type, ref_id) is unique, so a retried producer cannot emit twice.
// Consumers read events in id order after their own checkpoint (the points ledger is the first consumer).
import { assertTransaction, type Executor } from '../db/transaction.js';
import { type Clock, iso } from './clock.js';
import { newId } from './ids.js';

export interface DomainEvent<P = Record<string, unknown>> {
  districtId: string;
  id: string;
  type: string;
  refId: string;
  payload: P;
  createdAt: string;
}

/** Emits an event in the caller's transaction; returns false when it was emitted before (no-op). */
export async function emitEvent(
  trx: Executor,
  clock: Clock,
  e: { districtId: string; type: string; refId: string; payload: Record<string, unknown> },
): Promise<boolean> {
  assertTransaction(trx);
  const exists = await trx
    .selectFrom('domain_events')
    .select('id')
    .where('district_id', '=', e.districtId)
    .where('type', '=', e.type)
    .where('ref_id', '=', e.refId)
    .executeTakeFirst();
  if (exists) return false;
  await trx
    .insertInto('domain_events')
    .values({
      district_id: e.districtId, id: newId(), type: e.type, ref_id: e.refId,
      payload: JSON.stringify(e.payload), created_at: iso(clock.now()),
    })
    .execute();
  return true;
}

/** Events of a type after a checkpoint id, oldest first (for consumers). */
export async function listEventsAfter(
  db: Executor,
  type: string,
  afterId: string | null,
  limit: number,
): Promise<DomainEvent[]> {
  let q = db.selectFrom('domain_events').selectAll().where('type', '=', type);
  if (afterId) q = q.where('id', '>', afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    districtId: r.district_id, id: r.id, type: r.type, refId: r.ref_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>, createdAt: r.created_at,
  }));
}

const listeners = new Set<() => void>();

/** Registers a callback run after a transaction that emitted events commits (in this process). */
export function onEventsCommitted(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tells in-process consumers that new events are committed; producers call it from afterCommit. */
export function notifyEventsCommitted(): void {
  for (const fn of listeners) fn();
}
