// Signed ledger heads (issue 14): once a day each district's chain head (seq, hash) is signed with the installation's
// Ed25519 key and kept in ledger_head_signatures (append-only), published at listSignedLedgerHeads. Whoever keeps a
// signed head can later prove that the chain was rewritten below it: the journals recomputed no longer reach that
// hash at that seq, and no one without the installation's secret can sign a new one. The key is derived from the
// installation secret (platform/signing.ts), so there is no second key file to lose.
import type { Deps } from '../../platform/context.js';
import { iso } from '../../platform/clock.js';
import { headSignatureRow, type SignedChainHead, signatureOk, signHead, signingKeyOf } from '../../platform/signing.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/pagination.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import { toCanonical } from './ledger.core.js';
import * as repo from './ledger.repository.js';
import { chinaDay, GENESIS_HASH, journalHash } from './ledger.rules.js';

export type SignedHead = SignedChainHead;

/**
 * The bytes signed (documented in docs/LEDGER.md): UTF-8 of
 * JSON.stringify(["linli-ledger-head-v1", districtId, day, seq, hash, signedAt]).
 */
export function headMessage(h: Pick<SignedHead, 'districtId' | 'day' | 'seq' | 'hash' | 'signedAt'>): Buffer {
  return Buffer.from(JSON.stringify(['linli-ledger-head-v1', h.districtId, h.day, h.seq, h.hash, h.signedAt]), 'utf8');
}

/** The installation's public key, for anyone to check signed heads with. */
export function getLedgerPublicKey(deps: Deps) {
  const key = signingKeyOf(deps.cipher);
  return {
    algorithm: 'Ed25519' as const,
    keyId: key.keyId,
    publicKey: key.raw.toString('base64'),
    pem: key.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    message: 'JSON.stringify(["linli-ledger-head-v1", districtId, day, seq, hash, signedAt]) as UTF-8',
  };
}

function toSignedHead(r: {
  district_id: string;
  day: string;
  seq: number;
  hash: string;
  signed_at: string;
  key_id: string;
  signature: string;
}): SignedHead {
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

/** True when the signature is this installation's over the head's message. */
export function signatureValid(deps: Deps, h: SignedHead): boolean {
  return signatureOk(deps.cipher, headMessage(h), h.signature);
}

/**
 * Recomputes the chain from the last signed head to `upTo`: the journal at the signed seq must still have the signed
 * hash, and every later journal must hash and link. Signing a head is thus also checking what was added since.
 */
async function chainExtends(
  db: Executor,
  districtId: string,
  from: { seq: number; hash: string },
  upTo: { seq: number; hash: string },
): Promise<string | null> {
  let prev = from.hash;
  if (from.seq > 0) {
    const at = await db
      .selectFrom('journals')
      .selectAll()
      .where('district_id', '=', districtId)
      .where('seq', '=', from.seq)
      .executeTakeFirst();
    if (!at) return `journal ${from.seq} of the last signed head is missing`;
    const lines = await repo.postingsOf(db, districtId, [at.id]);
    if (journalHash(toCanonical(at, lines)) !== from.hash) return `journal ${from.seq} no longer has the signed hash`;
  }
  let expected = from.seq + 1;
  for (let after = from.seq; after < upTo.seq;) {
    const page = await repo.journalsInOrder(db, districtId, after, 1000);
    if (page.length === 0) break;
    const postings = await repo.postingsOf(
      db,
      districtId,
      page.map((j) => j.id),
    );
    const byJournal = new Map<string, repo.PostingRow[]>();
    for (const p of postings) byJournal.set(p.journal_id, [...(byJournal.get(p.journal_id) ?? []), p]);
    for (const j of page) {
      const seq = Number(j.seq);
      if (seq > upTo.seq) break;
      const lines = byJournal.get(j.id) ?? [];
      if (seq !== expected || j.prev_hash !== prev || journalHash(toCanonical(j, lines)) !== j.hash)
        return `journal ${seq} does not hash or link`;
      prev = j.hash;
      expected = seq + 1;
    }
    after = Number(page[page.length - 1]?.seq ?? upTo.seq);
  }
  if (expected - 1 !== upTo.seq || prev !== upTo.hash) return 'the head does not match the last journal';
  return null;
}

export interface SigningOutcome {
  districtId: string;
  head: SignedHead | null;
  /** True when this call signed it; false when the day was signed already or the chain did not extend. */
  created: boolean;
  /** Why the head was not signed (the chain since the last signed head does not check out). */
  refused: string | null;
}

/**
 * Signs today's (China time) head of every district with a ledger, or of one: at most once per district and day (the
 * (district, day) key). The chain since the previous signed head is recomputed first; a head it does not reach is
 * refused, not signed. Idempotent: the worker runs it every few minutes.
 */
export async function signLedgerHeads(deps: Deps, opts: { districtId?: string } = {}): Promise<SigningOutcome[]> {
  const now = deps.clock.now();
  const day = chinaDay(now);
  const out: SigningOutcome[] = [];
  for (const head of await repo.districtsWithLedger(deps.db)) {
    const districtId = head.district_id;
    if (opts.districtId && districtId !== opts.districtId) continue;
    const existing = await deps.db
      .selectFrom('ledger_head_signatures')
      .selectAll()
      .where('district_id', '=', districtId)
      .where('day', '=', day)
      .executeTakeFirst();
    if (existing) {
      out.push({ districtId, head: toSignedHead(existing), created: false, refused: null });
      continue;
    }
    // First, without a lock, recompute from the last signed head to the head as it is now (the long part on a big
    // ledger); then, under the head lock, only what was appended meanwhile, and sign the locked head.
    const last = await deps.db
      .selectFrom('ledger_head_signatures')
      .select(['seq', 'hash'])
      .where('district_id', '=', districtId)
      .orderBy('day', 'desc')
      .limit(1)
      .executeTakeFirst();
    const from = last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
    const current = await repo.getHead(deps.db, districtId);
    const reached = current ? { seq: Number(current.seq), hash: current.hash } : from;
    const refusedEarly = await chainExtends(deps.db, districtId, from, reached);
    if (refusedEarly) {
      out.push({ districtId, head: null, created: false, refused: refusedEarly });
      continue;
    }
    const outcome = await inTransaction(deps.db, async ({ trx }) => {
      // The head lock: no journal is appended while we check and sign, so the head read is the chain's end.
      const locked = await repo.lockHead(trx, districtId);
      // Another signer may have signed this day while we waited for the lock (a new statement sees its commit on
      // PostgreSQL): answer its signature. Checked here rather than by ON CONFLICT, which SQLite's append-only
      // BEFORE INSERT trigger (migration 0017) refuses before the conflict is seen.
      const theirs = await trx
        .selectFrom('ledger_head_signatures')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('day', '=', day)
        .executeTakeFirst();
      if (theirs) return { districtId, head: toSignedHead(theirs), created: false, refused: null };
      const refused = await chainExtends(trx, districtId, reached, { seq: Number(locked.seq), hash: locked.hash });
      if (refused) return { districtId, head: null, created: false, refused };
      const unsigned = { districtId, day, seq: Number(locked.seq), hash: locked.hash, signedAt: iso(now) };
      const signed = signHead(deps.cipher, unsigned, headMessage);
      await trx.insertInto('ledger_head_signatures').values(headSignatureRow(signed)).execute();
      return { districtId, head: signed, created: true, refused: null };
    });
    out.push(outcome);
  }
  return out;
}

/** A district's signed heads, newest day first, with a cursor. */
export async function listSignedLedgerHeads(
  deps: Deps,
  districtId: string,
  q: { cursor?: string; limit?: number } = {},
): Promise<Page<SignedHead>> {
  const district = await findNode(deps.db, districtId);
  if (!district || district.kind !== 'district') throw notFound('org_node');
  const limit = q.limit ?? 100;
  const before = decodeCursor(q.cursor);
  let query = deps.db
    .selectFrom('ledger_head_signatures')
    .selectAll()
    .where('district_id', '=', districtId)
    .orderBy('day', 'desc')
    .limit(limit + 1);
  if (before) query = query.where('day', '<', before);
  const rows = await query.execute();
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    items: kept.map(toSignedHead),
    nextCursor: rows.length > limit && last ? encodeCursor(last.day) : null,
  };
}

