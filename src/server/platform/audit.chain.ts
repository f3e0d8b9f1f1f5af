// The audit log's hash chain (issue 14). recordAudit appends events in many concurrent transactions; making each of
// them wait on a per-district lock would serialise every privileged write. Instead a *sealer* runs after the fact
// (the server's chain worker every few seconds, CLI commands before they exit, and verification on demand): under
// the district's seal head lock it takes the events that have no seal yet, in id order, and appends one seal per
// event to `audit_seals` — seq 1, 2, 3, … with the hash of the event's every column and of the previous seal. A seal
// is append-only (triggers, migration 0017); verifyAuditChain recomputes everything and names what changed.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { inTransaction, type Executor } from '../db/transaction.js';
import type { AuditEventTable } from './audit.tables.js';
import type { Clock } from './clock.js';
import { chinaDate, iso } from './clock.js';
import type { FieldCipher } from './crypto.js';
import { AUDIT_PROBLEM_TEXTS, type Locale, translate } from './messages.js';
import { headSignatureRow, type SignedChainHead, signatureOk, signHead } from './signing.js';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** How long an event may wait for its seal before verification reports it (the worker seals every few seconds). */
export const UNSEALED_LIMIT_MINUTES = 60;

/** The normal sealing pass looks at events minted in this window (ids are ULIDs); a full scan looks at all. */
const WINDOW_MS = 2 * 3600_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The canonical encoding of an audit event: JSON.stringify of
 * ["linli-audit-v1", district_id, id, at, actor_id, on_behalf_of_id, action, target_type, target_id, scope_node_id,
 *  scope_path, request_id, details] — every column, details as its stored JSON text.
 */
export function auditEventHash(e: AuditEventTable): string {
  return sha256(
    JSON.stringify([
      'linli-audit-v1',
      e.district_id,
      e.id,
      e.at,
      e.actor_id,
      e.on_behalf_of_id,
      e.action,
      e.target_type,
      e.target_id,
      e.scope_node_id,
      e.scope_path,
      e.request_id,
      e.details,
    ]),
  );
}

/** The hash of one seal: JSON.stringify(["linli-audit-seal-v1", districtId, seq, eventId, eventHash, sealedAt, prevHash]). */
export function auditSealHash(s: {
  district_id: string;
  seq: number;
  event_id: string;
  event_hash: string;
  sealed_at: string;
  prev_hash: string;
}): string {
  return sha256(
    JSON.stringify([
      'linli-audit-seal-v1',
      s.district_id,
      Number(s.seq),
      s.event_id,
      s.event_hash,
      s.sealed_at,
      s.prev_hash,
    ]),
  );
}

/** The smallest ULID minted at or after `ms` (ULIDs sort by their 48-bit time prefix). */
export function ulidFloor(ms: number): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let t = Math.max(0, Math.floor(ms));
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = (alphabet[t % 32] ?? '0') + out;
    t = Math.floor(t / 32);
  }
  return `${out}${'0'.repeat(16)}`;
}

async function lockSealHead(db: Executor, districtId: string): Promise<{ seq: number; hash: string }> {
  const lock = () =>
    db
      .updateTable('audit_seal_heads')
      .set((eb) => ({ seq: eb.ref('seq') }))
      .where('district_id', '=', districtId)
      .returning(['seq', 'hash'])
      .executeTakeFirst();
  let row = await lock();
  if (!row) {
    await db
      .insertInto('audit_seal_heads')
      .values({ district_id: districtId, seq: 0, hash: AUDIT_GENESIS_HASH })
      .onConflict((oc) => oc.column('district_id').doNothing())
      .execute();
    row = await lock();
  }
  if (!row) throw new Error(`audit seal head of ${districtId} could not be locked`);
  return { seq: Number(row.seq), hash: row.hash };
}

function unsealed(db: Executor, districtId: string | null, fromId: string | null) {
  let q = db.selectFrom('audit_events as e').where((eb) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('audit_seals as s')
          .select(sql<number>`1`.as('one'))
          .whereRef('s.district_id', '=', 'e.district_id')
          .whereRef('s.event_id', '=', 'e.id'),
      ),
    ),
  );
  if (districtId !== null) q = q.where('e.district_id', '=', districtId);
  if (fromId !== null) q = q.where('e.id', '>=', fromId);
  return q;
}

/**
 * Seals every audit event that has no seal yet (of one district, or all); returns how many it sealed. Safe to run
 * concurrently: each district is sealed under its head lock, and a seal's (district, event) is unique. Without
 * `fullScan` it looks only at events minted in the last two hours (the worker does a full scan at start and hourly).
 */
