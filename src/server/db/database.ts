// createDatabase: Kysely over better-sqlite3 (default, file under DATA_DIR) or pg (when a URL is given).
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ensurePrivateFile } from '../platform/files.js';
import { guardDialect, setGuardToken } from './guard.js';
import { shardRecorderOptions } from './shardRecorder.js';
import { cacheStatements } from './statementCache.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw SQLite handle (online backup); null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent SQLite is used. */
  url?: string | null;
  /** SQLite file path, or ':memory:'. */
  file?: string;
  /** PostgreSQL schema to work in (tests give each file its own). */
  schema?: string;
  poolSize?: number;
}

// int8 (COUNT, SUM) arrive as strings by default; every integer we store fits in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the database and applies connection settings; run migrations separately. */
export function createDatabase(opts: DatabaseOptions): Database {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    });
    const token = {};
    // LINLI_SHARD_CHECK=<file> records every statement for the shard-key report (db/shardRecorder.ts).
    const db = new Kysely<DB>({
      dialect: guardDialect(new PostgresDialect({ pool }), token),
      ...shardRecorderOptions(),
    });
    setGuardToken(db, token);
    return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  const file = opts.file ?? ':memory:';
  // Owner-only directory and file (0700/0600); SQLite gives its -wal and -shm files the database file's mode.
  if (file !== ':memory:') ensurePrivateFile(file);
  const handle = new SQLite(file);
  // WAL for concurrent readers; synchronous=FULL so a commit the user was told about survives power loss.
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  // REPLACE's implicit deletes fire DELETE triggers, so the append-only tables refuse INSERT OR REPLACE too.
  handle.pragma('recursive_triggers = ON');
  handle.pragma('busy_timeout = 5000');
  const token = {};
  // Kysely prepares every query afresh; the cache hands back the statement prepared before for the same SQL.
  const database = cacheStatements(handle);
  const db = new Kysely<DB>({ dialect: guardDialect(new SqliteDialect({ database }), token) });
  setGuardToken(db, token);
  return { db, dialect: 'sqlite', sqlite: handle, close: () => db.destroy() };
}

/** Creates a PostgreSQL schema if missing (tests and multi-tenant set-ups). */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/** Drops a PostgreSQL schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '')}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A cheap round trip, used by the health check. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
