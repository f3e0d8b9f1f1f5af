// The care registry (关爱台账): staff with care.manage register vulnerable residents in their scope, set their tier
// and assign visitors (grid workers and other care staff over the subject, or approved volunteers of its community
// paired through 邻里关照); a visitor sees only the people assigned to them and logs visits, whose "needs help" raises
// a need through the needs module in the same transaction. Everyone else is told "not found". Every read of a care
// record (the record, or its row in a list) lands in the audit log.
import { recordAudit } from '../../platform/audit.js';
import { chinaDate, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type Actor, authorize, can, reachesOf } from '../../platform/permissions.js';
import { maskIdNumber, maskName, maskPhone } from '../../platform/privacy.js';
import { inTransaction, type Executor, type Tx } from '../../db/transaction.js';
import { displayNamesOf, findPersonIdByPhoneIndex, listRoleHoldersAbove } from '../accounts/index.js';
import { createNeedIn } from '../needs/index.js';
import { communityOnPath, findNode } from '../org/index.js';
import { findApprovedVolunteer } from '../volunteers/index.js';
import * as repo from './care.repository.js';
import {
  alertColour,
  type CareAlert,
  type CareCategory,
  type CareTier,
  daysOverdue,
  DUE_SOON_MS,
  intervalDays,
  nextVisitAt,
  type VisitOutcome,
} from './care.rules.js';
import type {
  AssignCareVisitor,
  CareSubject,
  CareSubjectPage,
  CareSubjectSummary,
  CareVisit,
  CareVisitPage,
  CreateCareSubject,
  ListCare,
  LogCareVisit,
  UpdateCareTier,
} from './care.schemas.js';

type Node = NonNullable<Awaited<ReturnType<typeof findNode>>>;

/** Roles whose holders over a subject may be assigned as its visitors (staff kind). */
const STAFF_VISITOR_ROLES = ['grid_worker', 'social_worker', 'community_admin'] as const;

interface Standing {
  s: repo.SubjectRow;
  node: Node;
  community: Node;
  visitors: repo.VisitorRow[];
  isManager: boolean;
  isVisitor: boolean;
}

/**
 * Whether an assigned visitor still may visit: staff while they hold a care staff role over the person, a volunteer
 * while their volunteering stays approved (a revoked grid worker or a suspended volunteer loses their people).
 */
async function stillVisits(
  db: Executor,
  actor: Actor,
  v: repo.VisitorRow,
  districtId: string,
  path: string,
): Promise<boolean> {
  if (v.kind === 'volunteer') return (await findApprovedVolunteer(db, districtId, actor.userId)) !== null;
  return actor.roles.some(
    (r) =>
      (STAFF_VISITOR_ROLES as readonly string[]).includes(r.role) &&
      r.districtId === districtId &&
      path.startsWith(r.path),
  );
}

/** The subject as the actor stands to it; NOT_FOUND unless they manage its scope or are its assigned visitor. */
async function load(db: Executor, actor: Actor, id: string): Promise<Standing> {
  const s = await repo.findSubject(db, id);
  const node = s ? await findNode(db, s.node_id) : undefined;
  const community = s ? await findNode(db, s.community_id) : undefined;
  if (!s || !node || !community || node.district_id !== s.district_id) throw notFound('care_subject');
  const visitors = await repo.listVisitors(db, s.district_id, [s.id]);
  const isManager = can(actor, 'care.manage', { districtId: s.district_id, path: node.path });
  const mine = visitors.find((v) => v.user_id === actor.userId);
  const isVisitor = !!mine && (await stillVisits(db, actor, mine, s.district_id, node.path));
  if (!isManager && !isVisitor) throw notFound('care_subject');
  return { s, node, community, visitors, isManager, isVisitor };
}

function scope(st: Pick<Standing, 's' | 'node'>) {
  return {
    districtId: st.s.district_id,
    targetType: 'care_subject',
    targetId: st.s.id,
    scopeNodeId: st.node.id,
    scopePath: st.node.path,
  };
}

function categoriesOf(row: repo.SubjectRow): CareCategory[] {
  try {
    const v: unknown = JSON.parse(row.categories);
    return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as CareCategory[]) : [];
  } catch {
    return [];
  }
}