export async function sealAuditEvents(
  deps: { db: Kysely<DB>; clock: Clock },
  opts: { districtId?: string; fullScan?: boolean; batch?: number } = {},
): Promise<number> {
  const batch = opts.batch ?? 500;
  const fromId = opts.fullScan ? null : ulidFloor(Date.now() - WINDOW_MS);
  const districts = opts.districtId
    ? [opts.districtId]
    : (await unsealed(deps.db, null, fromId).select('e.district_id').distinct().orderBy('e.district_id').execute()).map(
        (r) => r.district_id,
      );
  let sealed = 0;
  for (const districtId of districts) {
    for (;;) {
      const n = await inTransaction(deps.db, async ({ trx }) => {
        const head = await lockSealHead(trx, districtId);
        // A new statement after the lock: on PostgreSQL it sees the seals a sealer we waited for committed.
        const events = await unsealed(trx, districtId, fromId).selectAll('e').orderBy('e.id').limit(batch).execute();
        if (events.length === 0) return 0;
        const sealedAt = iso(deps.clock.now());
        let { seq, hash } = head;
        const rows = events.map((e) => {
          seq += 1;
          const row = {
            district_id: districtId,
            seq,
            event_id: e.id,
            event_hash: auditEventHash(e),
            prev_hash: hash,
            hash: '',
            sealed_at: sealedAt,
          };
          row.hash = auditSealHash(row);
          hash = row.hash;
          return row;
        });
        for (let i = 0; i < rows.length; i += 100) {
          await trx
            .insertInto('audit_seals')
            .values(rows.slice(i, i + 100))
            .execute();
        }
        await trx.updateTable('audit_seal_heads').set({ seq, hash }).where('district_id', '=', districtId).execute();
        return rows.length;
      });
      sealed += n;
      if (n < batch) break;
    }
  }
  return sealed;
}

export interface AuditProblem {
  districtId: string;
  eventId: string | null;
  seq: number | null;
  /** A key of AUDIT_PROBLEM_TEXTS (platform/messages.ts); `problem` is its text in the asked locale. */
  code: string;
  params: Record<string, string | number>;
  problem: string;
}

export interface AuditReport {
  ok: boolean;
  districts: Array<{ districtId: string; seals: number; headHash: string; unsealed: number }>;
  problems: AuditProblem[];
}

/** At most this many problems are listed per district and kind (the count says how many more). */
const PROBLEM_CAP = 50;

/**
 * Verifies the audit chain of every district (or one): seals in sequence, each seal's hash recomputed from its own
 * fields and linked to the previous one (a seal rewritten), each sealed event present (an event missing) with the
 * hash it was sealed with (an event changed), the head matching the last seal, and no event left unsealed longer
 * than `unsealedLimitMinutes` — still unsealed now, or sealed that long after it was written (a late or backdated
 * insert). Events older than a district's first seal were sealed when the chain began and are exempt from the latter.
 * With `seal` (the default) pending events are sealed first.
 */
