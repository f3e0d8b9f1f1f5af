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

describe('linli restore', () => {
  const make = () => fs.mkdtempSync(path.join(os.tmpdir(), 'linli-restore-'));

  it(
    'puts a checked backup in place, keeps a directory holding data unless --force, and checks the key',
    {
      timeout: 180_000,
    },
    async () => {
      const from = make();
      const env = (dir: string) => ({ ...process.env, DATA_DIR: dir, DATABASE_URL: '' });
      await run('node', [BIN, 'seed', '--demo'], { env: env(from) });
      const backup = path.join(from, 'backup.db');
      expect((await run('node', [BIN, 'backup', backup], { env: env(from) })).stdout).toContain('secret.key');

      // A fresh machine with the key carried over: restored, and the key opens the data.
      const to = make();
      fs.copyFileSync(path.join(from, 'secret.key'), path.join(to, 'secret.key'));
      const ok = await run('node', [BIN, 'restore', backup], { env: env(to) });
      expect(ok.stdout).toContain('4 个社区');
      expect(ok.stdout).toContain('密钥与备份匹配');
      expect(fs.statSync(path.join(to, 'linli.db')).mode & 0o077).toBe(0);

      // Again into the same directory: it holds data now, so it is kept unless --force.
      const refused = await run('node', [BIN, 'restore', backup], { env: env(to) }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused).toMatchObject({ code: 2 });
      expect((refused as { stderr: string }).stderr).toContain('--force');
      expect((await run('node', [BIN, 'restore', backup, '--force'], { env: env(to) })).stdout).toContain('已恢复');

      // Without the key: restored, but loudly told the data cannot be read, and no new key is made.
      const keyless = make();
      const warned = await run('node', [BIN, 'restore', backup], { env: env(keyless) }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(warned).toMatchObject({ code: 1 });
      expect((warned as { stderr: string }).stderr).toContain('secret.key');
      expect(fs.existsSync(path.join(keyless, 'secret.key'))).toBe(false);

      // With another installation's key: the same warning.
      const wrongKey = make();
      fs.writeFileSync(path.join(wrongKey, 'secret.key'), 'ab'.repeat(32) + '\n', { mode: 0o600 });
      const wrong = await run('node', [BIN, 'restore', backup], { env: env(wrongKey) }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(wrong).toMatchObject({ code: 1 });
      expect((wrong as { stderr: string }).stderr).toContain('不是做备份时的那把');

      // Not a backup at all: nothing is touched.
      const junk = path.join(from, 'junk.db');
      fs.writeFileSync(junk, 'not a database');
      const bad = await run('node', [BIN, 'restore', junk], { env: env(make()) }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(bad).toMatchObject({ code: 2 });
      expect((bad as { stderr: string }).stderr).toContain('不是邻里的数据库备份');
      for (const d of [from, to, keyless, wrongKey]) fs.rmSync(d, { recursive: true, force: true });
    },
  );
});