function summaryOf(row: repo.SubjectRow, communityName: string, visitorNames: string[], now: Date): CareSubjectSummary {
  return {
    id: row.id,
    communityId: row.community_id,
    communityName,
    name: row.name_masked,
    addressMasked: row.address_masked,
    categories: categoriesOf(row),
    tier: row.tier as CareTier,
    intervalDays: Number(row.interval_days),
    lastVisitAt: row.last_visit_at,
    nextVisitAt: row.next_visit_at,
    emergency: Number(row.emergency) === 1,
    alert: alertColour(row.next_visit_at, Number(row.emergency) === 1, now),
    daysOverdue: daysOverdue(row.next_visit_at, now),
    visitorNames,
  };
}

function visitOf(v: repo.VisitRow, subjectName: string, names: Map<string, string>): CareVisit {
  return {
    id: v.id,
    subjectId: v.subject_id,
    subjectName,
    visitorName: names.get(v.visitor_user_id) ?? '',
    visitedAt: v.visited_at,
    findings: v.findings,
    outcome: v.outcome as VisitOutcome,
    needCategory: v.need_category,
    needId: v.need_id,
    emergency: Number(v.emergency) === 1,
  };
}

/** Reads a subject in full inside `trx`, logs the read and presents it. */
async function readLogged(deps: Deps, trx: Tx, actor: Actor, id: string): Promise<CareSubject> {
  const st = await load(trx, actor, id);
  const visits = await repo.listVisitsOf(trx, st.s.district_id, st.s.id, 50);
  const names = await displayNamesOf(trx, [
    ...st.visitors.map((v) => v.user_id),
    ...visits.map((v) => v.visitor_user_id),
  ]);
  const now = deps.clock.now();
  const row = st.s;
  const view: CareSubject = {
    ...summaryOf(
      row,
      st.community.name,
      st.visitors.map((v) => names.get(v.user_id) ?? ''),
      now,
    ),
    fullName: deps.cipher.decrypt(row.name_enc),
    phone: deps.cipher.decryptNullable(row.phone_enc),
    idNumberMasked: row.id_number_masked,
    address: deps.cipher.decryptNullable(row.address_enc),
    hasAccount: row.user_id !== null,
    note: row.note,
    visitors: st.visitors.map((v) => ({
      userId: v.user_id,
      name: names.get(v.user_id) ?? '',
      kind: v.kind === 'volunteer' ? 'volunteer' : 'staff',
    })),
    visits: visits.map((v) => visitOf(v, row.name_masked, names)),
    canManage: st.isManager,
    canVisit: st.isVisitor,
  };
  await recordAudit(trx, deps.clock, actor, {
    ...scope(st),
    action: 'care.subject_read',
    details: { as: [st.isManager ? 'manager' : null, st.isVisitor ? 'visitor' : null].filter(Boolean) },
  });
  return view;
}

/** One subject in full (managers and its visitors); the read is logged. */
export function getCareSubject(deps: Deps, actor: Actor, id: string): Promise<CareSubject> {
  return inTransaction(deps.db, ({ trx }) => readLogged(deps, trx, actor, id));
}

/** Registers a subject in a community (or a grid of it) the actor manages. */
export async function createCareSubject(deps: Deps, actor: Actor, input: CreateCareSubject): Promise<CareSubject> {
  const id = await inTransaction(deps.db, async ({ trx }) => {
    const node = await findNode(trx, input.nodeId);
    if (!node || node.archived_at || (node.kind !== 'community' && node.kind !== 'grid')) throw notFound('org_node');
    authorize(actor, 'care.manage', { districtId: node.district_id, path: node.path }, 'org_node');
    const community = await communityOnPath(trx, node.district_id, node.path);
    if (!community) throw notFound('org_node');
    const userId = input.phone
      ? ((await findPersonIdByPhoneIndex(trx, deps.cipher.blindIndex('phone', input.phone))) ?? null)
      : null;
    const now = iso(deps.clock.now());
    const days = intervalDays(input.tier, input.intervalDays);
    const next = nextVisitAt(null, now, days);
    const subjectId = newId();
    await repo.insertSubject(trx, {
      district_id: node.district_id,
      id: subjectId,
      community_id: community.id,
      node_id: node.id,
      user_id: userId,
      name_enc: deps.cipher.encrypt(input.name),
      name_masked: maskName(input.name),
      phone_enc: deps.cipher.encryptNullable(input.phone ?? null),
      phone_index: input.phone ? deps.cipher.blindIndex('phone', input.phone) : null,
      phone_masked: input.phone ? maskPhone(input.phone) : null,
      id_number_enc: deps.cipher.encryptNullable(input.idNumber ?? null),
      id_number_masked: input.idNumber ? maskIdNumber(input.idNumber) : null,
      address_enc: deps.cipher.encryptNullable(input.address ?? null),
      address_masked: input.address ? maskAddress(input.address) : null,
      categories: JSON.stringify(input.categories),
      tier: input.tier,
      interval_days: days,
      last_visit_at: null,
      next_visit_at: next,
      emergency: 0,
      alert: alertColour(next, false, deps.clock.now()),
      alert_day: null,
      note: input.note ?? '',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: node.district_id,
      action: 'care.subject_created',
      targetType: 'care_subject',
      targetId: subjectId,
      scopeNodeId: node.id,
      scopePath: node.path,
      // No name, phone or address in the log: the tier and categories only.
      details: { tier: input.tier, categories: input.categories, hasAccount: userId !== null },
    });
    return subjectId;
  });
  return getCareSubject(deps, actor, id);
}

