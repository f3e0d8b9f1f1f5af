// The transaction helper services use: one callback, one transaction, side effects after commit.
import type { Kysely, Transaction } from 'kysely';
import { guardTokenOf, runInsideTransaction } from './guard.js';
import type { DB } from './schema.js';

export type Tx = Transaction<DB>;
export type Executor = Kysely<DB> | Tx;

export interface TxScope {
  trx: Tx;
  /** Runs fn after the transaction commits (notifications, cache updates); dropped on rollback. */
  afterCommit: (fn: () => void | Promise<void>) => void;
}

/** Runs fn inside a transaction; commits when it returns, rolls back when it throws. */
export async function inTransaction<T>(db: Kysely<DB>, fn: (scope: TxScope) => Promise<T>): Promise<T> {
  const after: Array<() => void | Promise<void>> = [];
  // Inside the callback the root handle refuses queries (db/guard.ts): every query must go through trx.
  const token = guardTokenOf(db);
  const result = await db
    .transaction()
    .execute((trx) => runInsideTransaction(token, () => fn({ trx, afterCommit: (f) => after.push(f) })));
  for (const f of after) await f();
  return result;
}

/** Asserts that a write runs inside a transaction (ledger and audit writes must). */
export function assertTransaction(executor: Executor): asserts executor is Tx {
  if (!executor.isTransaction) throw new Error('this write must run inside a transaction');
}
