// The data directory is created owner-only: the directory 0700, the database and the secret key 0600, and a looser
// directory or file found at start is reported (main.ts prints the warning with the chmod to run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/database.js';
import { loadOrCreateSecret } from '../../src/server/platform/crypto.js';
import { looseDataPermissions } from '../../src/server/platform/files.js';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe.runIf(process.platform !== 'win32')('data directory permissions', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-perm-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates the directory 0700 and the database, its WAL and the key 0600', async () => {
    const dir = path.join(root, 'data');
    const database = createDatabase({ file: path.join(dir, 'linli.db') });
    await database.db
      .selectFrom('sqlite_master' as never)
      .selectAll()
      .execute();
    loadOrCreateSecret(null, dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'linli.db'))).toBe(0o600);
    expect(mode(path.join(dir, 'secret.key'))).toBe(0o600);
    for (const f of ['linli.db-wal', 'linli.db-shm'])
      if (fs.existsSync(path.join(dir, f))) expect(mode(path.join(dir, f))).toBe(0o600);
    expect(looseDataPermissions(dir)).toEqual([]);
    await database.close();
  });

  it('names a directory or file others can read', () => {
    const dir = path.join(root, 'old');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'linli.db'), '', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'linli.db'), 0o644);
    fs.writeFileSync(path.join(dir, 'notes.txt'), '', { mode: 0o644 });
    expect(looseDataPermissions(dir)).toEqual([
      { path: dir, mode: '0755' },
      { path: path.join(dir, 'linli.db'), mode: '0644' },
    ]);
  });
});
