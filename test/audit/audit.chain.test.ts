// The audit log's hash chain (issue 14) on both databases: a sealer chains every audit event; verify-audit names an
// event changed, an event missing, a seal rewritten and an event left unsealed too long. Before migration 0017 the
// audit log had no chain: an UPDATE or DELETE through a trigger-disabled path left no trace anywhere.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, DIALECTS, plainActor, type TestEnv, useClock } from '../support.js';
import { withoutGuards } from '../ledger/tamper.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { recordAudit } from '../../src/server/platform/audit.js';
import {
  auditEventHash,
  auditSealHash,
  sealAuditEvents,
  signAuditHeads,
  verifyAuditChain,
} from '../../src/server/platform/audit.chain.js';
import { newId } from '../../src/server/platform/ids.js';

describe.each(DIALECTS)('audit chain on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(() => env.close());
  useClock(() => env);

  /** Writes n audit events in a district of their own (one transaction each); returns their ids in order. */
  async function writeEvents(districtId: string, n: number): Promise<string[]> {
    for (let i = 0; i < n; i++) {
      await inTransaction(env.deps.db, ({ trx }) =>
        recordAudit(trx, env.clock, plainActor('u-staff'), {
          districtId,
          action: 'volunteer.review',
          targetType: 'volunteer',
          targetId: `v${i}`,
          scopeNodeId: null,
          scopePath: `/${districtId}/`,
          details: { decision: 'approved', i },
        }),
      );
    }
    const rows = await env.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('district_id', '=', districtId)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  const codes = (r: { problems: Array<{ code: string }> }) => r.problems.map((p) => p.code);

  it('chains every event once, in order, and verifies an honest log', async () => {
    const d = newId();
    await writeEvents(d, 3);
    expect(await sealAuditEvents(env.deps, { districtId: d })).toBe(3);
    expect(await sealAuditEvents(env.deps, { districtId: d })).toBe(0);
    await writeEvents(d, 2);
    const report = await verifyAuditChain(env.deps, { districtId: d });
    expect(report).toMatchObject({ ok: true, districts: [{ districtId: d, seals: 5, unsealed: 0 }] });
    const seals = await env.deps.db
      .selectFrom('audit_seals')
      .selectAll()
      .where('district_id', '=', d)
      .orderBy('seq')
      .execute();
    expect(seals.map((s) => Number(s.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(seals.map((s) => s.event_id)).size).toBe(5);
  });

  it('seals concurrently without forks or double seals', async () => {
    const d = newId();
    await writeEvents(d, 12);
    const sealed = await Promise.all([1, 2, 3, 4].map(() => sealAuditEvents(env.deps, { districtId: d, batch: 5 })));
    expect(sealed.reduce((a, b) => a + b, 0)).toBe(12);
    expect((await verifyAuditChain(env.deps, { districtId: d, seal: false })).ok).toBe(true);
  });

  it('names an event changed through a trigger-disabled UPDATE', async () => {
    const d = newId();
    const ids = await writeEvents(d, 3);
    expect((await verifyAuditChain(env.deps, { districtId: d })).ok).toBe(true);
    await withoutGuards(env, ['audit_events'], () =>
      env.deps.db
        .updateTable('audit_events')
        .set({ details: JSON.stringify({ decision: 'rejected', i: 1 }) })
        .where('district_id', '=', d)
        .where('id', '=', ids[1]!)
        .execute(),
    );
    const report = await verifyAuditChain(env.deps, { districtId: d, locale: 'en' });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        eventId: ids[1],
        seq: 2,
        code: 'event_changed',
        problem: 'audit event (volunteer.review) differs from what was sealed (altered)',
      }),
    ]);
  });

  it('names an event deleted through a trigger-disabled DELETE', async () => {
    const d = newId();
    const ids = await writeEvents(d, 3);
    await sealAuditEvents(env.deps, { districtId: d });
    await withoutGuards(env, ['audit_events'], () =>
      env.deps.db.deleteFrom('audit_events').where('district_id', '=', d).where('id', '=', ids[2]!).execute(),
    );
    const report = await verifyAuditChain(env.deps, { districtId: d });
    expect(codes(report)).toEqual(['event_missing']);
    expect(report.problems[0]).toMatchObject({
      eventId: ids[2],
      seq: 3,
      problem: '封存指向的审计事件已不存在（被删除）',
    });
  });

  it('names a seal rewritten, and a rewrite that recomputes one seal breaks the next link', async () => {
    const d = newId();
    const ids = await writeEvents(d, 3);
    await sealAuditEvents(env.deps, { districtId: d });
    // A crude rewrite: the seal's time changed, its hash left.
    await withoutGuards(env, ['audit_seals'], () =>
      env.deps.db
        .updateTable('audit_seals')
        .set({ sealed_at: '2020-01-01T00:00:00.000Z' })
        .where('district_id', '=', d)
        .where('seq', '=', 3)
        .execute(),
    );
    expect(codes(await verifyAuditChain(env.deps, { districtId: d }))).toEqual(['seal_rewritten']);

    // A careful one: event 1 changed, its seal's event hash and hash recomputed; seal 2 still links to the old hash.
    const e2 = newId();
    const [first] = await writeEvents(e2, 2);
    await sealAuditEvents(env.deps, { districtId: e2 });
    await withoutGuards(env, ['audit_events', 'audit_seals'], async () => {
      await env.deps.db
        .updateTable('audit_events')
        .set({ action: 'volunteer.revoke' })
        .where('district_id', '=', e2)
        .where('id', '=', first!)
        .execute();
      const ev = await env.deps.db
        .selectFrom('audit_events')
        .selectAll()
        .where('district_id', '=', e2)
        .where('id', '=', first!)
        .executeTakeFirstOrThrow();
      const seal = await env.deps.db
        .selectFrom('audit_seals')
        .selectAll()
        .where('district_id', '=', e2)
        .where('seq', '=', 1)
        .executeTakeFirstOrThrow();
      const forged = { ...seal, event_hash: auditEventHash(ev) };
      await env.deps.db
        .updateTable('audit_seals')
        .set({ event_hash: forged.event_hash, hash: auditSealHash(forged) })
        .where('district_id', '=', e2)
        .where('seq', '=', 1)
        .execute();
    });
    const report = await verifyAuditChain(env.deps, { districtId: e2 });
    expect(codes(report)).toEqual(['seal_link_mismatch']);
    expect(report.problems[0]).toMatchObject({ seq: 2 });
    expect(ids).toHaveLength(3);
  });

  it('names events left unsealed too long, and events sealed long after they were written', async () => {
    const d = newId();
    await writeEvents(d, 1);
    await sealAuditEvents(env.deps, { districtId: d });
    const late = (await writeEvents(d, 1))[1];
    env.clock.advance(2 * 3600_000);
    const unsealed = await verifyAuditChain(env.deps, { districtId: d, seal: false });
    expect(codes(unsealed)).toEqual(['event_unsealed']);
    expect(unsealed.problems[0]).toMatchObject({ eventId: late });
    const sealedNow = await verifyAuditChain(env.deps, { districtId: d });
    expect(codes(sealedNow)).toEqual(['event_sealed_late']);
    expect(sealedNow.problems[0]).toMatchObject({ eventId: late, params: { minutes: 120 } });
  });

  it('refuses UPDATE, DELETE and REPLACE/TRUNCATE on the seals', async () => {
    const d = newId();
    await writeEvents(d, 1);
    await sealAuditEvents(env.deps, { districtId: d });
    await expect(sql`update audit_seals set hash = 'x' where district_id = ${d}`.execute(env.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_seals where district_id = ${d}`.execute(env.deps.db)).rejects.toThrow(
      /append-only/,
    );
    if (dialect === 'sqlite') {
      await expect(
        sql`insert or replace into audit_seals (district_id, seq, event_id, event_hash, prev_hash, hash, sealed_at)
            values (${d}, 1, 'x', 'x', 'x', 'x', 'x')`.execute(env.deps.db),
      ).rejects.toThrow(/append-only/);
    } else {
      await expect(sql`truncate audit_seals`.execute(env.deps.db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate ledger_head_signatures`.execute(env.deps.db)).rejects.toThrow(/append-only/);
    }
    expect((await verifyAuditChain(env.deps, { districtId: d })).ok).toBe(true);
  });

  /**
   * The careful rewrite: event `eventId` changed, its seal and every later seal recomputed, the head moved — what
   * someone with database access (and the source) would do so that the chain on its own verifies again.
   */
  async function rewriteAndReseal(d: string, eventId: string) {
    await withoutGuards(env, ['audit_events', 'audit_seals'], async () => {
      await env.deps.db
        .updateTable('audit_events')
        .set({ details: JSON.stringify({ decision: 'rejected' }) })
        .where('district_id', '=', d)
        .where('id', '=', eventId)
        .execute();
      const seals = await env.deps.db
        .selectFrom('audit_seals')
        .selectAll()
        .where('district_id', '=', d)
        .orderBy('seq')
        .execute();
      let prev = '0'.repeat(64);
      for (const s of seals) {
        const ev = await env.deps.db
          .selectFrom('audit_events')
          .selectAll()
          .where('district_id', '=', d)
          .where('id', '=', s.event_id)
          .executeTakeFirstOrThrow();
        const forged = { ...s, event_hash: auditEventHash(ev), prev_hash: prev };
        const hash = auditSealHash(forged);
        await env.deps.db
          .updateTable('audit_seals')
          .set({ event_hash: forged.event_hash, prev_hash: prev, hash })
          .where('district_id', '=', d)
          .where('seq', '=', s.seq)
          .execute();
        prev = hash;
      }
      await env.deps.db.updateTable('audit_seal_heads').set({ hash: prev }).where('district_id', '=', d).execute();
    });
  }

  it('a resealed rewrite passes without a signed head, and is named by the head signed before it', async () => {
    // Without a signed head the chain alone cannot tell (the gap signing closes).
    const bare = newId();
    const bareIds = await writeEvents(bare, 3);
    await sealAuditEvents(env.deps, { districtId: bare });
    await rewriteAndReseal(bare, bareIds[0]!);
    expect((await verifyAuditChain(env.deps, { districtId: bare })).ok).toBe(true);

    const d = newId();
    const ids = await writeEvents(d, 3);
    await sealAuditEvents(env.deps, { districtId: d });
    const [signed] = await signAuditHeads(env.deps, { districtId: d });
    expect(signed).toMatchObject({ created: true, refused: null, head: { seq: 3 } });
    expect((await signAuditHeads(env.deps, { districtId: d }))[0]).toMatchObject({ created: false });
    expect((await verifyAuditChain(env.deps, { districtId: d })).ok).toBe(true);
    await rewriteAndReseal(d, ids[0]!);
    const report = await verifyAuditChain(env.deps, { districtId: d, locale: 'en' });
    expect(codes(report)).toEqual(['signed_head_mismatch']);
    expect(report.problems[0]!.problem).toMatch(/the audit log was rewritten/);
    // The next day's signing refuses a chain that no longer reaches the signed head.
    env.clock.advance(24 * 3600_000);
    const next = await signAuditHeads(env.deps, { districtId: d });
    expect(next[0]).toMatchObject({ created: false, head: null });

    // The stored signatures deleted too: a head an auditor kept still names the rewrite.
    await withoutGuards(env, ['audit_head_signatures'], () =>
      env.deps.db.deleteFrom('audit_head_signatures').where('district_id', '=', d).execute(),
    );
    expect((await verifyAuditChain(env.deps, { districtId: d })).ok).toBe(true);
    const kept = await verifyAuditChain(env.deps, { districtId: d, kept: [signed!.head!] });
    expect(codes(kept)).toEqual(['kept_head_mismatch']);
    const forged = await verifyAuditChain(env.deps, {
      districtId: d,
      kept: [{ ...signed!.head!, hash: 'f'.repeat(64) }],
    });
    expect(codes(forged)).toEqual(['kept_head_bad_signature']);
  });
});
