// The domain-event outbox: events are written in the producer's transaction, so they exist exactly when the
// change they describe committed; (type, ref_id) is unique, so a retried producer cannot emit twice.
//
// Each event type is defined once, by the module that produces it, with a zod schema for its payload
// (`defineEvent`): the producer emits through it and the consumer parses through it, so the contract cannot drift.
//
// Consumers never trust "everything after the last id I saw": ids are minted before commit, so a transaction that
// commits after a later one would be passed over. `consumeEvents` records every event it handled in
// `event_consumptions`, in the same transaction as the handling, and picks up any event without such a row.
import type { Kysely } from 'kysely';
import { decodeTime, encodeTime } from 'ulidx';
import type { z } from 'zod';
import { assertTransaction, type Executor, inTransaction, type Tx } from '../db/transaction.js';
import type { DB } from '../db/schema.js';
import { type Clock, iso } from './clock.js';
import { newId } from './ids.js';

export interface DomainEvent<P = unknown> {
  districtId: string;
  id: string;
  type: string;
  refId: string;
  payload: P;
  createdAt: string;
}

export interface EventDefinition<P> {
  type: string;
  /** Emits the event in the caller's transaction; returns false when it was emitted before (no-op). */
  emit(trx: Executor, clock: Clock, e: { districtId: string; refId: string; payload: P }): Promise<boolean>;
  /** A stored row as a typed event; throws when the payload does not match the contract. */
  parse(row: EventRow): DomainEvent<P>;
}

type EventRow = { district_id: string; id: string; type: string; ref_id: string; payload: string; created_at: string };

/** Declares an event type with the schema of its payload (the one contract between producer and consumers). */
export function defineEvent<S extends z.ZodType>(type: string, schema: S): EventDefinition<z.output<S>> {
  return {
    type,
    emit: (trx, clock, e) =>
      emitEvent(trx, clock, { ...e, type, payload: schema.parse(e.payload) as Record<string, unknown> }),
    parse: (row) => ({
      districtId: row.district_id,
      id: row.id,
      type: row.type,
      refId: row.ref_id,
      createdAt: row.created_at,
      payload: schema.parse(JSON.parse(row.payload)),
    }),
  };
}

/** Emits an event in the caller's transaction; returns false when it was emitted before (no-op). */
export async function emitEvent(
  trx: Executor,
  clock: Clock,
  e: { districtId: string; type: string; refId: string; payload: Record<string, unknown> },
): Promise<boolean> {
  assertTransaction(trx);
  const exists = await findEventByRef(trx, e.districtId, e.type, e.refId);
  if (exists) return false;
  await trx
    .insertInto('domain_events')
    .values({
      district_id: e.districtId,
      id: newId(),
      type: e.type,
      ref_id: e.refId,
      payload: JSON.stringify(e.payload),
      created_at: iso(clock.now()),
    })
    .execute();
  return true;
}

/** The event of a type about one thing, if it was emitted. */
export function findEventByRef(db: Executor, districtId: string, type: string, refId: string) {
  return db
    .selectFrom('domain_events')
    .select(['id', 'created_at'])
    .where('district_id', '=', districtId)
    .where('type', '=', type)
    .where('ref_id', '=', refId)
    .executeTakeFirst();
}

/** Events of a type after an id, oldest first (for tests and tools; consumers use consumeEvents). */
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
    districtId: r.district_id,
    id: r.id,
    type: r.type,
    refId: r.ref_id,
    payload: JSON.parse(r.payload) as unknown,
    createdAt: r.created_at,
  }));
}

/** A handler of one event type, made with `on`. */
export interface EventHandler {
  type: string;
  run(trx: Tx, row: EventRow): Promise<void>;
}

/** Binds a handler to an event definition; the payload reaches it parsed and typed. */
export function on<P>(
  def: EventDefinition<P>,
  handle: (trx: Tx, event: DomainEvent<P>) => Promise<void>,
): EventHandler {
  return { type: def.type, run: (trx, row) => handle(trx, def.parse(row)) };
}

/**
 * How far behind the newest handled event the low-water mark stays. A producer transaction open longer than this
 * (between minting an event id and committing) is still found by the next full scan.
 */
const LOOK_BACK_MS = 10 * 60_000;