export async function verifyAuditChain(
  deps: { db: Kysely<DB>; clock: Clock; cipher?: FieldCipher },
  opts: {
    districtId?: string;
    locale?: Locale;
    seal?: boolean;
    unsealedLimitMinutes?: number;
    pageSize?: number;
    /** Signed audit heads someone kept (printed by `linli sign-ledger-head`), checked like the stored ones. */
    kept?: SignedAuditHead[];
  } = {},
): Promise<AuditReport> {
  const locale = opts.locale ?? 'zh-CN';
  const limitMs = (opts.unsealedLimitMinutes ?? UNSEALED_LIMIT_MINUTES) * 60_000;
  const pageSize = opts.pageSize ?? 2000;
  if (opts.seal !== false) await sealAuditEvents(deps, { districtId: opts.districtId, fullScan: true });
  const problems: AuditProblem[] = [];
  const districts: AuditReport['districts'] = [];

  let headsQ = deps.db.selectFrom('audit_seal_heads').selectAll().orderBy('district_id');
  if (opts.districtId) headsQ = headsQ.where('district_id', '=', opts.districtId);
  const heads = new Map((await headsQ.execute()).map((h) => [h.district_id, h]));
  let withEventsQ = deps.db.selectFrom('audit_events').select('district_id').distinct();
  if (opts.districtId) withEventsQ = withEventsQ.where('district_id', '=', opts.districtId);
  const ids = new Set([...heads.keys(), ...(await withEventsQ.execute()).map((r) => r.district_id)]);

  for (const d of [...ids].sort()) {
    const counts = new Map<string, number>();
    const flag = (
      code: string,
      eventId: string | null,
      seq: number | null,
      params: Record<string, string | number> = {},
    ) => {
      const n = (counts.get(code) ?? 0) + 1;
      counts.set(code, n);
      if (n <= PROBLEM_CAP)
        problems.push({
          districtId: d,
          eventId,
          seq,
          code,
          params,
          problem: translate(AUDIT_PROBLEM_TEXTS, code, locale, params),
        });
    };
    let expectedSeq = 1;
    let prevHash = AUDIT_GENESIS_HASH;
    let genesisAt: number | null = null;
    // Signed heads, stored and kept: the walk notes the recomputed seal hash at each signed seq.
    const signedHeads = [
      ...(deps.cipher ? (await signedAuditHeadsOf(deps.db, d)).map((h) => ({ h, kept: false })) : []),
      ...(opts.kept ?? []).filter((h) => h.districtId === d).map((h) => ({ h, kept: true })),
    ];
    const signedSeqs = new Set(signedHeads.map((x) => x.h.seq));
    const recomputed = new Map<number, string>();
    for (let after = 0; ;) {
      const seals = await deps.db
        .selectFrom('audit_seals')
        .selectAll()
        .where('district_id', '=', d)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (seals.length === 0) break;
      const events = await deps.db
        .selectFrom('audit_events')
        .selectAll()
        .where('district_id', '=', d)
        .where(
          'id',
          'in',
          seals.map((s) => s.event_id),
        )
        .execute();
      const byId = new Map(events.map((e) => [e.id, e]));
      for (const s of seals) {
        const seq = Number(s.seq);
        genesisAt ??= Date.parse(s.sealed_at);
        if (seq !== expectedSeq) flag('seal_sequence_gap', s.event_id, seq, { seq, expected: expectedSeq });
        else if (s.prev_hash !== prevHash) flag('seal_link_mismatch', s.event_id, seq);
        const sealHash = auditSealHash(s);
        if (sealHash !== s.hash) flag('seal_rewritten', s.event_id, seq);
        if (signedSeqs.has(seq)) recomputed.set(seq, sealHash);
        const e = byId.get(s.event_id);
        if (!e) flag('event_missing', s.event_id, seq);
        else {
          if (auditEventHash(e) !== s.event_hash) flag('event_changed', e.id, seq, { action: e.action });
          const at = Date.parse(e.at);
          const late = Date.parse(s.sealed_at) - at;
          if (at >= genesisAt && late > limitMs)
            flag('event_sealed_late', e.id, seq, { minutes: Math.round(late / 60_000), at: e.at });
        }
        expectedSeq = seq + 1;
        prevHash = s.hash;
      }
      after = Number(seals[seals.length - 1]?.seq ?? after);
    }
    const sealedCount = expectedSeq - 1;
    for (const { h, kept } of signedHeads) {
      const which = kept ? 'kept' : 'signed';
      const base = { day: h.day, seq: h.seq, hash: h.hash.slice(0, 12) };
      if (!deps.cipher || !signatureOk(deps.cipher, auditHeadMessage(h), h.signature))
        flag(`${which}_head_bad_signature`, null, h.seq, { ...base, keyId: h.keyId });
      else if (h.seq > 0 && !recomputed.has(h.seq))
        flag(`${which}_head_missing`, null, h.seq, { ...base, count: sealedCount });
      else if (h.seq > 0 && recomputed.get(h.seq) !== h.hash)
        flag(`${which}_head_mismatch`, null, h.seq, { ...base, actual: (recomputed.get(h.seq) ?? '').slice(0, 12) });
    }
    const head = heads.get(d);
    if (head ? Number(head.seq) !== sealedCount || head.hash !== prevHash : sealedCount > 0) {
      flag('seal_head_mismatch', null, null, {
        headSeq: head ? Number(head.seq) : 0,
        headHash: (head?.hash ?? AUDIT_GENESIS_HASH).slice(0, 12),
        count: sealedCount,
        lastHash: prevHash.slice(0, 12),
      });
    }
    const cutoff = iso(new Date(deps.clock.now().getTime() - limitMs));
    const stale = await unsealed(deps.db, d, null)
      .select(['e.id', 'e.at'])
      .where('e.at', '<', cutoff)
      .orderBy('e.id')
      .limit(PROBLEM_CAP + 1)
      .execute();
    for (const e of stale) flag('event_unsealed', e.id, null, { at: e.at });
    const pending = await unsealed(deps.db, d, null)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    for (const [code, n] of [...counts].filter(([, n]) => n > PROBLEM_CAP)) {
      flag('more_problems', null, null, { code, more: n - PROBLEM_CAP });
    }
    districts.push({ districtId: d, seals: sealedCount, headHash: prevHash, unsealed: Number(pending?.n ?? 0) });
  }
  return { ok: problems.length === 0, districts, problems };
}

