// npm run bench -- --fuzz: the long run of the schema-driven fuzz test (test/security/fuzz.test.ts) — every operation in
// the OpenAPI document, as a district admin and as a resident, FUZZ_ROUNDS (default 25) times the cases CI sends, on
// SQLite and (with TEST_DATABASE_URL or BENCH_DATABASE_URL) PostgreSQL. Never a 5xx, always the error shape, nothing
// written by a refused request; the counts go to bench/results/fuzz.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PG_URL, writeResults } from './lib.js';

export function runFuzzBench(): Promise<void> {
  const rounds = Number(process.env.FUZZ_ROUNDS ?? 25);
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-fuzz-')), 'fuzz.jsonl');
  const started = Date.now();
  const run = spawnSync('npx', ['vitest', 'run', 'test/security/fuzz.test.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      FUZZ_ROUNDS: String(rounds),
      FUZZ_REPORT: report,
      ...(PG_URL ? { TEST_DATABASE_URL: PG_URL } : {}),
    },
  });
  const runs = fs.existsSync(report)
    ? fs
        .readFileSync(report, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
  writeResults('fuzz', {
    rounds,
    passed: run.status === 0,
    seconds: Math.round((Date.now() - started) / 1000),
    databases: runs,
  });
  if (run.status !== 0) process.exitCode = 1;
  return Promise.resolve();
}