export interface ConsumeOptions {
  consumer: string;
  handlers: EventHandler[];
  batch?: number;
  /** Ignore the low-water mark and look at every event (the hourly housekeeping and the CLI do). */
  fullScan?: boolean;
  /** Called when one event's handling failed; the event stays unhandled and is tried again on the next run. */
  onError?: (err: unknown, eventId: string) => void;
}

/**
 * Handles every committed event of the handlers' types that this consumer has not handled yet, oldest first, each in
 * its own transaction together with its consumption row. Safe to run concurrently and repeatedly: two consumers
 * racing for one event both insert its consumption row; the second waits for the first and then inserts nothing
 * (PostgreSQL) or runs after it (SQLite), and skips. Returns how many events this call handled.
 */
export async function consumeEvents(deps: { db: Kysely<DB>; clock: Clock }, opts: ConsumeOptions): Promise<number> {
  const byType = new Map(opts.handlers.map((h) => [h.type, h]));
  const types = [...byType.keys()];
  const batch = opts.batch ?? 200;
  const mark = opts.fullScan
    ? undefined
    : (
        await deps.db
          .selectFrom('event_watermarks')
          .select('low_water')
          .where('consumer', '=', opts.consumer)
          .executeTakeFirst()
      )?.low_water;
  const failed = new Set<string>();
  let handled = 0;
  let newest: string | null = null;
  for (;;) {
    let q = deps.db
      .selectFrom('domain_events as e')
      .selectAll('e')
      .where('e.type', 'in', types)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('event_consumptions as c')
              .select('c.event_id')
              .whereRef('c.district_id', '=', 'e.district_id')
              .where('c.consumer', '=', opts.consumer)
              .whereRef('c.event_id', '=', 'e.id'),
          ),
        ),
      );
    if (mark) q = q.where('e.id', '>', mark);
    if (failed.size > 0) q = q.where('e.id', 'not in', [...failed]);
    const rows = await q.orderBy('e.id').limit(batch).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (!newest || row.id > newest) newest = row.id;
      try {
        const did = await inTransaction(deps.db, async ({ trx }) => {
          const claimed = await trx
            .insertInto('event_consumptions')
            .values({
              district_id: row.district_id,
              consumer: opts.consumer,
              event_id: row.id,
              consumed_at: iso(deps.clock.now()),
            })
            .onConflict((oc) => oc.columns(['district_id', 'consumer', 'event_id']).doNothing())
            .executeTakeFirst();
          if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false; // another consumer handled it
          await byType.get(row.type)!.run(trx, row);
          return true;
        });
        if (did) handled += 1;
      } catch (err) {
        failed.add(row.id);
        opts.onError?.(err, row.id);
      }
    }
  }
  if (newest) await raiseWatermark(deps, opts.consumer, newest, failed, mark);
  return handled;
}

/** Moves the consumer's low-water mark up to (newest handled − look-back), never past an event that failed. */
async function raiseWatermark(
  deps: { db: Kysely<DB>; clock: Clock },
  consumer: string,
  newest: string,
  failed: Set<string>,
  current?: string,
) {
  let candidate = `${encodeTime(Math.max(0, decodeTime(newest) - LOOK_BACK_MS), 10)}${'0'.repeat(16)}`;
  for (const id of failed) if (id <= candidate) candidate = lowerThan(id);
  if (current && candidate <= current) return;
  const at = iso(deps.clock.now());
  await deps.db
    .insertInto('event_watermarks')
    .values({ consumer, low_water: candidate, updated_at: at })
    .onConflict((oc) =>
      oc
        .column('consumer')
        .doUpdateSet({ low_water: candidate, updated_at: at })
        .where('event_watermarks.low_water', '<', candidate),
    )
    .execute();
}

/** The ULID-shaped string just below an id, so that `id > lowerThan(x)` still includes x. */
function lowerThan(id: string): string {
  return `${encodeTime(Math.max(0, decodeTime(id) - 1), 10)}${'Z'.repeat(16)}`;
}

const listeners = new WeakMap<object, Set<() => void>>();

/** Registers a callback run after a transaction of this database that emitted events commits (in this process). */
export function onEventsCommitted(db: Kysely<DB>, fn: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/** Tells this database's in-process consumers that new events are committed; producers call it from afterCommit. */
export function notifyEventsCommitted(db: Kysely<DB>): void {
  for (const fn of listeners.get(db) ?? []) fn();
}
