// Where uploaded files live: a small interface (put, get, delete by key) with a local-disk default under
// DATA_DIR/uploads. Files are written owner-only (0600) through a temporary name and renamed, so a reader never sees
// half a file. Keys are relative paths of safe characters; anything else is refused before the disk is touched.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface Storage {
  /** Stores the bytes under the key (replacing any file there). */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under the key, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key's file; a missing one is fine. */
  delete(key: string): Promise<void>;
}

const KEY_RE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*(\.[a-z0-9]{1,8})?$/;

/** True for a key made of safe path segments (letters, digits, _ and -, one optional extension). */
export function isSafeKey(key: string): boolean {
  return key.length <= 300 && KEY_RE.test(key);
}

function check(key: string): void {
  if (!isSafeKey(key)) throw new Error(`unsafe storage key ${JSON.stringify(key)}`);
}

/** Files under a directory on the local disk (created with 0700 on first write). */
export function localDiskStorage(root: string): Storage {
  const full = (key: string) => {
    check(key);
    return path.join(root, ...key.split('/'));
  };
  return {
    async put(key, data) {
      const file = full(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(tmp, data, { mode: 0o600, flag: 'wx' });
      try {
        await fs.rename(tmp, file);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return await fs.readFile(full(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(full(key), { force: true });
    },
  };
}

const byRoot = new Map<string, Storage>();
let override: Storage | null = null;

/** The uploads storage of a data directory: DATA_DIR/uploads on the local disk, unless another one is installed. */
export function uploadsStorage(dataDir: string): Storage {
  if (override) return override;
  const root = path.join(dataDir, 'uploads');
  let s = byRoot.get(root);
  if (!s) {
    s = localDiskStorage(root);
    byRoot.set(root, s);
  }
  return s;
}

/** Installs another storage (an object store, a test double) for every data directory; null restores the disk. */
export function useStorage(storage: Storage | null): void {
  override = storage;
}