/** An address's masked copy: the first 6 characters, the rest hidden. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}

function changed(): AppError {
  return new AppError('CARE_CHANGED');
}

/** Sets a subject's tier (and interval); the next visit is recomputed from the last visit. */
export async function updateCareTier(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UpdateCareTier,
): Promise<CareSubject> {
  return inTransaction(deps.db, async ({ trx }) => {
    const st = await load(trx, actor, id);
    if (!st.isManager) throw notFound('care_subject');
    const days = intervalDays(input.tier, input.intervalDays);
    const next = nextVisitAt(st.s.last_visit_at, st.s.created_at, days);
    const ok = await repo.updateSubjectAtVersion(trx, st.s.district_id, st.s.id, Number(st.s.version), {
      tier: input.tier,
      interval_days: days,
      next_visit_at: next,
      alert: alertColour(next, Number(st.s.emergency) === 1, deps.clock.now()),
      updated_at: iso(deps.clock.now()),
    });
    if (!ok) throw changed();
    await recordAudit(trx, deps.clock, actor, {
      ...scope(st),
      action: 'care.tier_updated',
      details: { from: st.s.tier, to: input.tier, intervalDays: days },
    });
    return readLogged(deps, trx, actor, id);
  });
}

/** Assigns a visitor found by phone: care staff over the subject, or an approved volunteer of its community. */
export async function assignCareVisitor(
  deps: Deps,
  actor: Actor,
  id: string,
  input: AssignCareVisitor,
): Promise<CareSubject> {
  return inTransaction(deps.db, async ({ trx }) => {
    const st = await load(trx, actor, id);
    if (!st.isManager) throw notFound('care_subject');
    const userId = await findPersonIdByPhoneIndex(trx, deps.cipher.blindIndex('phone', input.phone));
    if (!userId) throw notFound('person');
    const staff = await listRoleHoldersAbove(trx, st.s.district_id, st.node.path, STAFF_VISITOR_ROLES);
    let kind: 'staff' | 'volunteer' | null = staff.some((h) => h.userId === userId) ? 'staff' : null;
    if (!kind) {
      const v = await findApprovedVolunteer(trx, st.s.district_id, userId);
      if (v && v.community_id === st.s.community_id) kind = 'volunteer';
    }
    if (!kind) throw new AppError('CARE_VISITOR_INVALID');
    const added = await repo.insertVisitor(trx, {
      district_id: st.s.district_id,
      subject_id: st.s.id,
      user_id: userId,
      kind,
      assigned_by: actor.userId,
      assigned_at: iso(deps.clock.now()),
    });
    if (added)
      await recordAudit(trx, deps.clock, actor, {
        ...scope(st),
        action: 'care.visitor_assigned',
        details: { visitorId: userId, kind },
      });
    return readLogged(deps, trx, actor, id);
  });
}

/**
 * Logs a visit by the subject's assigned visitor: the next visit moves on from it, an emergency turns the alert red
 * (a visit without one clears it), and "needs help" raises a need in the needs module in the same transaction (for
 * the subject when they have an account and the visitor may record needs for residents, else in the visitor's name).
 */
