// Mediation (调解): a resident (or the community's mediation lead for them) opens a dispute case naming the parties;
// the lead assigns mediators; each party has one private thread with the mediators (a party never sees another's);
// mediators record sessions and close the case with an outcome. Only the parties, the assigned mediators and the
// community's mediation lead can read a case — everyone else, a community admin included, is told "not found" — and
// every read of a case, a thread or its sessions lands in the audit log. Statistics are anonymous counts.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, can, grantsFor } from '../../platform/permissions.js';
import { maskName, maskPhone } from '../../platform/privacy.js';
import { inTransaction, type Executor, type Tx } from '../../db/transaction.js';
import {
  displayNamesOf,
  findPersonContact,
  findPersonHome,
  findPersonIdByPhoneIndex,
  listRoleHoldersAbove,
} from '../accounts/index.js';
import { communityOnPath, findNode, listCommunitiesWithin } from '../org/index.js';
import {
  mediationCaseClosed,
  mediationCaseOpened,
  mediationMediatorsAssigned,
  mediationMessagePosted,
} from './mediation.events.js';
import * as repo from './mediation.repository.js';
import {
  assignTarget,
  canTransition,
  canWithdraw,
  chinaMonth,
  DAILY_OPEN_LIMIT,
  type DisputeType,
  MIN_CELL,
  type MediationState,
  partyMayWrite,
  startTarget,
  type StatsCell,
  statsOutcome,
  suppressSmall,
} from './mediation.rules.js';
import type {
  AssignMediators,
  CloseCase,
  ListCases,
  ListMessages,
  MediationCandidates,
  MediationCase,
  MediationCaseSummary,
  MediationMessageList,
  MediationStats,
  OpenCase,
  PostMessage,
  RecordSession,
  StatsQuery,
} from './mediation.schemas.js';

type Node = NonNullable<Awaited<ReturnType<typeof findNode>>>;

/** The community a node lies in (the node itself, or its community ancestor): one query through org. */
async function communityOf(db: Executor, nodeId: string): Promise<Node | undefined> {
  const node = await findNode(db, nodeId);
  return node ? communityOnPath(db, node.district_id, node.path) : undefined;
}

/** How the actor stands to a case. */
interface Standing {
  c: repo.CaseRow;
  community: Node;
  parties: repo.PartyRow[];
  mediators: repo.MediatorRow[];
  myParty: repo.PartyRow | null;
  isMediator: boolean;
  isLead: boolean;
}

/** Whether the actor still holds the mediator role over the community (a revoked mediator loses their cases). */
function holdsMediatorRole(actor: Actor, community: Node): boolean {
  return actor.roles.some(
    (r) => r.role === 'mediator' && r.districtId === community.district_id && community.path.startsWith(r.path),
  );
}

function isLeadOf(actor: Actor, community: Pick<Node, 'district_id' | 'path'>): boolean {
  return can(actor, 'mediation.lead', { districtId: community.district_id, path: community.path });
}

/** The case as the actor stands to it; NOT_FOUND unless they are a party, an assigned mediator or the lead. */
async function load(db: Executor, actor: Actor, id: string): Promise<Standing> {
  const c = await repo.findCase(db, id);
  const community = c ? await findNode(db, c.community_id) : undefined;
  if (!c || !community || community.district_id !== c.district_id) throw notFound('mediation_case');
  const parties = await repo.listParties(db, c.district_id, [c.id]);
  const mediators = await repo.listMediators(db, c.district_id, [c.id]);
  const myParty = parties.find((p) => p.user_id === actor.userId) ?? null;
  const isMediator = mediators.some((m) => m.user_id === actor.userId) && holdsMediatorRole(actor, community);
  const isLead = isLeadOf(actor, community);
  if (!myParty && !isMediator && !isLead) throw notFound('mediation_case');
  return { c, community, parties, mediators, myParty, isMediator, isLead };
}

function stateError(status: string, action: string): AppError {
  // The words for the state and the refused step (messages.ts TERM_TEXTS mediation_*).
  const doing = `mediation_do_${action}`;
  return new AppError('MEDIATION_STATE', { status: `mediation_${status}`, action: doing });
}

function scope(s: Pick<Standing, 'c' | 'community'>) {
  return {
    districtId: s.c.district_id,
    targetType: 'mediation_case',
    targetId: s.c.id,
    scopeNodeId: s.community.id,
    scopePath: s.community.path,
  };
}

