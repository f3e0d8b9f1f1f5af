// The shard-key report over recorded statements (scripts/shard-report.mjs; docs/SCALING.md): every distinct DML
// statement checked by shardCheck.ts against the district tables, violations grouped by table and by statement.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDatabase, dropSchema, ensureSchema } from './database.js';
import { migrateToLatest } from './migrate.js';
import { checkStatement, type ShardViolation } from './shardCheck.js';
import { districtTablesOf } from './shardRecorder.js';

/**
 * Deliberate cross-district statements, each with its reason. A statement matching `sql` is reported as allowed, not
 * as a violation. Keep this list short: every entry is a query that reads every shard on Citus.
 */
export const SHARD_ALLOW: Array<{ sql: RegExp; reason: string }> = [
  {
    sql: /^select "district_id", "seq", "hash" from "ledger_heads" order by "district_id"$/,
    reason: 'verifying the ledger walks every district chain (ledger.public.ts; one small row per district)',
  },
  {
    sql: /^select "e"\.\* from "domain_events" as "e" where "e"\."type" in \(/,
    reason: 'an outbox consumer polls every district past its low-water mark (platform/events.ts consumeEvents)',
  },
  {
    sql: /^select \* from "domain_events" where "type" = \$1 (and "id" > \$2 )?order by "id" limit \$\d$/,
    reason: 'listEventsAfter, for tests and tools only (platform/events.ts)',
  },
];

export interface RecordedStatement {
  sql: string;
  at: string;
}

export interface StatementVerdict extends RecordedStatement {
  violations: ShardViolation[];
  allowed: string | null;
  /** Where it came from: migrations and test set-up are listed apart. */
  origin: 'app' | 'migration' | 'test' | 'unknown';
}

/** Reads the recorder's JSON lines, distinct statements only (several processes append to one file). */
export function readRecorded(text: string): RecordedStatement[] {
  const bySql = new Map<string, RecordedStatement>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as RecordedStatement;
    const prev = bySql.get(rec.sql);
    if (!prev || (!prev.at && rec.at)) bySql.set(rec.sql, rec);
  }
  return [...bySql.values()];
}

const DML = /^\s*(select|with|insert|update|delete)\b/i;
const CATALOG =
  /\b(pg_catalog|information_schema|pg_namespace|pg_class|pg_index|kysely_migration)\b|current_schema\(\)/;

