// Signed ledger heads and the public chain export (issue 14), on both databases.
// Before this change a rewritten tail passed verify-ledger: change the last journal's amount, recompute its hash, the
// head and the balances, and every check (hashes, links, head, balances) still agreed — the first test shows it on a
// district without a signed head. A head signed before the rewrite (and kept outside) no longer matches.
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  actorOf,
  anon,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  type TestEnv,
  type TestUser,
  testApp,
  type Tree,
  useClock,
} from '../support.js';
import { rewriteLastJournal, withoutGuards } from './tamper.js';
import * as pub from '../../src/server/modules/ledger/ledger.public.js';
import * as svc from '../../src/server/modules/ledger/ledger.service.js';
import { headMessage, signLedgerHeads, type SignedHead } from '../../src/server/modules/ledger/ledger.signing.js';
import type { Actor } from '../../src/server/platform/permissions.js';

describe.each(DIALECTS)('signed ledger heads on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let admin: Actor;
  let person: TestUser;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);
  // A district of its own per test: tampering and signatures never reach another test.
  beforeEach(async () => {
    tree = await makeTree(env.deps);
    admin = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    person = await makeUser(env.deps, { home: tree.communityA, displayName: '签名测试居民' });
  });

  async function award(points: number, key: string) {
    return svc.awardPoints(env.deps, admin, { userId: person.id, points, reason: '链头签名测试', idempotencyKey: key });
  }
  const codes = (r: { problems: Array<{ code: string }> }) => r.problems.map((p) => p.code);
  const verifyHere = (locale: 'zh-CN' | 'en' = 'zh-CN') =>
    pub.verifyLedger(env.deps, { districtId: tree.district.id, locale });

  it('a tail rewrite passes verification without a signed head (what issue 14 reported)', async () => {
    for (const [i, p] of [5, 7, 9].entries()) await award(p, `unsigned-${dialect}-${i}-${tree.district.id}`);
    await rewriteLastJournal(env, tree.district.id, 900);
    // Nothing in the database contradicts the rewrite: this is why heads are now signed and published.
    expect(await verifyHere()).toMatchObject({ ok: true, problems: [] });
  });

  it('verify-ledger reports a tail rewrite that a signed head covers', async () => {
    for (const [i, p] of [5, 7, 9].entries()) await award(p, `signed-${dialect}-${i}-${tree.district.id}`);
    const [signed] = await signLedgerHeads(env.deps, { districtId: tree.district.id });
    expect(signed).toMatchObject({ created: true, refused: null, head: { seq: 3 } });
    expect((await verifyHere()).ok).toBe(true);
    await rewriteLastJournal(env, tree.district.id, 900);
    const report = await verifyHere('en');
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(['signed_head_mismatch']);
    expect(report.problems[0]).toMatchObject({ seq: 3 });
    expect(report.problems[0]!.problem).toMatch(/does not match journal 3 recomputed/);
  });

  it('a removed tail no longer reaches a head signed on a later day', async () => {
    for (const [i, p] of [5, 7].entries()) await award(p, `deep-${dialect}-${i}-${tree.district.id}`);
    await signLedgerHeads(env.deps, { districtId: tree.district.id });
    // A later day: one more journal and the next day's head.
    env.clock.advance(24 * 3600_000);
    await award(9, `deep-${dialect}-2-${tree.district.id}`);
    const outcomes = await signLedgerHeads(env.deps, { districtId: tree.district.id });
    expect(outcomes[0]).toMatchObject({ created: true, head: { seq: 3 } });
    // Deleting the last journal (and its head) is noticed as well.
    await withoutGuards(env, ['journals', 'postings'], async () => {
      const last = await env.deps.db
        .selectFrom('journals')
        .select('id')
        .where('district_id', '=', tree.district.id)
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      await env.deps.db.deleteFrom('postings').where('journal_id', '=', last.id).execute();
      await env.deps.db.deleteFrom('journals').where('id', '=', last.id).execute();
      const two = await env.deps.db
        .selectFrom('journals')
        .select('hash')
        .where('district_id', '=', tree.district.id)
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      await env.deps.db
        .updateTable('ledger_heads')
        .set({ seq: 2, hash: two.hash })
        .where('district_id', '=', tree.district.id)
        .execute();
    });
    expect(codes(await verifyHere())).toContain('signed_head_missing');
  });

  it('signs once per district and day, refuses to sign a chain that no longer reaches the last signed head', async () => {
    await award(5, `once-${dialect}-${tree.district.id}`);
    const first = await signLedgerHeads(env.deps, { districtId: tree.district.id });
    const again = await signLedgerHeads(env.deps, { districtId: tree.district.id });
    expect(first[0]).toMatchObject({ created: true });
    expect(again[0]).toMatchObject({ created: false, head: first[0]!.head });
    const rows = await env.deps.db
      .selectFrom('ledger_head_signatures')
      .selectAll()
      .where('district_id', '=', tree.district.id)
      .execute();
    expect(rows).toHaveLength(1);
    await rewriteLastJournal(env, tree.district.id, 50);
    env.clock.advance(24 * 3600_000);
    const next = await signLedgerHeads(env.deps, { districtId: tree.district.id });
    expect(next[0]).toMatchObject({ created: false, head: null });
    expect(next[0]!.refused).toMatch(/no longer has the signed hash/);
  });

  it('signs once when several signers race, all answering the one stored signature', async () => {
    await award(5, `race-${dialect}-${tree.district.id}`);
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map(() => signLedgerHeads(env.deps, { districtId: tree.district.id })),
    );
    const flat = outcomes.flat();
    expect(flat.filter((o) => o.created)).toHaveLength(1);
    expect(flat.every((o) => o.refused === null && o.head?.signature === flat[0]!.head?.signature)).toBe(true);
    expect((await verifyHere()).ok).toBe(true);
  });

  it('names a signature record that was altered', async () => {
    await award(5, `sig-${dialect}-${tree.district.id}`);
    await signLedgerHeads(env.deps, { districtId: tree.district.id });
    await withoutGuards(env, ['ledger_head_signatures'], () =>
      env.deps.db
        .updateTable('ledger_head_signatures')
        .set({ seq: 0 })
        .where('district_id', '=', tree.district.id)
        .execute(),
    );
    expect(codes(await verifyHere())).toEqual(['signed_head_bad_signature']);
  });

  it('publishes the public key, the signed heads and the masked chain; signatures check with the key alone', async () => {
    for (const [i, p] of [3, 4, 5].entries()) await award(p, `pub-${dialect}-${i}-${tree.district.id}`);
    await signLedgerHeads(env.deps, { districtId: tree.district.id });
    const keyRes = await anon(app, 'GET', '/api/v1/public/ledger/public-key');
    expect(keyRes.statusCode).toBe(200);
    const key = keyRes.json<{ publicKey: string; pem: string; keyId: string }>();
    expect(Buffer.from(key.publicKey, 'base64')).toHaveLength(32);
    const heads = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/signed-heads`);
    expect(heads.statusCode).toBe(200);
    const [h] = heads.json<{ items: SignedHead[] }>().items;
    expect(h).toMatchObject({ districtId: tree.district.id, seq: 3, keyId: key.keyId });
    const pk = createPublicKey(key.pem);
    expect(verify(null, headMessage(h!), pk, Buffer.from(h!.signature, 'base64'))).toBe(true);
    expect(verify(null, headMessage({ ...h!, seq: 2 }), pk, Buffer.from(h!.signature, 'base64'))).toBe(false);

    // The chain, two journals a page, oldest first, ending at the head.
    const seen: Array<{ seq: number; hash: string; prevHash: string }> = [];
    let cursor: string | null = null;
    let body = '';
    do {
      const res = await anon(
        app,
        'GET',
        `/api/v1/public/ledger/${tree.district.id}/chain?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      body += res.body;
      const page = res.json<{ items: typeof seen; nextCursor: string | null }>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((j) => j.seq)).toEqual([1, 2, 3]);
    expect(seen[2]!.hash).toBe(h!.hash);
    expect(seen[1]!.prevHash).toBe(seen[0]!.hash);
    // Masked: accounts by id and kind only — no names, no phones.
    expect(body).not.toContain('签名测试居民');
    expect(body).not.toContain(person.phone);
    expect(body).toContain('"accountKind":"person"');

    expect((await anon(app, 'GET', '/api/v1/public/ledger/nope/chain')).statusCode).toBe(404);
    expect((await anon(app, 'GET', '/api/v1/public/ledger/nope/signed-heads')).statusCode).toBe(404);
    const bad = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/chain?cursor=%E4%B8%AD`);
    expect(bad.statusCode).toBe(400);
    const notNumber = await anon(
      app,
      'GET',
      `/api/v1/public/ledger/${tree.district.id}/chain?cursor=${Buffer.from('x1').toString('base64url')}`,
    );
    expect(notNumber.statusCode).toBe(400);
  });
});