/** The view roles of a standing, for the read log. */
function viewsOf(s: Standing): string[] {
  return [s.myParty ? 'party' : null, s.isMediator ? 'mediator' : null, s.isLead ? 'lead' : null].filter(
    (v): v is string => v !== null,
  );
}

async function present(db: Executor, actor: Actor, s: Standing): Promise<MediationCase> {
  const staff = s.isMediator || s.isLead;
  const sessions = staff ? await repo.listSessions(db, s.c.district_id, s.c.id) : [];
  const names = await displayNamesOf(db, [...s.mediators.map((m) => m.user_id), ...sessions.map((x) => x.recorded_by)]);
  const status = s.c.status as MediationState;
  const outcome =
    status === 'agreement' || status === 'referred' || status === 'failed'
      ? {
          outcome: status,
          terms: s.c.outcome_terms,
          referredTo: s.c.referred_to,
          note: staff ? s.c.outcome_note : null,
        }
      : null;
  const mediators = s.mediators.map((m) => ({ userId: m.user_id, name: names.get(m.user_id) ?? '' }));
  return {
    id: s.c.id,
    communityId: s.c.community_id,
    communityName: s.community.name,
    type: s.c.type as DisputeType,
    status,
    createdAt: s.c.created_at,
    updatedAt: s.c.updated_at,
    closedAt: s.c.closed_at,
    isParty: !!s.myParty,
    isMediator: s.isMediator,
    isLead: s.isLead,
    mediatorNames: mediators.map((m) => m.name),
    description: s.c.description,
    myPartyId: s.myParty?.id ?? null,
    parties: s.parties.map((p) => ({
      id: p.id,
      name: p.name_masked,
      side: p.side === 'applicant' ? 'applicant' : 'respondent',
      phoneMasked: staff ? p.phone_masked : null,
      hasAccount: staff ? p.user_id !== null : null,
      mine: p.user_id === actor.userId,
    })),
    mediators,
    sessions: sessions.map((x) => ({
      id: x.id,
      heldAt: x.held_at,
      mode: x.mode === 'online' ? 'online' : 'offline',
      place: x.place,
      attendees: x.attendees,
      notes: x.notes,
      recordedByName: names.get(x.recorded_by) ?? '',
      createdAt: x.created_at,
    })),
    outcome,
    canAssign: s.isLead && assignTarget(status) !== null,
    canPost: (!!s.myParty && partyMayWrite(status)) || (s.isMediator && startTarget(status) !== null),
    canRecordSession: s.isMediator && startTarget(status) !== null,
    canClose: (s.isMediator || s.isLead) && status === 'in_mediation',
    canWithdraw: s.c.opened_by === actor.userId && canWithdraw(status),
  };
}

/** Reads the case inside `trx`, logs the read (who, as what, how many sessions) and presents it. */
async function readLogged(deps: Deps, trx: Tx, actor: Actor, id: string, action: string): Promise<MediationCase> {
  const s = await load(trx, actor, id);
  const view = await present(trx, actor, s);
  await recordAudit(trx, deps.clock, actor, {
    ...scope(s),
    action,
    details: { as: viewsOf(s), sessions: view.sessions.length },
  });
  return view;
}

interface NewParty {
  userId: string | null;
  name: string;
  phone: string | null;
  side: 'applicant' | 'respondent';
}

async function partyRow(deps: Deps, trx: Tx, p: { name: string; phone?: string }, side: NewParty['side']) {
  const userId = p.phone
    ? ((await findPersonIdByPhoneIndex(trx, deps.cipher.blindIndex('phone', p.phone))) ?? null)
    : null;
  return { userId, name: p.name, phone: p.phone ?? null, side };
}

/**
 * Opens a case. A resident opens it for themself (a party, the applicant) in their home community unless they name
 * another; the community's mediation lead opens it for an applicant (then the lead is not a party). The other
 * parties are found by phone (their accounts, through the blind index) or kept by name and phone only.
 */
