// The suggestion box (意见箱): residents leave suggestions (rate-limited per person); staff with 'project.manage'
// answer publicly, or turn one into a need (the author as requester) or a draft project. The public list shows
// answered suggestions with the author's masked name, or 匿名居民 — never a phone.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { must } from '../../platform/must.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, can, grantsFor } from '../../platform/permissions.js';
import { publicPersonName } from '../../platform/privacy.js';
import { inTransaction, type Executor, type Tx } from '../../db/transaction.js';
import { findPersonHome } from '../accounts/index.js';
import { createNeedIn } from '../needs/index.js';
import { findNode, listCommunitiesWithin } from '../org/index.js';
import { insertProject } from '../projects/index.js';
import * as repo from './suggestions.repository.js';
import { suggestionAnswered } from './suggestions.events.js';
import {
  DEFAULT_CONVERT_ANSWER,
  isPublic,
  maySubmit,
  nextSuggestionState,
  SUGGESTION_STATES,
  type SuggestionState,
} from './suggestions.rules.js';
import type {
  AnswerSuggestion,
  CreateSuggestion,
  ListSuggestions,
  Suggestion,
  SuggestionToNeed,
  SuggestionToProject,
} from './suggestions.schemas.js';

type Community = NonNullable<Awaited<ReturnType<typeof findNode>>>;

/** The community a node lies in (the node itself, or its community ancestor). */
async function communityOf(db: Executor, nodeId: string): Promise<Community | undefined> {
  const node = await findNode(db, nodeId);
  if (!node) return undefined;
  if (node.kind === 'community') return node;
  for (const id of node.path.split('/').filter(Boolean)) {
    const n = await findNode(db, id);
    if (n?.kind === 'community' && n.district_id === node.district_id) return n;
  }
  return undefined;
}

function isStaffOf(actor: Actor | null, c: { district_id: string; path: string }): boolean {
  return !!actor && can(actor, 'project.manage', { districtId: c.district_id, path: c.path });
}

async function present(db: Executor, actor: Actor | null, rows: repo.SuggestionRow[]): Promise<Suggestion[]> {
  const nodes = new Map<string, Community | undefined>();
  for (const r of rows) if (!nodes.has(r.community_id)) nodes.set(r.community_id, await findNode(db, r.community_id));
  return rows.map((r) => {
    const c = nodes.get(r.community_id);
    const staff = !!c && isStaffOf(actor, c);
    const mine = actor?.userId === r.user_id;
    return {
      id: r.id,
      communityId: r.community_id,
      communityName: c?.name ?? '',
      authorName: r.anonymous && !mine && !staff ? null : r.author_name_masked,
      category: r.category,
      content: r.content,
      status: r.status as SuggestionState,
      answer: r.answer,
      answeredAt: r.answered_at,
      createdAt: r.created_at,
      anonymous: r.anonymous === 1,
      needId: mine || staff ? r.need_id : null,
      projectId: mine || staff ? r.project_id : null,
      mine,
      canManage: staff,
    };
  });
}

async function presentOne(deps: Deps, actor: Actor, id: string): Promise<Suggestion> {
  const row = must(await repo.findSuggestion(deps.db, id), `suggestion ${id}`);
  return must((await present(deps.db, actor, [row]))[0], `suggestion ${id}`);
}

/** A resident leaves a suggestion for their community (or one they name); at most 5 a day, one a minute. */
export async function createSuggestion(deps: Deps, actor: Actor, input: CreateSuggestion): Promise<Suggestion> {
  const id = await inTransaction(deps.db, async ({ trx }) => {
    const person = await findPersonHome(trx, actor.userId);
    if (!person) throw notFound('person');
    const nodeId = input.communityId ?? person.homeNodeId;
    const community = nodeId ? await communityOf(trx, nodeId) : undefined;
    if (!community || community.archived_at) {
      if (input.communityId) throw notFound('org_node');
      throw new AppError('VALIDATION_FAILED', { summary: 'communityId' }, [
        { field: 'communityId', message: '请选择意见所属的社区' },
      ]);
    }
    const now = deps.clock.now();
    const recent = await repo.submittedSince(trx, actor.userId, iso(new Date(now.getTime() - 24 * 3600_000)));
    if (
      !maySubmit(
        recent.map((t) => new Date(t)),
        now,
      )
    )
      throw new AppError('RATE_LIMITED');
    const sid = newId();
    await repo.insertSuggestion(trx, {
      district_id: community.district_id,
      id: sid,
      community_id: community.id,
      user_id: actor.userId,
      author_name_masked: publicPersonName(deps.cipher.decryptNullable(person.realNameEnc), person.displayName),
      anonymous: input.anonymous ? 1 : 0,
      category: input.category,
      content: input.content,
      status: 'open',
      answer: null,
      answered_by: null,
      answered_at: null,
      need_id: null,
      project_id: null,
      convert_key: null,
      created_at: iso(now),
      updated_at: iso(now),
    });
    return sid;
  });
  return presentOne(deps, actor, id);
}

