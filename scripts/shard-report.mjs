#!/usr/bin/env node
// Shard-key report: node scripts/shard-report.mjs <statements.jsonl> [--all]
// Reads the statements LINLI_SHARD_CHECK=<file> recorded during a PostgreSQL test run and prints the violations of
// the district_id discipline (src/server/db/shardReport.ts; docs/SCALING.md). The district tables come from a fresh
// migrated schema on DATABASE_URL or TEST_DATABASE_URL when set, else an in-memory SQLite database.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/db/shardReport.ts');
process.exitCode = await main(process.argv.slice(2));
