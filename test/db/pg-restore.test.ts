// The PostgreSQL backup path documented in docs/OPERATIONS.md, run for real: pg_dump in custom format, pg_restore into
// a fresh database, and the restored copy opens with the same data and still refuses to rewrite its append-only tables.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/database.js';
import { createTestEnv, makeTree, PG_URL } from '../support.js';

const run = promisify(execFile);
const hasTools = ['/usr/bin/pg_dump', '/usr/bin/pg_restore', '/usr/bin/psql'].every((f) => fs.existsSync(f));

describe.runIf(PG_URL && hasTools)('PostgreSQL backup and restore with pg_dump / pg_restore', () => {
  it('restores a dump into a fresh database that opens with the same data', { timeout: 120_000 }, async () => {
    const env = await createTestEnv('postgres');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-pgdump-'));
    const restoreDb = `linli_restore_${process.pid}_${Date.now() % 100000}`;
    const url = new URL(PG_URL!);
    const restoreUrl = new URL(PG_URL!);
    restoreUrl.pathname = `/${restoreDb}`;
    try {
      const tree = await makeTree(env.deps, '备份区');
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(env.deps.db);
      const schema = rows[0]!.s;
      const dump = path.join(dir, 'linli.dump');
      await run('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, url.toString()]);
      await run('psql', [url.toString(), '-c', `create database ${restoreDb}`]);
      await run('pg_restore', ['--no-owner', `--dbname=${restoreUrl.toString()}`, dump]);
      const copy = createDatabase({ url: restoreUrl.toString(), schema, poolSize: 2 });
      try {
        const names = await copy.db
          .selectFrom('org_nodes')
          .select('name')
          .where('district_id', '=', tree.district.id)
          .orderBy('path')
          .execute();
        expect(names.map((n) => n.name)).toContain('备份区');
        expect(names.length).toBeGreaterThan(5);
        await expect(sql`truncate table audit_events`.execute(copy.db)).rejects.toThrow(/append-only/);
      } finally {
        await copy.close();
      }
    } finally {
      await run('psql', [url.toString(), '-c', `drop database if exists ${restoreDb}`]).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
      await env.close();
    }
  });
});