/** A suggestion of a community the actor handles (project.manage); NOT_FOUND otherwise. */
async function loadManaged(db: Executor, actor: Actor, id: string) {
  const s = await repo.findSuggestion(db, id);
  const c = s ? await findNode(db, s.community_id) : undefined;
  if (!s || !c || !isStaffOf(actor, c)) throw notFound('suggestion');
  return { s, c };
}

/** The words for an action in messages (messages.ts TERM_TEXTS). */
function actionTerm(action: 'answer' | 'to_need' | 'to_project'): string {
  return action === 'answer' ? 'suggestion_answer' : `suggestion_do_${action}`;
}

function step(s: repo.SuggestionRow, action: 'answer' | 'to_need' | 'to_project'): SuggestionState {
  const next = nextSuggestionState(s.status as SuggestionState, action);
  if (!next) throw new AppError('SUGGESTION_STATE', { status: `suggestion_${s.status}`, action: actionTerm(action) });
  return next;
}

/** Staff answer a suggestion publicly (answering again replaces the text), audited. */
export async function answerSuggestion(
  deps: Deps,
  actor: Actor,
  id: string,
  input: AnswerSuggestion,
): Promise<Suggestion> {
  await inTransaction(deps.db, async ({ trx }) => {
    const { s, c } = await loadManaged(trx, actor, id);
    const next = step(s, 'answer');
    const now = iso(deps.clock.now());
    if (
      !(await repo.updateSuggestionFrom(trx, s.district_id, s.id, [s.status], {
        status: next,
        answer: input.answer,
        answered_by: actor.userId,
        answered_at: now,
        updated_at: now,
      }))
    )
      step(must(await repo.findSuggestion(trx, id), `suggestion ${id}`), 'answer');
    await recordAudit(trx, deps.clock, actor, {
      districtId: s.district_id,
      action: 'suggestion.answer',
      targetType: 'suggestion',
      targetId: s.id,
      scopeNodeId: c.id,
      scopePath: c.path,
      details: { answer: input.answer },
    });
    await suggestionAnswered.emit(trx, deps.clock, {
      districtId: s.district_id,
      refId: `${s.id}:${now}`,
      payload: { suggestionId: s.id, userId: s.user_id, status: 'answered', answer: input.answer },
    });
  });
  return presentOne(deps, actor, id);
}

/** Raised inside the claiming transaction when the suggestion was already converted: answered after rollback. */
class AlreadyConverted extends Error {
  constructor(readonly row: repo.SuggestionRow) {
    super('already converted');
  }
}

/**
 * Marks the suggestion as being turned into a need or project under the key (one conditional UPDATE: two identical
 * requests at once let exactly one through). Returns the row as it was, or throws AlreadyConverted / the state error.
 */
async function claimConversion(
  deps: Deps,
  actor: Actor,
  id: string,
  kind: 'to_need' | 'to_project',
  key: string,
  answer: string | undefined,
  extra: (trx: Tx, s: repo.SuggestionRow) => Promise<void> = async () => {},
): Promise<repo.SuggestionRow> {
  return inTransaction(deps.db, async ({ trx }) => {
    const { s, c } = await loadManaged(trx, actor, id);
    if (s.convert_key !== null) throw new AlreadyConverted(s);
    step(s, kind);
    const now = iso(deps.clock.now());
    const claimed = await repo.updateSuggestionFrom(trx, s.district_id, s.id, ['open', 'answered'], {
      status: kind,
      convert_key: key,
      answer: answer || DEFAULT_CONVERT_ANSWER[kind],
      answered_by: actor.userId,
      answered_at: now,
      updated_at: now,
    });
    if (!claimed) {
      // A twin got there first (PostgreSQL: this UPDATE waited for its commit, then found the row moved on).
      const now2 = must(await repo.findSuggestion(trx, id), `suggestion ${id}`);
      if (now2.convert_key !== null) throw new AlreadyConverted(now2);
      step(now2, kind);
    }
    await extra(trx, s);
    await recordAudit(trx, deps.clock, actor, {
      districtId: s.district_id,
      action: `suggestion.${kind}`,
      targetType: 'suggestion',
      targetId: s.id,
      scopeNodeId: c.id,
      scopePath: c.path,
      details: { key },
    });
    // A need's answer is announced with its link (in `extra`), once the need exists.
    if (kind === 'to_project')
      await suggestionAnswered.emit(trx, deps.clock, {
        districtId: s.district_id,
        refId: `${s.id}:${now}`,
        payload: {
          suggestionId: s.id,
          userId: s.user_id,
          status: kind,
          answer: answer || DEFAULT_CONVERT_ANSWER[kind],
        },
      });
    return s;
  });
}

