// Module boundaries at the data level: a module reads and writes only the tables its own *.tables.ts declares
// (plus the platform's: audit log, event outbox). Another module's data comes through that module's index.ts:
// org gives scope subqueries (nodesWithin, nodeNameOf…), accounts and volunteers give names, and reads against the
// import direction are inverted (see docs/ARCHITECTURE.md). Plain file scan, no database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../src/server');
const modulesDir = path.join(root, 'modules');

/** Table names declared in the `export interface XTables { … }` block of a *.tables.ts file. */
function tablesDeclaredIn(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const names: string[] = [];
  for (const block of src.matchAll(/export interface \w+Tables \{([\s\S]*?)\n\}/g)) {
    for (const t of (block[1] ?? '').matchAll(/^\s+(\w+): \w+/gm)) names.push(t[1]!);
  }
  return names;
}

function ownersOfTables(): Map<string, string> {
  const owner = new Map<string, string>();
  for (const mod of fs.readdirSync(modulesDir)) {
    for (const f of fs.readdirSync(path.join(modulesDir, mod))) {
      if (f.endsWith('.tables.ts')) for (const t of tablesDeclaredIn(path.join(modulesDir, mod, f))) owner.set(t, mod);
    }
  }
  for (const f of fs.readdirSync(path.join(root, 'platform'))) {
    if (f.endsWith('.tables.ts'))
      for (const t of tablesDeclaredIn(path.join(root, 'platform', f))) owner.set(t, 'platform');
  }
  return owner;
}

/** Allowed cross-module table uses, `module/file.ts table` → reason. Empty on purpose: keep it so. */
const ALLOWED = new Map<string, string>();

/**
 * Every query builder call naming a table: `'t'`, `'t as x'`, in arrays, in `.with(…)` bodies, and a table chosen at
 * run time but typed through one (`selectFrom(table as 'teams')`).
 */
const TABLE_CALL =
  /\.(?:selectFrom|innerJoin|leftJoin|rightJoin|fullJoin|updateTable|insertInto|deleteFrom|replaceInto|mergeInto|using)\(\s*(?:\[\s*)?(?:\w+ as )?'(\w+)/g;

function crossModuleTableUses(): string[] {
  const owner = ownersOfTables();
  const found: string[] = [];
  for (const mod of fs.readdirSync(modulesDir)) {
    const dir = path.join(modulesDir, mod);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(TABLE_CALL)) {
        const table = m[1]!;
        const o = owner.get(table);
        if (!o || o === mod || o === 'platform') continue;
        if (ALLOWED.has(`${mod}/${f} ${table}`)) continue;
        const line = src.slice(0, m.index).split('\n').length;
        found.push(`src/server/modules/${mod}/${f}:${line} reads ${table} (owned by ${o})`);
      }
    }
  }
  return found;
}

describe('module boundaries', () => {
  it('sees table names in every form the code uses', () => {
    const sample = `db.selectFrom('users as u').innerJoin(
      'org_nodes as n', …).leftJoin(['teams']).with('x', (q) => q.selectFrom(table as 'merchants'))`;
    expect([...sample.matchAll(TABLE_CALL)].map((m) => m[1])).toEqual(['users', 'org_nodes', 'teams', 'merchants']);
  });

  it('knows the owner of every table', () => {
    const owner = ownersOfTables();
    for (const t of ['org_nodes', 'users', 'volunteers', 'activities', 'service_records', 'postings', 'audit_events'])
      expect(owner.has(t), t).toBe(true);
  });

  it('no module queries a table another module owns (ask its index.ts instead)', () => {
    expect(crossModuleTableUses()).toEqual([]);
  });
});
