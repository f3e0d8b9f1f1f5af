// compiledOnce: built once per handle, values in their places among the query's own constants, refused when a value
// would not be bound as it is, and correct inside a transaction.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledOnce } from './compiledOnce.js';

interface T {
  t: { id: string; kind: string; name: string };
}

let opened: Kysely<T>[] = [];
afterEach(async () => {
  const all = opened;
  opened = [];
  for (const db of all) await db.destroy();
});

function open(): Kysely<T> {
  const handle = new SQLite(':memory:');
  handle.exec('create table t (id text primary key, kind text not null, name text not null)');
  const insert = handle.prepare('insert into t (id, kind, name) values (?, ?, ?)');
  insert.run('a', 'x', 'alpha');
  insert.run('b', 'y', 'beta');
  insert.run('c', 'x', 'gamma');
  const db = new Kysely<T>({ dialect: new SqliteDialect({ database: handle }) });
  opened.push(db);
  return db;
}

describe('compiledOnce', () => {
  it('builds once per handle and puts each value in its place among the constants', async () => {
    let builds = 0;
    const find = compiledOnce((db: Kysely<T>, kind: string, name: string) => {
      builds += 1;
      return db
        .selectFrom('t')
        .select(['id'])
        .where('kind', '=', kind)
        .where('id', '!=', 'zzz') // a constant between the two values
        .where('name', '>=', name)
        .orderBy('id');
    });
    const db = open();
    expect(await find(db, 'x', 'a')).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(await find(db, 'x', 'b')).toEqual([{ id: 'c' }]);
    expect(await find(db, 'y', 'a')).toEqual([{ id: 'b' }]);
    expect(builds).toBe(1);
    // Another handle compiles its own.
    expect(await find(open(), 'y', 'z')).toEqual([]);
    expect(builds).toBe(2);
  });

  it('refuses a query whose SQL or values depend on the values', async () => {
    const db = open();
    const like = compiledOnce((d: Kysely<T>, q: string) =>
      d.selectFrom('t').selectAll().where('name', 'like', `%${q}%`),
    );
    await expect(like(db, 'al')).rejects.toThrow(/not bound exactly once/);
    const twice = compiledOnce((d: Kysely<T>, q: string) =>
      d.selectFrom('t').selectAll().where('name', '=', q).where('id', '=', q),
    );
    await expect(twice(db, 'a')).rejects.toThrow(/not bound exactly once/);
  });

  it('inside a transaction sees the transaction, compiling each time', async () => {
    const db = open();
    let builds = 0;
    const byId = compiledOnce((d: Kysely<T>, id: string) => {
      builds += 1;
      return d.selectFrom('t').select('name').where('id', '=', id);
    });
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 'd', kind: 'x', name: 'delta' }).execute();
      expect(await byId(trx, 'd')).toEqual([{ name: 'delta' }]);
      expect(await byId(trx, 'a')).toEqual([{ name: 'alpha' }]);
    });
    expect(builds).toBe(2);
    expect(await byId(db, 'd')).toEqual([{ name: 'delta' }]);
    expect(await byId(db, 'b')).toEqual([{ name: 'beta' }]);
    expect(builds).toBe(3);
  });
});