/** The same key answers the first result; another key, or the other kind of conversion, is refused. */
function sameConversion(row: repo.SuggestionRow, kind: 'to_need' | 'to_project', key: string): boolean {
  if (row.convert_key === key && row.status === kind) return true;
  if (row.convert_key === key) throw new AppError('IDEMPOTENCY_CONFLICT', { key });
  throw new AppError('SUGGESTION_STATE', { status: `suggestion_${row.status}`, action: actionTerm(kind) });
}

/**
 * Turns a suggestion into a need with its author as requester (staff record it on their behalf, audited by the needs
 * module). One transaction claims the suggestion, raises the need and links it, so a crash or a refused need leaves
 * the suggestion as it was. Retry-safe: the same idempotency key answers the same need, even when twins arrive at once
 * (the second waits for the first's claim and then answers its result).
 */
export async function suggestionToNeed(
  deps: Deps,
  actor: Actor,
  id: string,
  input: SuggestionToNeed,
): Promise<Suggestion> {
  try {
    await claimConversion(deps, actor, id, 'to_need', input.idempotencyKey, input.answer, async (trx, s) => {
      const need = await createNeedIn(deps, trx, actor, {
        category: input.category,
        title: input.title ?? null,
        description: s.content,
        urgency: input.urgency,
        requesterUserId: s.user_id,
        communityId: s.community_id,
      });
      await repo.updateSuggestion(trx, s.district_id, s.id, { need_id: need.id, updated_at: iso(deps.clock.now()) });
      await suggestionAnswered.emit(trx, deps.clock, {
        districtId: s.district_id,
        refId: `${s.id}:need:${need.id}`,
        payload: {
          suggestionId: s.id,
          userId: s.user_id,
          status: 'to_need',
          answer: input.answer || DEFAULT_CONVERT_ANSWER.to_need,
        },
      });
    });
  } catch (e) {
    if (!(e instanceof AlreadyConverted)) throw e;
    sameConversion(e.row, 'to_need', input.idempotencyKey);
  }
  return presentOne(deps, actor, id);
}

/** Turns a suggestion into a draft project of its community, in one transaction; the same key answers the same project. */
export async function suggestionToProject(
  deps: Deps,
  actor: Actor,
  id: string,
  input: SuggestionToProject,
): Promise<Suggestion> {
  try {
    await claimConversion(deps, actor, id, 'to_project', input.idempotencyKey, input.answer, async (trx, s) => {
      const projectId = await insertProject(deps, trx, actor, {
        communityId: s.community_id,
        title: input.title,
        description: input.description || s.content,
        budgetFen: input.budgetFen,
        needIds: [],
        resourceIds: [],
        suggestionId: s.id,
      });
      await repo.updateSuggestion(trx, s.district_id, s.id, { project_id: projectId });
    });
  } catch (e) {
    if (!(e instanceof AlreadyConverted)) throw e;
    sameConversion(e.row, 'to_project', input.idempotencyKey);
  }
  return presentOne(deps, actor, id);
}

/**
 * Suggestions by view: `public` (anyone, logged in or not) — answered or taken-up suggestions, of one community when
 * given; `queue` — staff's communities, open ones unless a status is asked for; `mine` — the author's own.
 */
export async function listSuggestions(deps: Deps, actor: Actor | null, q: ListSuggestions): Promise<Page<Suggestion>> {
  const f: repo.SuggestionFilter = { category: q.category };
  const publicStates = SUGGESTION_STATES.filter(isPublic);
  switch (q.view) {
    case 'public': {
      if (q.communityId) {
        const c = await findNode(deps.db, q.communityId);
        if (!c || c.kind !== 'community') throw notFound('org_node');
        f.communities = new Map([[c.district_id, [c.id]]]);
      }
      f.statuses = q.status ? publicStates.filter((s) => s === q.status) : publicStates;
      break;
    }
    case 'queue': {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      const byDistrict = new Map<string, string[]>();
      for (const g of grantsFor(actor, 'project.manage'))
        for (const c of await listCommunitiesWithin(deps.db, { district_id: g.districtId, path: g.path }))
          if (!q.communityId || c.id === q.communityId)
            byDistrict.set(c.district_id, [...(byDistrict.get(c.district_id) ?? []), c.id]);
      if (q.communityId && byDistrict.size === 0) throw notFound('org_node');
      if (byDistrict.size === 0) return { items: [], nextCursor: null };
      f.communities = byDistrict;
      f.statuses = [q.status ?? 'open'];
      break;
    }
    case 'mine': {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      f.userId = actor.userId;
      if (q.status) f.statuses = [q.status];
      break;
    }
  }
  const rows = await repo.listSuggestions(deps.db, f, decodeCursor(q.cursor), q.limit + 1);
  const page = toPage(
    rows,
    q.limit,
    (r) => r.id,
    (r) => r,
  );
  // The public view presents as nobody in particular: no staff or author extras leak into it.
  return { items: await present(deps.db, q.view === 'public' ? null : actor, page.items), nextCursor: page.nextCursor };
}
