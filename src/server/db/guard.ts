// A guard against the one-keystroke mistake of querying `deps.db` inside an open transaction instead of `trx`.
// On SQLite that query waits for the single connection the transaction holds, forever; on PostgreSQL it silently
// runs outside the transaction. The guarded driver refuses to hand out a connection to code running inside a
// transaction callback of the same database (inTransaction marks it), so the mistake fails at once, loudly.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dialect, Driver } from 'kysely';

const insideTransactionOf = new AsyncLocalStorage<ReadonlySet<object>>();

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super('a query on the database handle ran inside an open transaction: use the transaction (trx) instead');
    this.name = 'QueryOutsideTransactionError';
  }
}

/** Wraps a dialect so that its driver refuses connections to code inside a transaction of this database. */
export function guardDialect(inner: Dialect, token: object): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createDriver: () => {
      const driver = inner.createDriver();
      return new Proxy(driver, {
        get(target, prop, receiver) {
          if (prop === 'acquireConnection') {
            return () => {
              if (insideTransactionOf.getStore()?.has(token)) return Promise.reject(new QueryOutsideTransactionError());
              return target.acquireConnection();
            };
          }
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }) satisfies Driver;
    },
  };
}

/** Runs fn marked as inside a transaction of the database that `token` guards. */
export function runInsideTransaction<T>(token: object | undefined, fn: () => T): T {
  if (!token) return fn();
  const current = insideTransactionOf.getStore();
  return insideTransactionOf.run(new Set([...(current ?? []), token]), fn);
}

const tokens = new WeakMap<object, object>();

/** Remembers which guard token belongs to a database handle. */
export function setGuardToken(db: object, token: object): void {
  tokens.set(db, token);
}

/** The guard token of a database handle, if it is guarded. */
export function guardTokenOf(db: object): object | undefined {
  return tokens.get(db);
}
