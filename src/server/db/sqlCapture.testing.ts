// For tests: a Kysely over the PostgreSQL compiler that runs nothing and keeps the SQL of every statement. A select
// answers `selectRows` (so an upsert takes its UPDATE path); writes answer one affected row.
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { DB } from './schema.js';

export function capturePg(selectRows: Array<Record<string, unknown>> = []): { db: Kysely<DB>; statements: string[] } {
  const statements: string[] = [];
  const connection: DatabaseConnection = {
    executeQuery<R>(query: { sql: string }): Promise<QueryResult<R>> {
      statements.push(query.sql);
      const isSelect = /^\s*(select|with)\b/i.test(query.sql);
      return Promise.resolve(isSelect ? { rows: selectRows as R[] } : { rows: [], numAffectedRows: 1n });
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('not supported');
    },
  };
  const driver: Driver = {
    init: () => Promise.resolve(),
    acquireConnection: () => Promise.resolve(connection),
    beginTransaction: () => Promise.resolve(),
    commitTransaction: () => Promise.resolve(),
    rollbackTransaction: () => Promise.resolve(),
    releaseConnection: () => Promise.resolve(),
    destroy: () => Promise.resolve(),
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, statements };
}
