// shardRecorder: when LINLI_SHARD_CHECK=<file> is set, every statement the PostgreSQL pool runs is appended to that
// file once per process (JSON lines: {sql, at}), `at` naming the first src/ or test/ frame that issued it. Read by
// scripts/shard-report.ts, which checks each with db/shardCheck.ts (docs/SCALING.md). Off (no cost) otherwise.
import { appendFileSync } from 'node:fs';
import { type Kysely, type KyselyConfig, type KyselyPlugin, type LogEvent, type QueryId, sql } from 'kysely';
import type { Dialect } from './database.js';
import type { DB } from './schema.js';

const seen = new Set<string>();

/** Where a statement came from: the first frames in our own source (not Kysely, not this file). */
function origin(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const ours = frames
    .filter((line) => !line.includes('node_modules'))
    .map((line) => /(?:\/work\/[^/]+\/|\()?((?:src|test|e2e|bench)\/[^\s:)]+):(\d+)/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => `${m[1] ?? ''}:${m[2] ?? ''}`)
    .filter((at) => !at.startsWith('src/server/db/'));
  return ours.slice(0, 3).join(' < ');
}

/**
 * Kysely options that record statements when LINLI_SHARD_CHECK is set; {} otherwise. A plugin notes the caller's
 * frames while the query is compiled (still in the caller's synchronous stack); the log writes the SQL once run.
 */
export function shardRecorderOptions(env: NodeJS.ProcessEnv = process.env): Pick<KyselyConfig, 'log' | 'plugins'> {
  const file = env.LINLI_SHARD_CHECK;
  if (!file) return {};
  const origins = new WeakMap<QueryId, string>();
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      origins.set(args.queryId, origin());
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return {
    plugins: [plugin],
    log: (event: LogEvent) => {
      const text = event.query.sql;
      if (seen.has(text)) return;
      seen.add(text);
      appendFileSync(file, `${JSON.stringify({ sql: text, at: origins.get(event.query.queryId) || origin() })}\n`);
    },
  };
}

/**
 * The district tables of a migrated database: every table whose primary key starts with district_id (pg_index on
 * PostgreSQL, the schema given or the current one; PRAGMA table_info on SQLite).
 */
export async function districtTablesOf(db: Kysely<DB>, dialect: Dialect, schema?: string): Promise<string[]> {
  if (dialect === 'postgres') {
    const rows = await sql<{ table: string }>`
      select c.relname as "table"
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
      where i.indisprimary and a.attname = 'district_id' and n.nspname = coalesce(${schema ?? null}, current_schema())
      order by 1`.execute(db);
    return rows.rows.map((r) => r.table);
  }
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(
    db,
  );
  const out: string[] = [];
  for (const t of tables.rows) {
    const cols = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${t.name})`.execute(db);
    if (cols.rows.some((c) => c.pk === 1 && c.name === 'district_id')) out.push(t.name);
  }
  return out;
}