export interface SignedHeadProblem {
  seq: number | null;
  code: 'signed_head_mismatch' | 'signed_head_missing' | 'signed_head_bad_signature';
  params: Record<string, string | number>;
}

/** The signed heads of a district, for verifyLedger to check against the chain it recomputes. */
export async function signedHeadsOf(db: Executor, districtId: string): Promise<SignedHead[]> {
  const rows = await db
    .selectFrom('ledger_head_signatures')
    .selectAll()
    .where('district_id', '=', districtId)
    .orderBy('day')
    .execute();
  return rows.map(toSignedHead);
}

/**
 * Checks every signed head of a district against the chain verifyLedger recomputed: `recomputed` maps each signed
 * seq the walk reached to the journal's recomputed hash; `walked` is how many journals checked out (`complete` false
 * when the walk stopped at a broken journal, which verifyLedger already reports).
 */
export function signedHeadProblems(
  deps: Deps,
  heads: SignedHead[],
  recomputed: Map<number, string>,
  walked: number,
  complete: boolean,
): SignedHeadProblem[] {
  const problems: SignedHeadProblem[] = [];
  for (const h of heads) {
    const base = { day: h.day, seq: h.seq, hash: h.hash.slice(0, 12) };
    if (!signatureValid(deps, h)) {
      problems.push({ seq: h.seq, code: 'signed_head_bad_signature', params: { ...base, keyId: h.keyId } });
      continue;
    }
    if (h.seq === 0) continue;
    const actual = recomputed.get(h.seq);
    if (actual === undefined) {
      if (complete && h.seq > walked)
        problems.push({ seq: h.seq, code: 'signed_head_missing', params: { ...base, count: walked } });
    } else if (actual !== h.hash) {
      problems.push({ seq: h.seq, code: 'signed_head_mismatch', params: { ...base, actual: actual.slice(0, 12) } });
    }
  }
  return problems;
}