function originOf(at: string): StatementVerdict['origin'] {
  if (at.includes('src/server/db/migrations/') || at.includes('src/server/db/migrate.ts')) return 'migration';
  if (/(^|< )src\//.test(at)) return 'app';
  if (at.startsWith('test/')) return 'test';
  return 'unknown';
}

/** Checks every recorded DML statement (catalog queries and DDL left out). */
export function judge(statements: RecordedStatement[], districtTables: string[]): StatementVerdict[] {
  return statements
    .filter((s) => DML.test(s.sql) && !CATALOG.test(s.sql))
    .map((s) => {
      const violations = checkStatement(s.sql, districtTables);
      const allowed = violations.length ? (SHARD_ALLOW.find((a) => a.sql.test(s.sql))?.reason ?? null) : null;
      return { ...s, violations, allowed, origin: originOf(s.at) };
    });
}

/** The report as text. */
export function formatReport(verdicts: StatementVerdict[], opts: { all?: boolean } = {}): string {
  const lines: string[] = [];
  const checked = verdicts.filter((v) => v.origin !== 'migration');
  const bad = checked.filter((v) => v.violations.length > 0 && !v.allowed);
  const allowed = checked.filter((v) => v.violations.length > 0 && v.allowed);
  const byKind = new Map<string, number>();
  for (const v of bad)
    for (const k of new Set(v.violations.map((x) => x.kind))) byKind.set(k, (byKind.get(k) ?? 0) + 1);
  lines.push(
    `distinct DML statements: ${checked.length}${
      verdicts.length > checked.length ? ` (plus ${verdicts.length - checked.length} from migrations, not checked)` : ''
    }`,
    `violating: ${bad.length} (app ${bad.filter((v) => v.origin === 'app').length}, test set-up ${
      bad.filter((v) => v.origin === 'test').length
    }, origin unknown ${bad.filter((v) => v.origin === 'unknown').length}); allowed: ${allowed.length}`,
    `by kind (statements): ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    '',
    'by table (statements violating on it: unscoped / join-mismatch / sets-district / simple-case):',
  );
  const byTable = new Map<string, Record<string, number>>();
  for (const v of bad) {
    for (const x of uniqueBy(v.violations, (y) => `${y.kind} ${y.table}`)) {
      const row = byTable.get(x.table) ?? {};
      row[x.kind] = (row[x.kind] ?? 0) + 1;
      byTable.set(x.table, row);
    }
  }
  const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  for (const [table, row] of [...byTable].sort((a, b) => total(b[1]) - total(a[1]))) {
    lines.push(
      `  ${table.padEnd(28)} ${String(total(row)).padStart(4)}   ${row.unscoped ?? 0} / ${row['join-mismatch'] ?? 0} / ${
        row['sets-district'] ?? 0
      } / ${row['simple-case'] ?? 0}`,
    );
  }
  lines.push('', 'by source (where the statement was issued: the first frame in a module, else in src/ or test/):');
  const bySource = new Map<string, number>();
  for (const v of bad) {
    const frames = v.at.split(' < ');
    const key =
      frames.find((f) => f.startsWith('src/server/modules/')) ??
      frames.find((f) => f.startsWith('src/')) ??
      (frames[0] || '(unknown)');
    bySource.set(key, (bySource.get(key) ?? 0) + 1);
  }
  const byFile = new Map<string, number>();
  for (const [src, n] of bySource)
    byFile.set(src.replace(/:\d+$/, ''), (byFile.get(src.replace(/:\d+$/, '')) ?? 0) + n);
  lines.push(
    `  by file: ${[...byFile]
      .sort((a, b) => b[1] - a[1])
      .map(([f, n]) => `${f.replace(/^src\/server\//, '')} ${n}`)
      .join(', ')}`,
  );
  for (const [src, n] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, opts.all ? undefined : 25)) {
    lines.push(`  ${String(n).padStart(4)}  ${src}`);
  }
  lines.push('', `statements${opts.all ? '' : ' (the 30 with most violations; --all for every one)'}:`);
  const sorted = [...bad].sort((a, b) => b.violations.length - a.violations.length);
  for (const v of opts.all ? sorted : sorted.slice(0, 30)) {
    lines.push(`- ${v.sql.length > 300 ? `${v.sql.slice(0, 300)}…` : v.sql}`);
    if (v.at) lines.push(`    at ${v.at}`);
    for (const x of v.violations) lines.push(`    ${x.kind}: ${x.detail}`);
  }
  if (allowed.length) {
    lines.push('', 'allowed:');
    for (const v of allowed) lines.push(`- ${v.sql.slice(0, 160)}…  (${v.allowed ?? ''})`);
  }
  return lines.join('\n');
}

function uniqueBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

/** The district tables of a freshly migrated database (PostgreSQL when a URL is given, else in-memory SQLite). */
export async function currentDistrictTables(url: string | null): Promise<string[]> {
  if (url) {
    const schema = `shard_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await ensureSchema(url, schema);
    const database = createDatabase({ url, schema, poolSize: 2 });
    try {
      await migrateToLatest(database.db);
      return await districtTablesOf(database.db, 'postgres', schema);
    } finally {
      await database.close();
      await dropSchema(url, schema);
    }
  }
  const database = createDatabase({ file: ':memory:' });
  try {
    await migrateToLatest(database.db);
    return await districtTablesOf(database.db, 'sqlite');
  } finally {
    await database.close();
  }
}

/** CLI: shard-report <file> [--all]; exit code 0 (a report, not a gate). */
export async function main(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: node scripts/shard-report.mjs <statements.jsonl> [--all]');
    return 2;
  }
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || null;
  const tables = await currentDistrictTables(url);
  const verdicts = judge(readRecorded(readFileSync(file, 'utf8')), tables);
  console.log(
    `district tables (${tables.length}, from ${url ? 'PostgreSQL pg_index' : 'SQLite'}): ${tables.join(' ')}\n`,
  );
  console.log(formatReport(verdicts, { all: args.includes('--all') }));
  return 0;
}
