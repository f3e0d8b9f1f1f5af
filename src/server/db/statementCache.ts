// A prepared-statement cache for better-sqlite3 under Kysely: Kysely's SQLite driver prepares every query afresh,
// which cost about 14% of a simple authenticated read. The handle given to SqliteDialect is wrapped so prepare(sql)
// hands back the statement prepared earlier for the same SQL text (bounded, least recently used dropped first).
// A statement still being iterated (a streamed query, `stmt.busy`) is never handed out again: its caller gets a fresh,
// uncached statement. SQLite re-prepares a statement by itself when the schema changes, so a cached one stays valid
// across migrations; close() forgets every statement before closing the handle.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const DEFAULT_STATEMENT_CACHE_SIZE = 500;

export interface StatementCacheStats {
  /** Statements prepared (misses, busy fall-backs included). */
  prepared: number;
  /** Prepares answered from the cache. */
  hits: number;
  /** Statements held now. */
  size: number;
}

export interface CachingSqliteDatabase extends SqliteDatabase {
  stats(): StatementCacheStats;
}

/** Wraps a better-sqlite3 handle so that Kysely's prepare(sql) reuses statements by SQL text. */
export function cacheStatements(
  handle: SQLite.Database,
  maxSize: number = DEFAULT_STATEMENT_CACHE_SIZE,
): CachingSqliteDatabase {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const cache = new Map<string, SQLite.Statement>();
  let prepared = 0;
  let hits = 0;
  return {
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached) {
        // Being iterated (a stream still open over the same SQL): reusing it would throw, so prepare a fresh one.
        if (cached.busy) {
          prepared += 1;
          return handle.prepare(sql);
        }
        hits += 1;
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const stmt = handle.prepare(sql);
      prepared += 1;
      cache.set(sql, stmt);
      if (cache.size > maxSize) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return stmt;
    },
    close(): void {
      cache.clear();
      handle.close();
    },
    stats: () => ({ prepared, hits, size: cache.size }),
  };
}