export async function openCase(deps: Deps, actor: Actor, input: OpenCase): Promise<MediationCase> {
  const id = await inTransaction(deps.db, async ({ trx }) => {
    let community: Node | undefined;
    const parties: NewParty[] = [];
    if (input.applicant) {
      const node = input.communityId ? await findNode(trx, input.communityId) : undefined;
      if (!node || node.kind !== 'community' || node.archived_at || !isLeadOf(actor, node)) throw notFound('org_node');
      community = node;
      parties.push(await partyRow(deps, trx, input.applicant, 'applicant'));
    } else {
      const person = await findPersonHome(trx, actor.userId);
      if (!person) throw notFound('person');
      const nodeId = input.communityId ?? person.homeNodeId;
      community = nodeId ? await communityOf(trx, nodeId) : undefined;
      if (!community || community.archived_at) {
        if (input.communityId) throw notFound('org_node');
        throw new AppError('VALIDATION_FAILED', { summary: 'communityId' }, [
          { field: 'communityId', message: '请先在“我的资料”里选好您住的社区' },
        ]);
      }
      const contact = await findPersonContact(trx, actor.userId);
      const realName = deps.cipher.decryptNullable(person.realNameEnc);
      const phone = input.myPhone ?? (contact ? deps.cipher.decrypt(contact.phone_enc) : null);
      parties.push({ userId: actor.userId, name: realName || person.displayName, phone, side: 'applicant' });
    }
    const dayAgo = iso(new Date(deps.clock.now().getTime() - 24 * 3600_000));
    if ((await repo.countOpenedSince(trx, actor.userId, dayAgo)) >= DAILY_OPEN_LIMIT)
      throw new AppError('RATE_LIMITED');
    for (const p of input.otherParties) parties.push(await partyRow(deps, trx, p, 'respondent'));
    const seen = new Set<string>();
    for (const p of parties) {
      if (!p.userId) continue;
      if (seen.has(p.userId)) throw new AppError('MEDIATION_PARTY_SELF');
      seen.add(p.userId);
    }
    const now = iso(deps.clock.now());
    const caseId = newId();
    await repo.insertCase(trx, {
      district_id: community.district_id,
      id: caseId,
      community_id: community.id,
      type: input.type,
      description: input.description,
      status: 'opened',
      opened_by: actor.userId,
      opener_is_party: input.applicant ? 0 : 1,
      outcome_terms: null,
      referred_to: null,
      outcome_note: null,
      closed_by: null,
      closed_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    for (const p of parties)
      await repo.insertParty(trx, {
        district_id: community.district_id,
        id: newId(),
        case_id: caseId,
        user_id: p.userId,
        name_enc: deps.cipher.encrypt(p.name),
        name_masked: maskName(p.name),
        phone_enc: deps.cipher.encryptNullable(p.phone),
        phone_index: p.phone ? deps.cipher.blindIndex('phone', p.phone) : null,
        phone_masked: p.phone ? maskPhone(p.phone) : null,
        side: p.side,
        created_at: now,
      });
    await recordAudit(trx, deps.clock, actor, {
      districtId: community.district_id,
      action: 'mediation.opened',
      targetType: 'mediation_case',
      targetId: caseId,
      scopeNodeId: community.id,
      scopePath: community.path,
      // Nothing of the dispute in the log (audit readers of the community are not all allowed to read the case): no
      // names, phones or type; the parties are counted.
      details: { parties: parties.length, onBehalf: !!input.applicant },
    });
    await mediationCaseOpened.emit(trx, deps.clock, {
      districtId: community.district_id,
      refId: caseId,
      payload: { caseId, communityId: community.id },
    });
    return caseId;
  });
  return inTransaction(deps.db, ({ trx }) => readLogged(deps, trx, actor, id, 'mediation.case_read'));
}

/** One case, as the actor may see it (parties: no sessions, no phones); the read is logged. */
export function getCase(deps: Deps, actor: Actor, id: string): Promise<MediationCase> {
  return inTransaction(deps.db, ({ trx }) => readLogged(deps, trx, actor, id, 'mediation.case_read'));
}

async function summaries(
  deps: Deps,
  trx: Tx,
  actor: Actor,
  rows: repo.CaseRow[],
  cursor: string | null,
): Promise<Page<MediationCaseSummary>> {
  // Batched: the parties, mediators, their names and the communities of the whole page at once.
  const parties: repo.PartyRow[] = [];
  const allMediators: repo.MediatorRow[] = [];
  for (const districtId of new Set(rows.map((r) => r.district_id))) {
    const ids = rows.filter((r) => r.district_id === districtId).map((r) => r.id);
    parties.push(...(await repo.listParties(trx, districtId, ids)));
    allMediators.push(...(await repo.listMediators(trx, districtId, ids)));
  }
  const names = await displayNamesOf(
    trx,
    allMediators.map((m) => m.user_id),
  );
  const communities = new Map<string, Node | undefined>();
  for (const id of new Set(rows.map((r) => r.community_id))) communities.set(id, await findNode(trx, id));
  const items: MediationCaseSummary[] = [];
  for (const c of rows) {
    const community = communities.get(c.community_id);
    if (!community || community.district_id !== c.district_id) continue;
    const mediators = allMediators.filter((m) => m.case_id === c.id && m.district_id === c.district_id);
    const isMediator = mediators.some((m) => m.user_id === actor.userId) && holdsMediatorRole(actor, community);
    const isParty = parties.some((p) => p.case_id === c.id && p.user_id === actor.userId);
    const isLead = isLeadOf(actor, community);
    if (!isParty && !isMediator && !isLead) continue;
    items.push({
      id: c.id,
      communityId: c.community_id,
      communityName: community.name,
      type: c.type as DisputeType,
      status: c.status as MediationState,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      closedAt: c.closed_at,
      isParty,
      isMediator,
      isLead,
      mediatorNames: mediators.map((m) => names.get(m.user_id) ?? ''),
    });
    await recordAudit(trx, deps.clock, actor, {
      ...scope({ c, community }),
      action: 'mediation.case_listed',
      details: { as: [isParty && 'party', isMediator && 'mediator', isLead && 'lead'].filter(Boolean) },
    });
  }
  return { items, nextCursor: cursor };
}

/** The cases where the actor is a party (H5 我的调解); each listed case is logged as seen. */
export function listMyCases(deps: Deps, actor: Actor, q: ListCases): Promise<Page<MediationCaseSummary>> {
  return inTransaction(deps.db, async ({ trx }) => {
    const rows = await repo.listCases(
      trx,
      { partyUserId: actor.userId, statuses: q.status ? [q.status] : undefined },
      decodeCursor(q.cursor),
      q.limit + 1,
    );
    const page = toPage(
      rows,
      q.limit,
      (r) => r.id,
      (r) => r,
    );
    return summaries(deps, trx, actor, page.items, page.nextCursor);
  });
}

/** The cases of the communities the actor leads, and those they are assigned to mediate (console 调解). */
export function listCases(deps: Deps, actor: Actor, q: ListCases): Promise<Page<MediationCaseSummary>> {
  return inTransaction(deps.db, async ({ trx }) => {
    const lead = new Map<string, string[]>();
    for (const g of grantsFor(actor, 'mediation.lead'))
      for (const c of await listCommunitiesWithin(trx, { district_id: g.districtId, path: g.path }))
        lead.set(c.district_id, [...(lead.get(c.district_id) ?? []), c.id]);
    const mediator = actor.roles.some((r) => r.role === 'mediator');
    if (lead.size === 0 && !mediator) return { items: [], nextCursor: null };
    const rows = await repo.listCases(
      trx,
      {
        mediatorUserId: mediator ? actor.userId : undefined,
        leadCommunities: lead,
        statuses: q.status ? [q.status] : undefined,
      },
      decodeCursor(q.cursor),
      q.limit + 1,
    );
    const page = toPage(
      rows,
      q.limit,
      (r) => r.id,
      (r) => r,
    );
    return summaries(deps, trx, actor, page.items, page.nextCursor);
  });
}

/**
 * Moves the case to the state `target` gives for its current state (or keeps it), only while it is still in the state
 * read, locking its row: every write to a case starts here. When a concurrent change got there first, the step is
 * judged again against the state the case is in now (a second assignment is still fine after the first; a message
 * after a closing is not). Returns the state it was in and the new version.
 */
async function moveCase(
  trx: Tx,
  s: Standing,
  target: (from: MediationState) => MediationState | null,
  action: string,
  set: Partial<repo.CaseRow>,
  now: string,
): Promise<{ from: MediationState; version: number }> {
  let row: repo.CaseRow = s.c;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const from = row.status as MediationState;
    const to = target(from);
    if (!to) throw stateError(from, action);
    const version = await repo.updateCaseFrom(trx, row, from, { ...set, status: to, updated_at: now });
    if (version !== null) return { from, version };
    const fresh = await repo.findCase(trx, s.c.id);
    if (!fresh) throw notFound('mediation_case');
    row = fresh;
  }
  throw stateError(row.status, action);
}

/** The lead assigns the case's mediators (replacing the set): people holding the mediator role over its community. */
export async function assignMediators(
  deps: Deps,
  actor: Actor,
  id: string,
  input: AssignMediators,
): Promise<MediationCase> {
  await inTransaction(deps.db, async ({ trx }) => {
    const s = await load(trx, actor, id);
    if (!s.isLead) throw notFound('mediation_case');
    if (!assignTarget(s.c.status as MediationState)) throw stateError(s.c.status, 'assign');
    const holders = new Set(
      (await listRoleHoldersAbove(trx, s.c.district_id, s.community.path, ['mediator'])).map((h) => h.userId),
    );
    const partyUsers = new Set(s.parties.map((p) => p.user_id).filter((u): u is string => !!u));
    const wanted = [...new Set(input.mediatorIds)];
    const names = await displayNamesOf(trx, wanted);
    for (const u of wanted)
      if (!holders.has(u) || partyUsers.has(u))
        throw new AppError('MEDIATION_NOT_MEDIATOR', { name: names.get(u) ?? u });
    const now = iso(deps.clock.now());
    // The row lock first: a concurrent assignment waits here, then reads the mediators this one set.
    const { from, version } = await moveCase(trx, s, assignTarget, 'assign', {}, now);
    const { added, removed } = await repo.setMediators(trx, s.c.district_id, s.c.id, wanted, actor.userId, now);
    await recordAudit(trx, deps.clock, actor, {
      ...scope(s),
      action: 'mediation.mediators_assigned',
      details: { mediatorIds: wanted, added, removed },
    });
    await mediationMediatorsAssigned.emit(trx, deps.clock, {
      districtId: s.c.district_id,
      refId: `${s.c.id}:${version}`,
      payload: {
        caseId: s.c.id,
        addedUserIds: added,
        partyUserIds: from === 'opened' ? [...partyUsers] : [],
      },
    });
  });
  return getCase(deps, actor, id);
}

/** The people the lead may assign: mediators over the case's community, parties left out. */
export function listCandidates(deps: Deps, actor: Actor, id: string): Promise<MediationCandidates> {
  return inTransaction(deps.db, async ({ trx }) => {
    const s = await load(trx, actor, id);
    if (!s.isLead) throw notFound('mediation_case');
    const partyUsers = new Set(s.parties.map((p) => p.user_id));
    const holders = [
      ...new Set(
        (await listRoleHoldersAbove(trx, s.c.district_id, s.community.path, ['mediator'])).map((h) => h.userId),
      ),
    ].filter((u) => !partyUsers.has(u));
    const names = await displayNamesOf(trx, holders);
    const assigned = new Set(s.mediators.map((m) => m.user_id));
    return {
      items: holders
        .map((u) => ({ userId: u, name: names.get(u) ?? '', assigned: assigned.has(u) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    };
  });
}

/**
 * A message in a party's private thread: a party writes in their own (until the case closes); an assigned mediator
 * writes in the thread they name (the first one moves an assigned case into mediation). The lead reads, not writes.
 */
export async function postMessage(
  deps: Deps,
  actor: Actor,
  id: string,
  input: PostMessage,
): Promise<MediationMessageList['items'][number]> {
  return inTransaction(deps.db, async ({ trx }) => {
    const s = await load(trx, actor, id);
    const asMediator = s.isMediator && input.partyId !== undefined && input.partyId !== s.myParty?.id;
    let party: repo.PartyRow;
    let recipients: string[];
    const now = iso(deps.clock.now());
    if (asMediator) {
      const p = s.parties.find((x) => x.id === input.partyId);
      if (!p) throw notFound('mediation_party');
      await moveCase(trx, s, startTarget, 'message', {}, now);
      party = p;
      recipients = p.user_id ? [p.user_id] : [];
    } else if (s.myParty) {
      if (input.partyId !== undefined && input.partyId !== s.myParty.id) throw notFound('mediation_party');
      await moveCase(trx, s, (from) => (partyMayWrite(from) ? from : null), 'message', {}, now);
      party = s.myParty;
      recipients = s.mediators.map((m) => m.user_id);
    } else if (s.isMediator) {
      throw new AppError('VALIDATION_FAILED', { summary: 'partyId' }, [
        { field: 'partyId', message: '请选择要回复的当事人' },
      ]);
    } else {
      // The lead oversees the case but does not take part in the private conversations.
      throw notFound('mediation_case');
    }
    const messageId = newId();
    await repo.insertMessage(trx, {
      district_id: s.c.district_id,
      id: messageId,
      case_id: s.c.id,
      party_id: party.id,
      author_user_id: actor.userId,
      author_role: asMediator ? 'mediator' : 'party',
      body: input.body,
      created_at: now,
    });
    await recordAudit(trx, deps.clock, actor, {
      ...scope(s),
      action: 'mediation.message_posted',
      details: { partyId: party.id, messageId, as: asMediator ? 'mediator' : 'party' },
    });
    await mediationMessagePosted.emit(trx, deps.clock, {
      districtId: s.c.district_id,
      refId: messageId,
      payload: {
        caseId: s.c.id,
        toUserIds: recipients.filter((u) => u !== actor.userId),
        toRole: asMediator ? 'party' : 'mediator',
      },
    });
    const names = await displayNamesOf(trx, [actor.userId]);
    return {
      id: messageId,
      partyId: party.id,
      authorRole: asMediator ? ('mediator' as const) : ('party' as const),
      authorName: asMediator ? (names.get(actor.userId) ?? '') : party.name_masked,
      mine: true,
      body: input.body,
      createdAt: now,
    };
  });
}

/** A thread's messages, oldest first: a party reads their own; mediators and the lead one thread or all. Logged. */
export function listMessages(deps: Deps, actor: Actor, id: string, q: ListMessages): Promise<MediationMessageList> {
  return inTransaction(deps.db, async ({ trx }) => {
    const s = await load(trx, actor, id);
    const staff = s.isMediator || s.isLead;
    let threads: string[] | null;
    if (q.partyId !== undefined) {
      const mine = q.partyId === s.myParty?.id;
      if (!mine && (!staff || !s.parties.some((p) => p.id === q.partyId))) throw notFound('mediation_party');
      threads = [q.partyId];
    } else if (staff) {
      threads = null;
    } else {
      threads = [s.myParty?.id ?? ''];
    }
    const rows = await repo.listMessages(trx, s.c.district_id, s.c.id, threads, q.after ?? null, q.limit);
    const names = await displayNamesOf(trx, [
      ...new Set(rows.filter((r) => r.author_role === 'mediator').map((r) => r.author_user_id)),
    ]);
    const partyNames = new Map(s.parties.map((p) => [p.id, p.name_masked]));
    await recordAudit(trx, deps.clock, actor, {
      ...scope(s),
      action: 'mediation.thread_read',
      details: { as: viewsOf(s), partyId: q.partyId ?? (staff ? 'all' : s.myParty?.id), messages: rows.length },
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        partyId: r.party_id,
        authorRole: r.author_role === 'mediator' ? 'mediator' : 'party',
        authorName:
          r.author_role === 'mediator' ? (names.get(r.author_user_id) ?? '') : (partyNames.get(r.party_id) ?? ''),
        mine: r.author_user_id === actor.userId,
        body: r.body,
        createdAt: r.created_at,
      })),
    };
  });
}

/** An assigned mediator records a session (time, place, online/offline, attendees, notes); the first starts it. */
export async function recordSession(
  deps: Deps,
  actor: Actor,
  id: string,
  input: RecordSession,
): Promise<MediationCase> {
  await inTransaction(deps.db, async ({ trx }) => {
    const s = await load(trx, actor, id);
    if (!s.isMediator) throw notFound('mediation_case');
    const now = iso(deps.clock.now());
    await moveCase(trx, s, startTarget, 'session', {}, now);
    const sessionId = newId();
    await repo.insertSession(trx, {
      district_id: s.c.district_id,
      id: sessionId,
      case_id: s.c.id,
      held_at: input.heldAt,
      mode: input.mode,
      place: input.place,
      attendees: input.attendees,
      notes: input.notes,
      recorded_by: actor.userId,
      created_at: now,
    });
    await recordAudit(trx, deps.clock, actor, {
      ...scope(s),
      action: 'mediation.session_recorded',
      details: { sessionId, heldAt: input.heldAt, mode: input.mode },
    });
  });
  return getCase(deps, actor, id);
}

/** An assigned mediator or the lead closes a case in mediation with its outcome; messaging ends. */
export async function closeCase(deps: Deps, actor: Actor, id: string, input: CloseCase): Promise<MediationCase> {
  await inTransaction(deps.db, async ({ trx }) => {
    const s = await load(trx, actor, id);
    if (!s.isMediator && !s.isLead) throw notFound('mediation_case');
    const now = iso(deps.clock.now());
    await moveCase(
      trx,
      s,
      (from) => (canTransition(from, input.outcome) ? input.outcome : null),
      'close',
      {
        outcome_terms: input.outcome === 'agreement' ? (input.terms ?? null) : null,
        referred_to: input.outcome === 'referred' ? (input.referredTo ?? null) : null,
        outcome_note: input.note || null,
        closed_by: actor.userId,
        closed_at: now,
      },
      now,
    );
    await recordAudit(trx, deps.clock, actor, {
      ...scope(s),
      action: 'mediation.closed',
      details: {},
    });
    await emitClosed(deps, trx, s, actor, input.outcome);
  });
  return getCase(deps, actor, id);
}

async function emitClosed(deps: Deps, trx: Tx, s: Standing, actor: Actor, status: MediationState): Promise<void> {
  const others = (ids: Array<string | null>) => [...new Set(ids.filter((u): u is string => !!u && u !== actor.userId))];
  await mediationCaseClosed.emit(trx, deps.clock, {
    districtId: s.c.district_id,
    refId: s.c.id,
    payload: {
      caseId: s.c.id,
      status,
      partyUserIds: others(s.parties.map((p) => p.user_id)),
      mediatorUserIds: others(s.mediators.map((m) => m.user_id)),
    },
  });
}

/** The opener withdraws the case before any mediator is assigned. */
export async function withdrawCase(deps: Deps, actor: Actor, id: string): Promise<MediationCase> {
  await inTransaction(deps.db, async ({ trx }) => {
    const s = await load(trx, actor, id);
    if (s.c.opened_by !== actor.userId) throw notFound('mediation_case');
    const now = iso(deps.clock.now());
    await moveCase(
      trx,
      s,
      (from) => (canWithdraw(from) ? 'withdrawn' : null),
      'withdraw',
      { closed_by: actor.userId, closed_at: now },
      now,
    );
    await recordAudit(trx, deps.clock, actor, { ...scope(s), action: 'mediation.withdrawn', details: {} });
    await emitClosed(deps, trx, s, actor, 'withdrawn');
  });
  return getCase(deps, actor, id);
}

/** YYYY-MM of the month `delta` months after `month`. */
function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** The instant a China-time month starts. */
function monthStart(month: string): string {
  return new Date(`${month}-01T00:00:00+08:00`).toISOString();
}

/**
 * Anonymous statistics for staff of a community and above (mediation.stats): cases by month opened, type and outcome
 * (or open), in the actor's communities or one of them; counts below MIN_CELL are hidden so no one is identified.
 * Nothing about any case or person leaves, so reading them is not a case read.
 */
export async function getStats(deps: Deps, actor: Actor, q: StatsQuery): Promise<MediationStats> {
  const grants = grantsFor(actor, 'mediation.stats');
  if (grants.length === 0) throw notFound('mediation_stats');
  const communities = new Map<string, string[]>();
  if (q.communityId) {
    const node = await findNode(deps.db, q.communityId);
    if (
      !node ||
      node.kind !== 'community' ||
      !can(actor, 'mediation.stats', { districtId: node.district_id, path: node.path })
    )
      throw notFound('org_node');
    communities.set(node.district_id, [node.id]);
  } else {
    for (const g of grants)
      for (const c of await listCommunitiesWithin(deps.db, { district_id: g.districtId, path: g.path }))
        communities.set(c.district_id, [...new Set([...(communities.get(c.district_id) ?? []), c.id])]);
  }
  const to = q.to ?? chinaMonth(iso(deps.clock.now()));
  const from = q.from ?? addMonths(to, -11);
  if (from > to)
    throw new AppError('VALIDATION_FAILED', { summary: 'from' }, [
      { field: 'from', message: '开始月份不能晚于结束月份' },
    ]);
  const facts = await repo.listCaseFacts(deps.db, communities, monthStart(from), monthStart(addMonths(to, 1)));
  const counts = new Map<string, StatsCell>();
  for (const f of facts) {
    const cell = { month: chinaMonth(f.created_at), type: f.type, outcome: statsOutcome(f.status as MediationState) };
    const key = `${cell.month}|${cell.type}|${cell.outcome}`;
    const had = counts.get(key);
    counts.set(key, { ...cell, count: (had?.count ?? 0) + 1 });
  }
  const cells = [...counts.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.type.localeCompare(b.type) || a.outcome.localeCompare(b.outcome),
  );
  return { from, to, minCell: MIN_CELL, cells: suppressSmall(cells) };
}
