// The data directory holds the database (phones and names, encrypted, but also everything else) and the secret key:
// it is created owner-only (0700, files 0600), and a looser one found at start is named in a warning.
import fs from 'node:fs';
import path from 'node:path';

/** Creates a directory (and its parents) readable by the owner only; an existing one is left as it is. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates an empty file readable by the owner only when it does not exist yet (SQLite then keeps its mode). */
export function ensurePrivateFile(file: string): void {
  ensurePrivateDir(path.dirname(file));
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/**
 * The data directory and the files in it that others than the owner may read or write, each with its mode, for a
 * warning at start (Windows has no such modes: nothing is reported there).
 */
export function looseDataPermissions(dataDir: string): Array<{ path: string; mode: string }> {
  if (process.platform === 'win32' || !fs.existsSync(dataDir)) return [];
  const loose: Array<{ path: string; mode: string }> = [];
  const check = (p: string, allowed: number) => {
    const mode = fs.statSync(p).mode & 0o777;
    if ((mode & ~allowed) !== 0) loose.push({ path: p, mode: mode.toString(8).padStart(4, '0') });
  };
  check(dataDir, 0o700);
  for (const name of fs.readdirSync(dataDir)) {
    const p = path.join(dataDir, name);
    if (fs.statSync(p).isFile() && /^(linli\.db.*|secret\.key)$/.test(name)) check(p, 0o600);
  }
  return loose;
}