export async function logCareVisit(deps: Deps, actor: Actor, id: string, input: LogCareVisit): Promise<CareSubject> {
  return inTransaction(deps.db, async ({ trx }) => {
    const st = await load(trx, actor, id);
    if (!st.isVisitor) throw notFound('care_subject');
    const nowDate = deps.clock.now();
    const now = iso(nowDate);
    const visitedAt = input.visitedAt && input.visitedAt < now ? input.visitedAt : now;
    if (input.outcome === 'needs_help' && !input.needCategory)
      throw new AppError('VALIDATION_FAILED', {}, [{ field: 'needCategory', message: 'v.needCategory' }]);
    let needId: string | null = null;
    if (input.outcome === 'needs_help' && input.needCategory) {
      const forSubject =
        st.s.user_id !== null &&
        can(actor, 'need.manage', { districtId: st.s.district_id, path: st.node.path }) &&
        st.s.user_id !== actor.userId;
      const need = await createNeedIn(deps, trx, actor, {
        category: input.needCategory,
        title: null,
        description: `关爱走访（${st.s.name_masked}）：${input.findings}`,
        urgency: input.emergency ? 'urgent' : 'normal',
        ...(forSubject ? { requesterUserId: st.s.user_id, communityId: st.s.community_id } : {}),
      });
      needId = need.id;
    }
    await repo.insertVisit(trx, {
      district_id: st.s.district_id,
      id: newId(),
      subject_id: st.s.id,
      visitor_user_id: actor.userId,
      visited_at: visitedAt,
      findings: input.findings,
      outcome: input.outcome,
      need_category: input.outcome === 'needs_help' ? (input.needCategory ?? null) : null,
      need_id: needId,
      emergency: input.emergency ? 1 : 0,
      created_at: now,
    });
    const last = st.s.last_visit_at && st.s.last_visit_at > visitedAt ? st.s.last_visit_at : visitedAt;
    const next = nextVisitAt(last, st.s.created_at, Number(st.s.interval_days));
    const ok = await repo.updateSubjectAtVersion(trx, st.s.district_id, st.s.id, Number(st.s.version), {
      last_visit_at: last,
      next_visit_at: next,
      emergency: input.emergency ? 1 : 0,
      alert: alertColour(next, input.emergency, nowDate),
      updated_at: now,
    });
    if (!ok) throw changed();
    await recordAudit(trx, deps.clock, actor, {
      ...scope(st),
      action: 'care.visit_logged',
      details: { outcome: input.outcome, emergency: input.emergency, needId },
    });
    return readLogged(deps, trx, actor, id);
  });
}

/** Lists page by offset (they are ordered by urgency, which moves); a cursor that is not a sane offset starts over. */
function offsetOf(cursor: string | undefined): number {
  return cursor && /^\d{1,6}$/.test(cursor) ? Number(cursor) : 0;
}

/** Presents a page of subject rows and logs each one as listed (who saw which record, masked, in a list). */
async function summaries(
  deps: Deps,
  trx: Tx,
  actor: Actor,
  rows: repo.SubjectRow[],
  offset: number,
  limit: number,
): Promise<CareSubjectPage> {
  const page = rows.slice(0, limit);
  const visitors: repo.VisitorRow[] = [];
  for (const districtId of new Set(page.map((r) => r.district_id)))
    visitors.push(
      ...(await repo.listVisitors(
        trx,
        districtId,
        page.filter((r) => r.district_id === districtId).map((r) => r.id),
      )),
    );
  const names = await displayNamesOf(trx, [...new Set(visitors.map((v) => v.user_id))]);
  const communities = new Map<string, Node>();
  const nodes = new Map<string, Node>();
  for (const r of page) {
    for (const nid of [r.community_id, r.node_id]) {
      if (nodes.has(nid)) continue;
      const n = await findNode(trx, nid);
      if (n) nodes.set(nid, n);
    }
    const c = nodes.get(r.community_id);
    if (c) communities.set(r.community_id, c);
  }
  const now = deps.clock.now();
  const items = page.map((r) =>
    summaryOf(
      r,
      communities.get(r.community_id)?.name ?? '',
      visitors
        .filter((v) => v.subject_id === r.id && v.district_id === r.district_id)
        .map((v) => names.get(v.user_id) ?? ''),
      now,
    ),
  );
  for (const r of page) {
    const node = nodes.get(r.node_id);
    if (!node) continue;
    await recordAudit(trx, deps.clock, actor, {
      districtId: r.district_id,
      action: 'care.subject_listed',
      targetType: 'care_subject',
      targetId: r.id,
      scopeNodeId: node.id,
      scopePath: node.path,
    });
  }
  return { items, nextCursor: rows.length > limit ? String(offset + limit) : null };
}

