// Restoring a SQLite backup (`linli restore <file> [--force]`): the file is checked (a SQLite database that passes
// its integrity check and holds linli's tables) before anything is touched; a data directory that already holds
// data is kept unless --force; the copy is written owner-only. The secret key is NOT in the backup: without the
// one the backup was made with, encrypted phones, names and ID numbers cannot be read — restore says so loudly.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { ensurePrivateDir } from '../platform/files.js';

export type RestoreOutcome =
  | { ok: true; target: string; communities: number }
  | { ok: false; reason: 'not_found' | 'not_linli' | 'corrupt' | 'not_empty'; detail?: string };

/** Checks a backup file without changing anything; returns the number of communities it holds. */
export function inspectBackup(
  file: string,
): { ok: true; communities: number } | { ok: false; reason: 'not_found' | 'not_linli' | 'corrupt'; detail?: string } {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { ok: false, reason: 'not_found' };
  let db: SQLite.Database | null = null;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const check = db.prepare('pragma integrity_check').pluck().get();
    if (check !== 'ok') return { ok: false, reason: 'corrupt', detail: String(check) };
    const tables = new Set(
      db
        .prepare("select name from sqlite_master where type = 'table'")
        .pluck()
        .all()
        .map((n) => String(n)),
    );
    if (!['kysely_migration', 'org_nodes', 'users', 'journals'].every((t) => tables.has(t)))
      return { ok: false, reason: 'not_linli' };
    const communities = db.prepare("select count(*) from org_nodes where kind = 'community'").pluck().get();
    return { ok: true, communities: Number(communities) };
  } catch (e) {
    return { ok: false, reason: 'not_linli', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}

/** True when the data directory's database exists and holds any organisation. */
function holdsData(target: string): boolean {
  if (!fs.existsSync(target) || fs.statSync(target).size === 0) return false;
  const db = new SQLite(target, { readonly: true, fileMustExist: true });
  try {
    const has = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'org_nodes'").get();
    return !!has && !!db.prepare('select 1 from org_nodes limit 1').get();
  } finally {
    db.close();
  }
}

/** Copies a checked backup into DATA_DIR/linli.db (0600), replacing one that holds data only with `force`. */
export async function restoreSqlite(file: string, dataDir: string, force: boolean): Promise<RestoreOutcome> {
  const inspected = inspectBackup(file);
  if (!inspected.ok) return inspected;
  const target = path.join(dataDir, 'linli.db');
  if (!force && holdsData(target)) return { ok: false, reason: 'not_empty' };
  ensurePrivateDir(dataDir);
  // Written next to the target and renamed over it, so a failed copy never leaves half a database in place.
  const temp = `${target}.restoring`;
  fs.rmSync(temp, { force: true });
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temp);
  } finally {
    source.close();
  }
  fs.chmodSync(temp, 0o600);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(temp, target);
  return { ok: true, target, communities: inspected.communities };
}
