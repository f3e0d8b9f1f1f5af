// The CLI as an operator uses it: migrate, seed, backup, and a clear refusal of bad configuration.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve('bin/linli.mjs');

describe('linli CLI', () => {
  it('migrates, seeds the demo once, and writes an online SQLite backup', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cli-'));
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    expect((await run('node', [BIN, 'migrate'], { env })).stdout).toContain('up to date');
    expect((await run('node', [BIN, 'seed', '--demo'], { env })).stdout).toContain('已载入演示数据');
    expect((await run('node', [BIN, 'seed', '--demo'], { env })).stdout).toContain('未重复载入');
    const file = path.join(dir, 'backup.db');
    await run('node', [BIN, 'backup', file], { env });
    const copy = new SQLite(file, { readonly: true });
    const n = copy.prepare("select count(*) as n from org_nodes where kind = 'community'").get() as { n: number };
    copy.close();
    expect(n.n).toBe(4);
    expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o077).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops with a message naming a bad variable', async () => {
    const err = await run('node', [BIN, 'migrate'], { env: { ...process.env, PORT: 'eighty' } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((err as { code: number }).code).toBe(78);
    expect((err as { stderr: string }).stderr).toContain('PORT must be a whole number');
  });

  it('tells PostgreSQL users to use pg_dump for backups', async () => {
    const err = await run('node', [BIN, 'backup', '/tmp/x.db'], {
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    }).catch((e: { stderr: string }) => e);
    expect(err.stderr).toContain('pg_dump');
  });
});