function filterOf(q: ListCare, now: Date) {
  const soon = new Date(now.getTime() + DUE_SOON_MS).toISOString();
  const at = iso(now);
  const byAlert: Record<CareAlert, { dueBefore?: string; notDueBefore?: string }> = {
    red: { dueBefore: at },
    yellow: {},
    blue: { notDueBefore: soon },
  };
  return { tier: q.tier, ...(q.alert ? byAlert[q.alert] : {}) };
}

/** Keeps only rows of the asked colour (yellow, and red's emergencies, are not one SQL range). */
function ofAlert(rows: repo.SubjectRow[], alert: CareAlert | undefined, now: Date): repo.SubjectRow[] {
  if (!alert) return rows;
  return rows.filter((r) => alertColour(r.next_visit_at, Number(r.emergency) === 1, now) === alert);
}

/** The subjects the actor manages, most urgent first (red, yellow, blue); each listed row is logged. */
export function listCareSubjects(deps: Deps, actor: Actor, q: ListCare): Promise<CareSubjectPage> {
  return inTransaction(deps.db, async ({ trx }) => {
    const reaches = reachesOf(actor, 'care.manage');
    if (reaches.length === 0) return { items: [], nextCursor: null };
    const now = deps.clock.now();
    const offset = offsetOf(q.cursor);
    const f = filterOf(q, now);
    if (q.alert === 'yellow') f.dueBefore = new Date(now.getTime() + DUE_SOON_MS).toISOString();
    const rows = ofAlert(await repo.listSubjectsWithin(trx, reaches, f, offset, q.limit + 1), q.alert, now);
    return summaries(deps, trx, actor, rows, offset, q.limit);
  });
}

/** The alert list (red and yellow: overdue, due within 48 h, or an emergency), most urgent first. */
export function listCareAlerts(deps: Deps, actor: Actor, q: ListCare): Promise<CareSubjectPage> {
  return inTransaction(deps.db, async ({ trx }) => {
    const reaches = reachesOf(actor, 'care.manage');
    if (reaches.length === 0) return { items: [], nextCursor: null };
    const now = deps.clock.now();
    const offset = offsetOf(q.cursor);
    const soon = new Date(now.getTime() + DUE_SOON_MS).toISOString();
    const rows = await repo.listSubjectsWithin(trx, reaches, { tier: q.tier, dueBefore: soon }, offset, q.limit + 1);
    return summaries(deps, trx, actor, ofAlert(rows, q.alert, now), offset, q.limit);
  });
}

/** 我关照的人: the people assigned to the visitor, most urgent first; each listed row is logged. */
export function listMyCarePeople(deps: Deps, actor: Actor, q: ListCare): Promise<CareSubjectPage> {
  return inTransaction(deps.db, async ({ trx }) => {
    const now = deps.clock.now();
    const offset = offsetOf(q.cursor);
    const f = filterOf(q, now);
    if (q.alert === 'yellow') f.dueBefore = new Date(now.getTime() + DUE_SOON_MS).toISOString();
    const rows = ofAlert(await repo.listSubjectsOfVisitor(trx, actor.userId, f, offset, q.limit + 1), q.alert, now);
    const kept: repo.SubjectRow[] = [];
    for (const r of rows) {
      const v = (await repo.listVisitors(trx, r.district_id, [r.id])).find((x) => x.user_id === actor.userId);
      const node = await findNode(trx, r.node_id);
      if (v && node && (await stillVisits(trx, actor, v, r.district_id, node.path))) kept.push(r);
    }
    return summaries(deps, trx, actor, kept, offset, q.limit);
  });
}

/** The visits the actor logged, newest first (subject names masked). */
export async function listMyCareVisits(deps: Deps, actor: Actor, q: ListCare): Promise<CareVisitPage> {
  const offset = offsetOf(q.cursor);
  const rows = await repo.listVisitsBy(deps.db, actor.userId, offset, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const subjects = await repo.subjectsByKey(
    deps.db,
    page.map((v) => ({ districtId: v.district_id, id: v.subject_id })),
  );
  const names = await displayNamesOf(deps.db, [actor.userId]);
  return {
    items: page.map((v) =>
      visitOf(
        v,
        subjects.find((s) => s.id === v.subject_id && s.district_id === v.district_id)?.name_masked ?? '',
        names,
      ),
    ),
    nextCursor: rows.length > q.limit ? String(offset + q.limit) : null,
  };
}

/** The China day of an instant (the daily job's idempotency unit). */
export function careDay(now: Date): string {
  return chinaDate(now);
}
