// The uploads storage (platform/storage.ts): local disk under a root, owner-only files, keys that cannot leave the
// root, atomic writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSafeKey, localDiskStorage, uploadsStorage } from '../../src/server/platform/storage.js';

describe('uploads storage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-storage-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores, reads and deletes by key, files 0600 in 0700 folders, no temporary files left', async () => {
    const s = localDiskStorage(root);
    await s.put('reports/d1/abc.jpg', Buffer.from('one'));
    await s.put('reports/d1/abc.jpg', Buffer.from('two'));
    expect((await s.get('reports/d1/abc.jpg'))?.toString()).toBe('two');
    expect(fs.statSync(path.join(root, 'reports/d1/abc.jpg')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(root, 'reports/d1')).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.join(root, 'reports/d1'))).toEqual(['abc.jpg']);
    await s.delete('reports/d1/abc.jpg');
    expect(await s.get('reports/d1/abc.jpg')).toBeNull();
    await s.delete('reports/d1/abc.jpg');
  });

  it.each([
    '../x.jpg',
    'a/../../etc/passwd',
    '/etc/passwd',
    'a//b.jpg',
    'a/b.jpg/',
    'a\\b.jpg',
    'a/.hidden',
    '',
    'a b.jpg',
  ])('refuses the key %j before touching the disk', async (key) => {
    expect(isSafeKey(key)).toBe(false);
    const s = localDiskStorage(root);
    await expect(s.put(key, Buffer.from('x'))).rejects.toThrow(/unsafe storage key/);
    await expect(s.get(key)).rejects.toThrow(/unsafe storage key/);
  });

  it('keeps uploads under DATA_DIR/uploads', async () => {
    const s = uploadsStorage(root);
    await s.put('reports/d2/x_t.jpg', Buffer.from('t'));
    expect(fs.existsSync(path.join(root, 'uploads/reports/d2/x_t.jpg'))).toBe(true);
  });
});