export type SignedAuditHead = SignedChainHead;

/** The bytes signed: UTF-8 of JSON.stringify(["linli-audit-head-v1", districtId, day, seq, hash, signedAt]). */
export function auditHeadMessage(h: Pick<SignedAuditHead, 'districtId' | 'day' | 'seq' | 'hash' | 'signedAt'>): Buffer {
  return Buffer.from(JSON.stringify(['linli-audit-head-v1', h.districtId, h.day, h.seq, h.hash, h.signedAt]), 'utf8');
}

function toSignedAuditHead(r: DB['audit_head_signatures']): SignedAuditHead {
  return {
    districtId: r.district_id,
    day: r.day,
    seq: Number(r.seq),
    hash: r.hash,
    signedAt: r.signed_at,
    keyId: r.key_id,
    signature: r.signature,
  };
}

async function signedAuditHeadsOf(db: Executor, districtId: string): Promise<SignedAuditHead[]> {
  const rows = await db
    .selectFrom('audit_head_signatures')
    .selectAll()
    .where('district_id', '=', districtId)
    .orderBy('day')
    .execute();
  return rows.map(toSignedAuditHead);
}

/**
 * Signs today's (China time) audit chain head of every district, or of one, with the installation's key: at most
 * once per district and day, under the seal head lock, after checking that the seals since the last signed head
 * still recompute and link. A head that does not extend the last signed one is refused (`refused` says why).
 */
export async function signAuditHeads(
  deps: { db: Kysely<DB>; clock: Clock; cipher: FieldCipher },
  opts: { districtId?: string } = {},
): Promise<Array<{ districtId: string; head: SignedAuditHead | null; created: boolean; refused: string | null }>> {
  const now = deps.clock.now();
  const day = chinaDate(now);
  let q = deps.db.selectFrom('audit_seal_heads').select('district_id').orderBy('district_id');
  if (opts.districtId) q = q.where('district_id', '=', opts.districtId);
  const out = [];
  for (const { district_id: districtId } of await q.execute()) {
    out.push(
      await inTransaction(deps.db, async ({ trx }) => {
        const head = await lockSealHead(trx, districtId);
        const theirs = await trx
          .selectFrom('audit_head_signatures')
          .selectAll()
          .where('district_id', '=', districtId)
          .where('day', '=', day)
          .executeTakeFirst();
        if (theirs) return { districtId, head: toSignedAuditHead(theirs), created: false, refused: null };
        const last = (await signedAuditHeadsOf(trx, districtId)).at(-1);
        let prev = last?.hash ?? AUDIT_GENESIS_HASH;
        let expected = (last?.seq ?? 0) + 1;
        if (last && last.seq > 0) {
          const at = await trx
            .selectFrom('audit_seals')
            .selectAll()
            .where('district_id', '=', districtId)
            .where('seq', '=', last.seq)
            .executeTakeFirst();
          if (!at || auditSealHash(at) !== last.hash)
            return {
              districtId,
              head: null,
              created: false,
              refused: `seal ${last.seq} no longer has the signed hash`,
            };
        }
        for (;;) {
          const seals = await trx
            .selectFrom('audit_seals')
            .selectAll()
            .where('district_id', '=', districtId)
            .where('seq', '>=', expected)
            .orderBy('seq')
            .limit(2000)
            .execute();
          if (seals.length === 0) break;
          for (const s of seals) {
            if (Number(s.seq) !== expected || s.prev_hash !== prev || auditSealHash(s) !== s.hash)
              return { districtId, head: null, created: false, refused: `seal ${Number(s.seq)} does not hash or link` };
            prev = s.hash;
            expected += 1;
          }
        }
        if (expected - 1 !== head.seq || prev !== head.hash)
          return { districtId, head: null, created: false, refused: 'the head does not match the last seal' };
        const unsigned = { districtId, day, seq: head.seq, hash: head.hash, signedAt: iso(now) };
        const signed = signHead(deps.cipher, unsigned, auditHeadMessage);
        await trx.insertInto('audit_head_signatures').values(headSignatureRow(signed)).execute();
        return { districtId, head: signed, created: true, refused: null };
      }),
    );
  }
  return out;
}
