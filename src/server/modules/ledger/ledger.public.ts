// The public ledger (公示): journals with masked names, the chain head, and verification — of one person's
// entries (for residents) and of whole chains and balances (linli verify-ledger).
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { LEDGER_PROBLEM_TEXTS, type Locale, translate } from '../../platform/messages.js';
import { must } from '../../platform/must.js';
import { countRows, type CountedPage, decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { type Actor, can } from '../../platform/permissions.js';
import type { Executor } from '../../db/transaction.js';
import { findNode, nodeNamesOf } from '../org/index.js';
import { toCanonical } from './ledger.core.js';
import { publicNamesOf } from './ledger.names.js';
import { reconcileEarning } from './ledger.reconcile.js';
import { signedHeadProblems, signedHeadsOf } from './ledger.signing.js';
import * as repo from './ledger.repository.js';
import type { PublicJournalsFilter } from './ledger.schemas.js';
import { GENESIS_HASH, journalHash, type JournalType } from './ledger.rules.js';

export interface PublicJournal {
  id: string;
  seq: number;
  date: string;
  createdAt: string;
  type: JournalType;
  reason: string;
  parties: Array<{ name: string; amount: number }>;
  points: number;
  communityName: string | null;
  reversesId: string | null;
  /** The journal that reversed this one, if any. */
  reversedById: string | null;
  hash: string;
}

/** A person by the public naming rule (resolved by owner); an organisation or fund by its account name. */
function publicName(a: repo.AccountRow, people: Map<string, string>): string {
  return a.kind === 'person' ? (people.get(a.owner_id) ?? '*') : a.name;
}

/** Public journals of a district, newest first, filterable by community and month (YYYY-MM), with the list's total. */
export async function listPublicJournals(
  deps: Deps,
  q: { districtId: string } & Partial<PublicJournalsFilter>,
): Promise<CountedPage<PublicJournal>> {
  const district = await findNode(deps.db, q.districtId);
  if (!district || district.kind !== 'district') throw notFound('org_node');
  const limit = q.limit ?? 20;
  const before = decodeCursor(q.cursor);
  const rows = await repo.publicJournals(deps.db, q.districtId, {
    communityId: q.communityId,
    month: q.month,
    beforeSeq: before ? Number(before) : null,
    limit: limit + 1,
  });
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  const postings = await repo.postingsOf(
    deps.db,
    q.districtId,
    kept.map((j) => j.id),
  );
  const accountIds = [...new Set(postings.map((p) => p.account_id))];
  const accounts = accountIds.length
    ? await deps.db
        .selectFrom('point_accounts')
        .selectAll()
        .where('district_id', '=', q.districtId)
        .where('id', 'in', accountIds)
        .execute()
    : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const people = await publicNamesOf(
    deps,
    deps.db,
    q.districtId,
    accounts.filter((a) => a.kind === 'person').map((a) => a.owner_id),
  );
  const total = await countRows(
    repo.publicJournalsFiltered(deps.db, q.districtId, { communityId: q.communityId, month: q.month }),
  );
  const communityIds = [...new Set(kept.map((j) => j.community_id).filter((x): x is string => !!x))];
  const reversals = kept.length
    ? await deps.db
        .selectFrom('journals')
        .select(['id', 'reverses_id'])
        .where('district_id', '=', q.districtId)
        .where(
          'reverses_id',
          'in',
          kept.map((j) => j.id),
        )
        .execute()
    : [];
  const reversedBy = new Map(reversals.flatMap((r) => (r.reverses_id ? [[r.reverses_id, r.id] as const] : [])));
  const names = await nodeNamesOf(deps.db, q.districtId, communityIds);
  return {
    items: kept.map((j) => {
      const lines = postings.filter((p) => p.journal_id === j.id);
      const parties = lines.flatMap((p) => {
        const account = byId.get(p.account_id);
        return account && account.purpose !== 'issuance'
          ? [{ name: publicName(account, people), amount: Number(p.amount) }]
          : [];
      });
      return {
        id: j.id,
        seq: Number(j.seq),
        date: j.effective_date,
        createdAt: j.created_at,
        type: j.type as JournalType,
        reason: j.reason,
        parties,
        points: Math.max(...lines.map((p) => Math.abs(Number(p.amount)))),
        communityName: j.community_id ? (names.get(j.community_id) ?? null) : null,
        reversesId: j.reverses_id,
        reversedById: reversedBy.get(j.id) ?? null,
        hash: j.hash,
      };
    }),
    nextCursor: more && last ? encodeCursor(String(last.seq)) : null,
    total,
  };
}

/** The published chain head of a district: how many journals, and the hash of the last. */
export async function getLedgerHead(deps: Deps, districtId: string) {
  const district = await findNode(deps.db, districtId);
  if (!district || district.kind !== 'district') throw notFound('org_node');
  const head = await repo.getHead(deps.db, districtId);
  return {
    districtId,
    districtName: district.name,
    count: head ? Number(head.seq) : 0,
    hash: head?.hash ?? GENESIS_HASH,
  };
}

/** Recomputes one journal's hash from what is stored. */
async function recompute(db: Executor, j: repo.JournalRow): Promise<string> {
  const postings = await repo.postingsOf(db, j.district_id, [j.id]);
  return journalHash(toCanonical(j, postings));
}

/** Lets a resident check that each of their journals is intact and linked into the published chain. */
export async function verifyMyJournals(deps: Deps, actor: Actor, districtId: string) {
  const head = await getLedgerHead(deps, districtId);
  const acc = await repo.findAccount(deps.db, districtId, 'user', actor.userId, 'main');
  const mine = acc ? await repo.journalsOfAccount(deps.db, districtId, acc.id, null, 10_000) : [];
  const journals = [];
  for (const j of mine) {
    const intact = (await recompute(deps.db, j)) === j.hash;
    const next = await deps.db
      .selectFrom('journals')
      .select('prev_hash')
      .where('district_id', '=', districtId)
      .where('seq', '=', Number(j.seq) + 1)
      .executeTakeFirst();
    const linked = next ? next.prev_hash === j.hash : head.hash === j.hash;
    journals.push({
      id: j.id,
      seq: Number(j.seq),
      hash: j.hash,
      amount: Number(j.amount),
      reason: j.reason,
      ok: intact && linked,
    });
  }
  return { head, journals, allOk: journals.every((x) => x.ok) };
}

export interface LedgerProblem {
  districtId: string;
  journalId: string | null;
  seq: number | null;
  /** A key of LEDGER_PROBLEM_TEXTS (platform/messages.ts), for programs; `problem` is its text in the asked locale. */
  code: string;
  params: Record<string, string | number>;
  problem: string;
}

export interface LedgerReport {
  ok: boolean;
  districts: Array<{ districtId: string; journals: number; headHash: string }>;
  accounts: number;
  problems: LedgerProblem[];
}

/**
 * Walks every district's chain in order — sequence without gaps, each journal's hash recomputed, each link to
 * the previous hash, postings summing to zero — then recomputes every balance from the postings.
 */
export async function verifyLedger(
  deps: Deps,
  opts: { pageSize?: number; districtId?: string; locale?: Locale } = {},
): Promise<LedgerReport> {
  const locale = opts.locale ?? 'zh-CN';
  const problem = (
    districtId: string,
    journalId: string | null,
    seq: number | null,
    code: string,
    params: Record<string, string | number> = {},
  ): LedgerProblem => ({
    districtId,
    journalId,
    seq,
    code,
    params,
    problem: translate(LEDGER_PROBLEM_TEXTS, code, locale, params),
  });
  const pageSize = opts.pageSize ?? 2000;
  const problems: LedgerProblem[] = [];
  const districts: LedgerReport['districts'] = [];
  let accounts = 0;
  for (const head of await repo.districtsWithLedger(deps.db)) {
    if (opts.districtId && head.district_id !== opts.districtId) continue;
    const d = head.district_id;
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let count = 0;
    let firstBad = false;
    // Signed heads (ledger.signing.ts): the walk notes the recomputed hash at each signed seq.
    const signed = await signedHeadsOf(deps.db, d);
    const signedSeqs = new Set(signed.map((h) => h.seq));
    const recomputed = new Map<number, string>();
    const flag = (j: repo.JournalRow | null, code: string, params: Record<string, string | number> = {}) => {
      problems.push(problem(d, j?.id ?? null, j ? Number(j.seq) : null, code, params));
      firstBad = true;
    };
    for (let after = 0; !firstBad;) {
      const page = await repo.journalsInOrder(deps.db, d, after, pageSize);
      if (page.length === 0) break;
      const postings = await repo.postingsOf(
        deps.db,
        d,
        page.map((j) => j.id),
      );
      const byJournal = new Map<string, repo.PostingRow[]>();
      for (const p of postings) byJournal.set(p.journal_id, [...(byJournal.get(p.journal_id) ?? []), p]);
      for (const j of page) {
        const seq = Number(j.seq);
        const lines = byJournal.get(j.id) ?? [];
        if (seq !== expectedSeq) flag(j, 'sequence_gap', { seq, expected: expectedSeq });
        else if (j.prev_hash !== prevHash) flag(j, 'prev_hash_mismatch');
        else if (lines.reduce((s, p) => s + Number(p.amount), 0) !== 0 || lines.length < 2) flag(j, 'unbalanced');
        else if (journalHash(toCanonical(j, lines)) !== j.hash) flag(j, 'hash_mismatch');
        if (firstBad) break;
        expectedSeq = seq + 1;
        prevHash = j.hash;
        count += 1;
        if (signedSeqs.has(seq)) recomputed.set(seq, j.hash);
      }
      after = Number(must(page.at(-1), 'last journal of a page').seq);
    }
    // A tail rewritten with recomputed hashes and head passes the walk; it no longer reaches a head signed before.
    for (const p of signedHeadProblems(deps, signed, recomputed, count, !firstBad))
      problems.push(problem(d, null, p.seq, p.code, p.params));
    if (!firstBad && (Number(head.seq) !== count || head.hash !== prevHash)) {
      flag(null, 'head_mismatch', {
        headSeq: Number(head.seq),
        headHash: head.hash.slice(0, 12),
        count,
        lastHash: prevHash.slice(0, 12),
      });
    }
    const sums = await repo.postingSums(deps.db, d);
    for (const a of await repo.accountsOf(deps.db, d)) {
      accounts += 1;
      const sum = sums.get(a.id) ?? 0;
      if (sum !== Number(a.balance))
        problems.push(problem(d, null, null, 'balance_mismatch', { account: a.id, balance: Number(a.balance), sum }));
      if (a.kind === 'person' && sum < 0)
        problems.push(problem(d, null, null, 'negative_person', { account: a.id, sum }));
    }
    for (const r of await reconcileEarning(deps.db, d, deps.clock.now())) {
      problems.push(problem(d, r.journalId, null, r.code, r.params));
    }
    districts.push({ districtId: d, journals: count, headHash: head.hash });
  }
  return { ok: problems.length === 0, districts, accounts, problems };
}

/**
 * The verification report of one district's ledger (chain, balances, earning reconciled with acceptances) for staff who
 * manage points there; any other district, or one out of the actor's reach, is 404.
 */
export async function getLedgerVerification(
  deps: Deps,
  actor: Actor,
  districtId: string,
  locale: Locale = 'zh-CN',
): Promise<LedgerReport> {
  const district = await findNode(deps.db, districtId);
  if (
    !district ||
    district.kind !== 'district' ||
    !can(actor, 'points.manage', { districtId: district.id, path: district.path })
  ) {
    throw notFound('org_node');
  }
  return verifyLedger(deps, { districtId: district.id, locale });
}
