// The SQLite statement cache: one prepare per SQL text, streams of the same SQL side by side, LRU bound, schema
// changes picked up, close.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheStatements } from './statementCache.js';

interface T {
  t: { id: number; name: string };
}

function open(maxSize?: number) {
  const handle = new SQLite(':memory:');
  handle.exec('create table t (id integer primary key, name text not null)');
  const insert = handle.prepare('insert into t (id, name) values (?, ?)');
  for (let i = 1; i <= 5; i++) insert.run(i, `n${i}`);
  const prepare = vi.spyOn(handle, 'prepare');
  const cached = cacheStatements(handle, maxSize);
  const db = new Kysely<T>({ dialect: new SqliteDialect({ database: cached }) });
  return { handle, prepare, cached, db };
}

let opened: Kysely<T>[] = [];
afterEach(async () => {
  const all = opened;
  opened = [];
  for (const db of all) await db.destroy();
});
function track(o: ReturnType<typeof open>) {
  opened.push(o.db);
  return o;
}

/** How many times the raw handle prepared exactly this SQL. */
function preparesOf(prepare: ReturnType<typeof open>['prepare'], text: string): number {
  return prepare.mock.calls.filter(([s]) => s === text).length;
}

describe('SQLite statement cache', () => {
  it('prepares the same SQL once, whatever the parameters', async () => {
    const { db, prepare, cached } = track(open());
    const q = (id: number) => db.selectFrom('t').select('name').where('id', '=', id);
    const text = q(1).compile().sql;
    expect((await q(1).executeTakeFirst())?.name).toBe('n1');
    expect((await q(2).executeTakeFirst())?.name).toBe('n2');
    expect((await q(3).executeTakeFirst())?.name).toBe('n3');
    expect(preparesOf(prepare, text)).toBe(1);
    expect(cached.stats().hits).toBeGreaterThanOrEqual(2);
  });

  it('reuses writes too, and a statement that failed works again', async () => {
    const { db, prepare } = track(open());
    const ins = (id: number) => db.insertInto('t').values({ id, name: `x${id}` });
    await ins(10).execute();
    await expect(ins(10).execute()).rejects.toThrow(/UNIQUE/);
    await ins(11).execute();
    expect(preparesOf(prepare, ins(0).compile().sql)).toBe(1);
    const { n } = await db
      .selectFrom('t')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(7);
  });

  it('streams two queries of the same SQL at once, and runs it again meanwhile', () => {
    // Kysely serialises queries on its one SQLite connection, so two open iterations of one SQL can only meet at the
    // handle it is given: driven here the way its driver drives it (prepare, then iterate or all at once).
    const { cached, prepare } = track(open());
    const text = 'select id from t where id > ? order by id';
    const a = cached.prepare(text).iterate([0]);
    const b = cached.prepare(text).iterate([0]);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ra = a.next();
      const rb = b.next();
      seen.push(`${(ra.value as { id: number }).id}/${(rb.value as { id: number }).id}`);
      // The same SQL run whole while both are open.
      if (i === 2) expect(cached.prepare(text).all([0])).toHaveLength(5);
    }
    expect(a.next().done).toBe(true);
    expect(b.next().done).toBe(true);
    expect(seen).toEqual(['1/1', '2/2', '3/3', '4/4', '5/5']);
    // The first took the cached statement; the second and the full run found it busy and prepared their own.
    expect(preparesOf(prepare, text)).toBe(3);
    // Once the iterations are done the cached one is free again.
    expect(cached.prepare(text).all([0])).toHaveLength(5);
    expect(preparesOf(prepare, text)).toBe(3);
  });

  it('streams through Kysely, one after another and side by side with other queries', async () => {
    const { db, prepare } = track(open());
    const q = () => db.selectFrom('t').select('id').where('id', '>', 0).orderBy('id');
    for (let round = 0; round < 2; round++) {
      const ids: number[] = [];
      for await (const row of q().stream()) ids.push(row.id);
      expect(ids).toEqual([1, 2, 3, 4, 5]);
    }
    const [streamed, whole] = await Promise.all([
      (async () => {
        const ids: number[] = [];
        for await (const row of q().stream()) ids.push(row.id);
        return ids;
      })(),
      q().execute(),
    ]);
    expect(streamed).toHaveLength(5);
    expect(whole).toHaveLength(5);
    expect(preparesOf(prepare, q().compile().sql)).toBe(1);
  });

  it('a stream left early frees its statement', async () => {
    const { db, prepare } = track(open());
    const q = () => db.selectFrom('t').select('id').where('id', '>', 0);
    for await (const row of q().stream()) {
      expect(row.id).toBe(1);
      break;
    }
    expect(await q().execute()).toHaveLength(5);
    expect(preparesOf(prepare, q().compile().sql)).toBe(1);
  });

  it('holds at most its bound, dropping the least recently used', async () => {
    const { db, prepare, cached } = track(open(2));
    const byId = () => db.selectFrom('t').select('name').where('id', '=', 1);
    const byName = () => db.selectFrom('t').select('id').where('name', '=', 'n1');
    const all = () => db.selectFrom('t').selectAll();
    await byId().execute();
    await byName().execute();
    await byId().execute(); // byName is now the least recently used
    await all().execute(); // drops byName
    expect(cached.stats().size).toBe(2);
    await byId().execute();
    await byName().execute();
    expect(preparesOf(prepare, byId().compile().sql)).toBe(1);
    expect(preparesOf(prepare, byName().compile().sql)).toBe(2);
  });

  it('a cached statement sees a column added after it was prepared', async () => {
    const { db } = track(open());
    const q = () => db.selectFrom('t').selectAll().where('id', '=', 1);
    expect(Object.keys((await q().executeTakeFirstOrThrow()) as object)).toEqual(['id', 'name']);
    await sql`alter table t add column extra text`.execute(db);
    expect(Object.keys((await q().executeTakeFirstOrThrow()) as object)).toEqual(['id', 'name', 'extra']);
  });

  it('close forgets the statements and closes the handle', async () => {
    const o = open();
    await o.db.selectFrom('t').selectAll().execute();
    expect(o.cached.stats().size).toBe(1);
    await o.db.destroy();
    expect(o.cached.stats().size).toBe(0);
    expect(o.handle.open).toBe(false);
  });
});
