import { describe, expect, it } from 'vitest';
import { checkStatement } from './shardCheck.js';

// The statements are the shapes Kysely and our sql`` fragments emit on PostgreSQL.
const TABLES = [
  'merchants',
  'merchant_staff',
  'orders',
  'org_nodes',
  'role_assignments',
  'point_accounts',
  'team_members',
  'activities',
  'signups',
  'postings',
  'journals',
];
const kinds = (sqlText: string) => checkStatement(sqlText, TABLES).map((v) => `${v.kind} ${v.table}`);

describe('checkStatement', () => {
  it('accepts a district table pinned by a parameter, and a correlated EXISTS matching district_id', () => {
    expect(
      kinds(
        'select "m".* from "merchants" as "m" where "m"."district_id" = $1 and exists (select "s"."user_id" from "merchant_staff" as "s" where "s"."district_id" = "m"."district_id" and "s"."merchant_id" = "m"."id" and "s"."user_id" = $2)',
      ),
    ).toEqual([]);
  });

  it('flags an EXISTS that matches merchant_id only', () => {
    expect(
      kinds(
        'select "m".* from "merchants" as "m" where "m"."district_id" = $1 and exists (select "s"."user_id" from "merchant_staff" as "s" where "s"."merchant_id" = "m"."id" and "s"."user_id" = $2)',
      ),
    ).toEqual(['unscoped merchant_staff', 'join-mismatch merchant_staff']);
  });

  it('flags a read by id alone, and a join on another column', () => {
    expect(kinds('select * from "org_nodes" where "id" = $1')).toEqual(['unscoped org_nodes']);
    expect(
      kinds(
        'select "r".* from "role_assignments" as "r" inner join "org_nodes" as "n" on "n"."id" = "r"."node_id" where "r"."district_id" = $1 and "r"."user_id" = $2',
      ),
    ).toEqual(['unscoped org_nodes', 'join-mismatch org_nodes']);
  });

  it('accepts a join matching district_id, pinned through the equality', () => {
    expect(
      kinds(
        'select "p".* from "postings" as "p" inner join "journals" as "j" on "j"."district_id" = "p"."district_id" and "j"."id" = "p"."journal_id" where "p"."district_id" = $1 and "j"."effective_date" between $2 and $3',
      ),
    ).toEqual([]);
  });

  it('flags a join of two unpinned tables without matching district_id, and an unpinned join matching it once (at its first table)', () => {
    expect(
      kinds(
        'select * from "postings" as "p" inner join "journals" as "j" on "j"."id" = "p"."journal_id" where "p"."account_id" = $1',
      ),
    ).toEqual(['unscoped postings', 'unscoped journals', 'join-mismatch journals']);
    expect(
      kinds(
        'select * from "postings" as "p" inner join "journals" as "j" on "j"."district_id" = "p"."district_id" and "j"."id" = "p"."journal_id"',
      ),
    ).toEqual(['unscoped postings']);
  });

  it('flags UPDATE … SET district_id and ON CONFLICT DO UPDATE SET district_id', () => {
    expect(
      kinds(
        'update "team_members" set "district_id" = $1, "status" = $2 where "district_id" = $3 and "team_id" = $4 and "user_id" = $5',
      ),
    ).toEqual(['sets-district team_members']);
    expect(
      kinds(
        'insert into "signups" ("district_id", "id") values ($1, $2) on conflict ("district_id", "id") do update set "district_id" = excluded."district_id", "status" = $3',
      ),
    ).toEqual(['sets-district signups']);
    expect(kinds('insert into "signups" ("district_id", "id") values ($1, $2) on conflict do nothing')).toEqual([]);
  });

  it('flags a simple CASE in an UPDATE’s SET, not a searched one', () => {
    expect(
      kinds(
        'update "point_accounts" set "balance" = balance + (case id when $1 then $2 when $3 then $4 else 0 end) where "district_id" = $5 and "id" in ($6, $7)',
      ),
    ).toEqual(['simple-case point_accounts']);
    expect(
      kinds(
        'update "point_accounts" set "balance" = balance + (case when id = $1 then $2 when id = $3 then $4 else 0 end) where "district_id" = $5 and "id" in ($6, $7)',
      ),
    ).toEqual([]);
  });

  it('flags UPDATE and DELETE without district_id', () => {
    expect(kinds('update "signups" set "status" = $1 where "id" = $2')).toEqual(['unscoped signups']);
    expect(kinds('delete from "signups" where "id" = $1 returning "id"')).toEqual(['unscoped signups']);
    expect(kinds('delete from "signups" where "district_id" = $1 and "id" = $2')).toEqual([]);
  });

  it('reads OR branches, IN lists, row values and casts', () => {
    expect(
      kinds(
        'select * from "orders" as "o" where ("o"."district_id" = $1 and "o"."id" = $2) or ("o"."district_id" = $3 and "o"."id" = $4)',
      ),
    ).toEqual([]);
    expect(kinds('select * from "orders" as "o" where "o"."district_id" = $1 or "o"."user_id" = $2')).toEqual([
      'unscoped orders',
    ]);
    expect(kinds('select * from "orders" as "o" where ("o"."district_id", "o"."id") in (($1, $2), ($3, $4))')).toEqual(
      [],
    );
    expect(kinds('select * from "orders" where "district_id" in ($1, $2)')).toEqual([]);
    expect(kinds('select * from "orders" where "district_id" = $1::text')).toEqual([]);
    expect(kinds('select * from "orders" where "district_id" not in ($1)')).toEqual(['unscoped orders']);
  });

  it('follows CTEs, derived tables and scalar subqueries', () => {
    expect(
      kinds(
        'with x as (select "district_id", "id" from "activities" where "district_id" = $1) select * from x inner join "signups" as s on s.district_id = x.district_id and s.activity_id = x.id',
      ),
    ).toEqual([]);
    expect(
      kinds(
        'select "a".*, (select "name" from "org_nodes" where "org_nodes"."id" = "a"."community_id") as "n" from "activities" as "a" where "a"."district_id" = $1',
      ),
    ).toEqual(['unscoped org_nodes', 'join-mismatch org_nodes']);
    expect(
      kinds(
        'select * from (select "p"."district_id", sum("amount") as "s" from "postings" as "p" where "p"."district_id" = $1 group by "p"."district_id") as "t" inner join "point_accounts" as "a" on "a"."district_id" = "t"."district_id"',
      ),
    ).toEqual([]);
  });

  it('passes the role lookup as SCALING.md proposes it, and flags today’s join on user_id only', () => {
    expect(
      kinds(
        'select "r"."id", "r"."role", (select "n"."path" from "org_nodes" as "n" where "n"."district_id" = "r"."district_id" and "n"."id" = "r"."node_id") as "path" from "role_assignments" as "r" where "r"."district_id" = any($1::text[]) and "r"."user_id" = $2 and "r"."revoked_at" is null order by "r"."id"',
      ),
    ).toEqual([]);
    expect(
      kinds(
        'select "s"."id", "r"."role" from "sessions" as "s" inner join "users" as "u" on "u"."id" = "s"."user_id" left join "role_assignments" as "r" on "r"."user_id" = "s"."user_id" and "r"."revoked_at" is null where "s"."id" = $1 order by "r"."id"',
      ),
    ).toEqual(['unscoped role_assignments']);
  });

  it('ignores global tables, DDL and transaction control', () => {
    expect(kinds('select count(*) from "users" where "id" = $1')).toEqual([]);
    expect(kinds('begin')).toEqual([]);
    expect(kinds('create table "x" ("district_id" text)')).toEqual([]);
    expect(kinds('select 1')).toEqual([]);
  });
});
