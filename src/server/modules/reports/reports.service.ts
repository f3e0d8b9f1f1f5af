// Use cases of grid reports (随手拍): submit (with photos checked and re-encoded by reports.photos.ts), offer nearby
// open reports to join instead, list and read in scope, take each step of the state graph (reports.rules.ts) with the
// timeline, events and audit, pay the reward once through the ledger, flag and moderate, the public board.
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { distanceMetres, gcj02ToWgs84, wgs84ToGcj02 } from '../../platform/geo.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, ROLE_PERMISSIONS, ROLES } from '../../platform/permissions.js';
import { uploadsStorage } from '../../platform/storage.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { displayNamesOf, findPersonHome, listRoleHoldersAbove } from '../accounts/index.js';
import { accountFor, ensurePersonAccount, postJournal } from '../ledger/index.js';
import { communityOnPath, findNode, listActiveChildren } from '../org/index.js';
import { getReportSettings, type ReportSettings } from '../settings/index.js';
import { reportStatusChanged, reportSubmitted } from './reports.events.js';
import { decodeUpload, processPhoto } from './reports.photos.js';
import {
  canManageReport,
  communitiesAbove,
  isPublic,
  isReporter,
  reportReaches,
  scopePathOf,
} from './reports.policy.js';
import * as repo from './reports.repository.js';
import {
  actionsFor,
  autoConfirmDue,
  boxAround,
  chinaDay,
  deadlineAt,
  fromE7,
  escalatedFrom,
  isOpen,
  isOverdue,
  NEARBY_METRES,
  type ReportAction,
  type ReportActorKind,
  type ReportLevel,
  type ReportState,
  rewardKey,
  rewardPoints,
  stepTarget,
  toE7,
  canMergeInto,
  hiddenByFlags,
  type TimelineKind,
} from './reports.rules.js';
import type {
  ReportDetailView,
  ReportPhotoView,
  ReportStepView,
  ReportView,
  PublicReportView,
  NearbyReportView,
  UploadedPhotoView,
} from './reports.schemas.js';
import type { ReportTable } from './reports.tables.js';

type Coord = 'wgs84' | 'gcj02';

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ field, message }]);
}

function cursorAfter(cursor: string | undefined): { createdAt: string; id: string } | null {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const [createdAt, id] = key.split('|');
  if (!createdAt || !id) throw invalid('cursor', 'v.cursor');
  return { createdAt, id };
}

const keyOf = (r: repo.ReportRow) => `${r.created_at}|${r.id}`;

const photoUrl = (id: string) => `/api/v1/report-photos/${id}`;
function photoView(p: repo.PhotoRow): ReportPhotoView {
  return { id: p.id, url: photoUrl(p.id), thumbUrl: `${photoUrl(p.id)}?size=thumb`, width: p.width, height: p.height };
}

/** The districts a person belongs to: their home first, then their roles'. */
async function districtsOf(db: Executor, actor: Actor): Promise<string[]> {
  const home = await findPersonHome(db, actor.userId);
  return [home?.homeDistrictId, ...actor.roles.map((r) => r.districtId)].filter(
    (d): d is string => typeof d === 'string',
  );
}

// ------------------------------------------------------------------------------------------------ presenting

interface Context {
  settings: Map<string, ReportSettings>;
  names: Map<string, string>;
  photos: Map<string, repo.PhotoRow[]>;
  joined: Set<string>;
}

async function contextFor(db: Executor, actor: Actor | null, rows: repo.ReportRow[], steps: repo.StepRow[] = []) {
  const settings = new Map<string, ReportSettings>();
  for (const d of new Set(rows.map((r) => r.district_id))) settings.set(d, await getReportSettings(db, d));
  const userIds = [
    ...rows.flatMap((r) => [r.reporter_user_id, r.assignee_user_id]),
    ...steps.map((s) => s.actor_user_id),
  ].filter((u): u is string => typeof u === 'string');
  const names = await displayNamesOf(db, userIds);
  const photos = new Map<string, repo.PhotoRow[]>();
  const byDistrict = new Map<string, string[]>();
  for (const r of rows) byDistrict.set(r.district_id, [...(byDistrict.get(r.district_id) ?? []), r.id]);
  for (const [d, ids] of byDistrict) {
    for (const p of await repo.photosOf(db, d, ids)) {
      const key = p.step_id ?? `report:${p.report_id}`;
      photos.set(key, [...(photos.get(key) ?? []), p]);
    }
  }
  const joined = actor
    ? await repo.joinedBy(
        db,
        actor.userId,
        rows.map((r) => r.id),
      )
    : new Set<string>();
  return { settings, names, photos, joined } satisfies Context;
}

function categoryName(ctx: Context, r: Pick<repo.ReportRow, 'district_id' | 'category'>): string {
  return ctx.settings.get(r.district_id)?.categories.find((c) => c.key === r.category)?.name ?? r.category;
}

function coordsOut(r: repo.ReportRow, coord: Coord): { lat: number | null; lng: number | null } {
  if (r.lat_e7 === null || r.lng_e7 === null) return { lat: null, lng: null };
  const p = { lat: fromE7(Number(r.lat_e7)), lng: fromE7(Number(r.lng_e7)) };
  const out = coord === 'gcj02' ? wgs84ToGcj02(p) : p;
  return { lat: Math.round(out.lat * 1e7) / 1e7, lng: Math.round(out.lng * 1e7) / 1e7 };
}

function present(ctx: Context, actor: Actor, r: repo.ReportRow, now: Date, coord: Coord = 'wgs84'): ReportView {
  const staff = canManageReport(actor, r);
  const mine = isReporter(actor, r);
  const joined = ctx.joined.has(r.id);
  const status = r.status as ReportState;
  const anonymous = r.anonymous === 1;
  const showReporter = mine || (staff && !anonymous);
  const kinds: ReportActorKind[] = [...(staff ? (['staff'] as const) : []), ...(mine ? (['reporter'] as const) : [])];
  const settings = ctx.settings.get(r.district_id);
  const { lat, lng } = staff || mine ? coordsOut(r, coord) : { lat: null, lng: null };
  return {
    id: r.id,
    districtId: r.district_id,
    communityId: r.community_id,
    communityName: r.community_name,
    gridId: r.grid_id,
    gridName: r.grid_name,
    buildingId: r.building_id,
    buildingName: r.building_name,
    category: r.category,
    categoryName: categoryName(ctx, r),
    description: r.description,
    address: staff || mine ? r.address : null,
    lat,
    lng,
    coord,
    anonymous,
    visibility: r.visibility as ReportView['visibility'],
    status,
    level: r.level as ReportLevel,
    dueAt: isOpen(status) ? r.due_at : null,
    overdue: isOverdue(status, r.due_at, now),
    escalatedFrom: escalatedFrom(status, r.level as ReportLevel, r.grid_id !== null),
    reporterUserId: showReporter ? r.reporter_user_id : null,
    reporterName: showReporter ? (ctx.names.get(r.reporter_user_id) ?? null) : null,
    mine,
    joined,
    supporterCount: Number(r.supporter_count),
    assigneeUserId: staff || mine ? r.assignee_user_id : null,
    assigneeName: (staff || mine) && r.assignee_user_id ? (ctx.names.get(r.assignee_user_id) ?? null) : null,
    mergedIntoId: r.merged_into_id,
    photos: (ctx.photos.get(`report:${r.id}`) ?? []).map(photoView),
    hidden: r.hidden === 1,
    flagCount: staff ? Number(r.flag_count) : 0,
    moderation: staff ? ((r.moderation as ReportView['moderation']) ?? null) : null,
    rewardPoints: mine && r.reward_points !== null ? Number(r.reward_points) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
    confirmedAt: r.confirmed_at,
    closedAt: r.closed_at,
    autoConfirmAt:
      status === 'resolved' && r.resolved_at && settings
        ? autoConfirmDue(r.resolved_at, settings.autoConfirmDays)
        : null,
    version: Number(r.version),
    actions: actionsFor(status, kinds),
    canFlag: !mine && isPublic(r),
    canJoin: !mine && !joined && isOpen(status) && (isPublic(r) || staff),
    canModerate: staff && (Number(r.flag_count) > 0 || r.hidden === 1),
  };
}

/** A timeline as someone sees it: staff names for staff and the reporter; nobody's name on the public board. */
function timeline(
  ctx: Context,
  r: repo.ReportRow,
  steps: repo.StepRow[],
  view: 'staff' | 'reporter' | 'public',
): ReportStepView[] {
  const anonymous = r.anonymous === 1;
  return steps
    .filter((s) => view !== 'public' || (s.kind !== 'hide' && s.kind !== 'show'))
    .map((s) => {
      let actorName: string | null = null;
      if (view !== 'public' && s.actor_user_id) {
        if (s.actor_kind === 'staff') actorName = ctx.names.get(s.actor_user_id) ?? null;
        else if (s.actor_kind === 'reporter' && (view === 'reporter' || !anonymous))
          actorName = ctx.names.get(s.actor_user_id) ?? null;
      }
      return {
        id: s.id,
        kind: s.kind as TimelineKind,
        from: (s.from_status as ReportState | null) ?? null,
        to: (s.to_status as ReportState | null) ?? null,
        actorKind: s.actor_kind as ReportStepView['actorKind'],
        actorName,
        note: s.note,
        photos: (ctx.photos.get(s.id) ?? []).map(photoView),
        at: s.created_at,
      };
    });
}

async function presentOne(deps: Deps, db: Executor, actor: Actor, row: repo.ReportRow): Promise<ReportView> {
  const ctx = await contextFor(db, actor, [row]);
  return present(ctx, actor, row, deps.clock.now());
}

function publicView(ctx: Context, r: repo.ReportRow, steps: repo.StepRow[]): PublicReportView {
  return {
    id: r.id,
    districtId: r.district_id,
    communityName: r.community_name,
    gridName: r.grid_name,
    category: r.category,
    categoryName: categoryName(ctx, r),
    description: r.description,
    status: r.status as ReportState,
    level: r.level as ReportLevel,
    supporterCount: Number(r.supporter_count),
    photos: (ctx.photos.get(`report:${r.id}`) ?? []).map(photoView),
    timeline: timeline(ctx, r, steps, 'public'),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

// ------------------------------------------------------------------------------------------------ reading

/** Whether the actor may read the report: its reporter, staff in scope, or someone who joined it. */
async function canRead(db: Executor, actor: Actor, r: repo.ReportRow): Promise<boolean> {
  if (isReporter(actor, r) || canManageReport(actor, r)) return true;
  return (await repo.joinedBy(db, actor.userId, [r.id])).has(r.id);
}

/** One report with its timeline: its reporter, staff in scope or a supporter; NOT_FOUND for anyone else. */
export async function getReport(deps: Deps, actor: Actor, id: string): Promise<ReportDetailView> {
  const row = await repo.findReportById(deps.db, id);
  if (!row || !(await canRead(deps.db, actor, row))) throw notFound('report');
  const steps = await repo.stepsOf(deps.db, row.district_id, row.id);
  const ctx = await contextFor(deps.db, actor, [row], steps);
  const view = canManageReport(actor, row) ? 'staff' : isReporter(actor, row) ? 'reporter' : 'public';
  return { ...present(ctx, actor, row, deps.clock.now()), timeline: timeline(ctx, row, steps, view) };
}

export interface ListReportsInput {
  status?: ReportState;
  category?: string;
  level?: ReportLevel;
  overdue?: boolean;
  escalated?: boolean;
  flagged?: boolean;
  communityId?: string;
  gridId?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

function staffFilter(actor: Actor): repo.ReportFilter {
  const reaches = reportReaches(actor);
  return { reaches, communitiesOfGrids: communitiesAbove(reaches) };
}

/** Reports in the staff member's scope, newest first, with totals, per-state counts and the overdue count. */
export async function listReports(deps: Deps, actor: Actor, q: ListReportsInput) {
  const base = staffFilter(actor);
  if (base.reaches.length === 0)
    return { items: [], nextCursor: null, total: 0, byStatus: {}, overdueCount: 0, escalatedCount: 0 };
  const now = deps.clock.now();
  const f: repo.ReportFilter = {
    ...base,
    statuses: q.status ? [q.status] : undefined,
    category: q.category,
    level: q.level,
    overdueAt: q.overdue ? iso(now) : undefined,
    escalated: q.escalated,
    flagged: q.flagged,
    communityId: q.communityId,
    gridId: q.gridId,
    q: q.q?.trim() || undefined,
  };
  const rows = await repo.listReports(deps.db, f, cursorAfter(q.cursor), q.limit);
  const total = Number(
    (
      await repo
        .reportsFiltered(deps.db, f)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const byStatus = Object.fromEntries(await repo.countByStatus(deps.db, f)) as Partial<Record<ReportState, number>>;
  const overdueCount = await countOf(deps.db, { ...f, statuses: undefined, overdueAt: iso(now) });
  const escalatedCount = await countOf(deps.db, { ...f, statuses: undefined, escalated: true });
  const page = toPage(rows, q.limit, keyOf, (r) => r);
  const ctx = await contextFor(deps.db, actor, page.items);
  return {
    ...page,
    items: page.items.map((r) => present(ctx, actor, r, now)),
    total,
    byStatus,
    overdueCount,
    escalatedCount,
  };
}

async function countOf(db: Executor, f: repo.ReportFilter): Promise<number> {
  const row = await repo
    .reportsFiltered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The actor's own reports and the ones they joined, newest first. */
export async function listMyReports(
  deps: Deps,
  actor: Actor,
  q: { status?: ReportState; limit: number; cursor?: string },
): Promise<Page<ReportView>> {
  const rows = await repo.listMine(deps.db, actor.userId, q.status, cursorAfter(q.cursor), q.limit);
  const page = toPage(rows, q.limit, keyOf, (r) => r);
  const ctx = await contextFor(deps.db, actor, page.items);
  const now = deps.clock.now();
  return { ...page, items: page.items.map((r) => present(ctx, actor, r, now)) };
}

/** Figures for the console: open, overdue, resolved and "solved within the grid" (小事不出网格). */
export async function getReportStats(deps: Deps, actor: Actor, q: { communityId?: string; since?: string }) {
  const base = staffFilter(actor);
  const empty = {
    total: 0,
    open: 0,
    overdue: 0,
    escalated: 0,
    resolved: 0,
    resolvedWithinGrid: 0,
    withinGridRate: null,
  };
  if (base.reaches.length === 0) return { ...empty, byStatus: {}, byLevel: {} };
  const since = q.since && !Number.isNaN(Date.parse(q.since)) ? new Date(q.since).toISOString() : undefined;
  const f: repo.ReportFilter = { ...base, communityId: q.communityId, since };
  const byStatus = Object.fromEntries(await repo.countByStatus(deps.db, f)) as Partial<Record<ReportState, number>>;
  const byLevel = Object.fromEntries(await repo.countOpenByLevel(deps.db, f)) as Partial<Record<ReportLevel, number>>;
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const open = Object.values(byLevel).reduce((a, b) => a + b, 0);
  const overdue = await countOf(deps.db, { ...f, overdueAt: iso(deps.clock.now()) });
  const escalated = await countOf(deps.db, { ...f, escalated: true });
  const { resolved, withinGrid } = await repo.countResolved(deps.db, f);
  return {
    total,
    open,
    overdue,
    escalated,
    resolved,
    resolvedWithinGrid: withinGrid,
    withinGridRate: resolved > 0 ? Math.round((withinGrid / resolved) * 1000) / 1000 : null,
    byStatus,
    byLevel,
  };
}

/** A live community anyone may name as the place of a report (a rider passing through): its district. */
async function liveCommunity(db: Executor, communityId: string): Promise<{ id: string; districtId: string }> {
  const node = await findNode(db, communityId);
  if (!node || node.kind !== 'community' || node.archived_at) throw notFound('org_node');
  return { id: node.id, districtId: node.district_id };
}

/** A live district anyone may name (its categories are on the public board anyway). */
async function liveDistrict(db: Executor, districtId: string): Promise<string> {
  const node = await findNode(db, districtId);
  if (!node || node.kind !== 'district' || node.archived_at) throw notFound('org_node');
  return node.id;
}

/**
 * The district a report-to-be goes to: the community's named (any live one: a rider reports where they pass), else the
 * district named (any live one), else the actor's home district (or the first of their roles'); undefined with none.
 */
async function targetDistrict(
  db: Executor,
  actor: Actor,
  q: { communityId?: string | null; districtId?: string | null },
): Promise<string | undefined> {
  if (q.communityId) {
    const c = await liveCommunity(db, q.communityId);
    if (q.districtId && q.districtId !== c.districtId) throw invalid('districtId', 'v.reportPlace');
    return c.districtId;
  }
  if (q.districtId) return liveDistrict(db, q.districtId);
  return (await districtsOf(db, actor))[0];
}

/**
 * What the report form chooses from: the district's categories (the one of the community named, which anyone may
 * name, else the district named, else the home district) and the live grids of the community (the named one, else
 * the actor's home community when it is in that district) for the place picker.
 */
export async function reportCategoriesFor(deps: Deps, actor: Actor, q: { districtId?: string; communityId?: string }) {
  const districtId = await targetDistrict(deps.db, actor, q);
  if (!districtId) throw notFound('org_node');
  let communityId: string | null = q.communityId ?? null;
  if (!communityId) {
    const home = await findPersonHome(deps.db, actor.userId);
    const homeNode = home?.homeNodeId ? await findNode(deps.db, home.homeNodeId) : undefined;
    const community =
      homeNode && homeNode.district_id === districtId
        ? await communityOnPath(deps.db, districtId, homeNode.path)
        : undefined;
    communityId = community && !community.archived_at ? community.id : null;
  }
  const grids = communityId
    ? (await listActiveChildren(deps.db, districtId, communityId, 'grid'))
        .map((g) => ({ id: g.id, name: g.name }))
        // In the order they were set up (ids are ULIDs): 第一网格, 第二网格, … (names sort badly in pinyin).
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    : [];
  const s = await getReportSettings(deps.db, districtId);
  return { districtId, communityId, grids, categories: s.categories };
}

/** Open reports of the same category within 50 m: offered to join before a new one is submitted. */
export async function listNearbyOpenReports(
  deps: Deps,
  actor: Actor,
  q: { category: string; lat: number; lng: number; coord: Coord; districtId?: string; communityId?: string },
): Promise<{ items: NearbyReportView[]; radiusMetres: number }> {
  const districtId = await targetDistrict(deps.db, actor, q);
  if (!districtId) return { items: [], radiusMetres: NEARBY_METRES };
  const at = q.coord === 'gcj02' ? gcj02ToWgs84({ lat: q.lat, lng: q.lng }) : { lat: q.lat, lng: q.lng };
  const rows = await repo.openReportsInBox(deps.db, {
    districtId,
    category: q.category,
    box: boxAround(at.lat, at.lng, NEARBY_METRES),
    userId: actor.userId,
  });
  const near = rows
    .map((r) => ({
      r,
      d: distanceMetres(at, { lat: fromE7(Number(r.lat_e7)), lng: fromE7(Number(r.lng_e7)) }),
    }))
    .filter((x) => x.d <= NEARBY_METRES)
    .sort((a, b) => a.d - b.d || (a.r.created_at < b.r.created_at ? 1 : -1))
    .slice(0, 20);
  const ctx = await contextFor(
    deps.db,
    actor,
    near.map((x) => x.r),
  );
  return {
    radiusMetres: NEARBY_METRES,
    items: near.map(({ r, d }) => {
      const first = ctx.photos.get(`report:${r.id}`)?.[0];
      return {
        id: r.id,
        category: r.category,
        categoryName: categoryName(ctx, r),
        description: r.description,
        status: r.status as ReportState,
        gridName: r.grid_name,
        communityName: r.community_name,
        distanceMetres: d,
        supporterCount: Number(r.supporter_count),
        thumbUrl: first ? `${photoUrl(first.id)}?size=thumb` : null,
        mine: isReporter(actor, r),
        joined: ctx.joined.has(r.id),
        createdAt: r.created_at,
      };
    }),
  };
}

/** The public board (no login): public, unhidden reports without the reporter, place at grid level. */
export async function listPublicReports(
  deps: Deps,
  q: {
    districtId: string;
    communityId?: string;
    category?: string;
    status?: ReportState;
    limit: number;
    cursor?: string;
  },
): Promise<Page<PublicReportView>> {
  const rows = await repo.listPublic(deps.db, q, cursorAfter(q.cursor), q.limit);
  const page = toPage(rows, q.limit, keyOf, (r) => r);
  const steps = await repo.stepsOfMany(
    deps.db,
    q.districtId,
    page.items.map((r) => r.id),
  );
  const ctx = await contextFor(deps.db, null, page.items, steps);
  return {
    ...page,
    items: page.items.map((r) =>
      publicView(
        ctx,
        r,
        steps.filter((s) => s.report_id === r.id),
      ),
    ),
  };
}

/** One report of the public board (no login); NOT_FOUND when private or hidden. */
export async function getPublicReport(deps: Deps, id: string): Promise<PublicReportView> {
  const row = await repo.findReportById(deps.db, id);
  if (!row || !isPublic(row)) throw notFound('report');
  const steps = await repo.stepsOf(deps.db, row.district_id, row.id);
  const ctx = await contextFor(deps.db, null, [row], steps);
  return publicView(ctx, row, steps);
}

// ------------------------------------------------------------------------------------------------ photos

/**
 * Stores an uploaded photo: decoded from base64, checked by its content and re-encoded (reports.photos.ts) before
 * anything is written; the files first, then the row (a failed row removes the files). The photo belongs to its
 * uploader until a report or step of theirs takes it.
 */
export async function uploadReportPhoto(
  deps: Deps,
  actor: Actor,
  input: { contentBase64: string; districtId?: string | null; communityId?: string | null },
): Promise<UploadedPhotoView> {
  const districtId = await targetDistrict(deps.db, actor, input);
  if (!districtId) throw notFound('org_node');
  const photo = await processPhoto(decodeUpload(input.contentBase64));
  const id = newId();
  const storage = uploadsStorage(deps.config.dataDir);
  const key = `reports/${districtId}/${id}.jpg`;
  const thumbKey = `reports/${districtId}/${id}_t.jpg`;
  await storage.put(key, photo.full);
  try {
    await storage.put(thumbKey, photo.thumb);
    await inTransaction(deps.db, async ({ trx }) => {
      await repo.insertPhoto(trx, {
        district_id: districtId,
        id,
        uploader_user_id: actor.userId,
        report_id: null,
        step_id: null,
        storage_key: key,
        thumb_key: thumbKey,
        width: photo.width,
        height: photo.height,
        bytes: photo.full.length,
        created_at: iso(deps.clock.now()),
      });
    });
  } catch (err) {
    await storage.delete(key);
    await storage.delete(thumbKey);
    throw err;
  }
  return {
    id,
    url: photoUrl(id),
    thumbUrl: `${photoUrl(id)}?size=thumb`,
    width: photo.width,
    height: photo.height,
    bytes: photo.full.length,
  };
}

/**
 * A stored photo's JPEG: anyone for a report on the public board; else its uploader, the report's reporter, staff in
 * scope or a supporter. NOT_FOUND otherwise.
 */
export async function getReportPhoto(
  deps: Deps,
  actor: Actor | null,
  id: string,
  size: 'full' | 'thumb',
): Promise<Buffer> {
  const p = await repo.findPhoto(deps.db, id);
  if (!p) throw notFound('report_photo');
  let allowed = actor !== null && p.uploader_user_id === actor.userId;
  if (!allowed && p.report_id) {
    const r = await repo.findReportById(deps.db, p.report_id);
    allowed = !!r && (isPublic(r) || (actor !== null && (await canRead(deps.db, actor, r))));
  }
  if (!allowed) throw notFound('report_photo');
  const data = await uploadsStorage(deps.config.dataDir).get(size === 'thumb' ? p.thumb_key : p.storage_key);
  if (!data) throw notFound('report_photo');
  return data;
}

async function attach(
  trx: Executor,
  actor: Actor,
  input: { districtId: string; photoIds: readonly string[]; reportId: string; stepId: string | null },
): Promise<void> {
  const ids = [...new Set(input.photoIds)];
  if (ids.length === 0) return;
  const n = await repo.attachPhotos(trx, {
    districtId: input.districtId,
    ids,
    uploaderUserId: actor.userId,
    reportId: input.reportId,
    stepId: input.stepId,
  });
  if (n !== ids.length) throw new AppError('REPORT_PHOTO_USED');
}

// ------------------------------------------------------------------------------------------------ submitting

export interface CreateReportInput {
  category: string;
  description: string;
  photoIds: string[];
  buildingId?: string | null;
  gridId?: string | null;
  communityId?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  coord: Coord;
  anonymous: boolean;
  visibility: 'public' | 'private';
  idempotencyKey?: string | null;
}

interface Place {
  districtId: string;
  community: { id: string; path: string };
  grid: { id: string; path: string } | null;
  building: { id: string } | null;
}

/** The community, grid and building on a node's path (the node itself included). */
async function placeOf(db: Executor, nodeId: string): Promise<Place | null> {
  const node = await findNode(db, nodeId);
  if (!node || node.archived_at) return null;
  let community: Place['community'] | null = null;
  let grid: Place['grid'] = null;
  let building: Place['building'] = null;
  for (const id of node.path.split('/').filter(Boolean)) {
    const n = id === node.id ? node : await findNode(db, id);
    if (!n || n.district_id !== node.district_id) continue;
    if (n.kind === 'community') community = { id: n.id, path: n.path };
    if (n.kind === 'grid') grid = { id: n.id, path: n.path };
    if (n.kind === 'building') building = { id: n.id };
  }
  return community ? { districtId: node.district_id, community, grid, building } : null;
}

/** Where the report is: the building, grid or community given, else the reporter's home. */
async function resolvePlace(db: Executor, actor: Actor, input: CreateReportInput): Promise<Place> {
  const given: Array<[string, string | null | undefined, 'building' | 'grid' | 'community']> = [
    ['buildingId', input.buildingId, 'building'],
    ['gridId', input.gridId, 'grid'],
    ['communityId', input.communityId, 'community'],
  ];
  for (const [field, id, kind] of given) {
    if (!id) continue;
    const node = await findNode(db, id);
    if (!node || node.kind !== kind || node.archived_at) throw invalid(field, 'v.reportPlace');
    const place = await placeOf(db, id);
    if (!place) throw new AppError('REPORT_NO_PLACE');
    return place;
  }
  const home = await findPersonHome(db, actor.userId);
  const place = home?.homeNodeId ? await placeOf(db, home.homeNodeId) : null;
  if (!place) throw new AppError('REPORT_NO_PLACE');
  return place;
}

/**
 * Submits a report (a resident, a rider, a grid worker): placed, photos attached, announced to the grid's staff. A
 * twin submission with the same key that loses the race to the unique key is answered with the winner's report.
 */
export async function createReport(deps: Deps, actor: Actor, input: CreateReportInput): Promise<ReportView> {
  try {
    return await createReportOnce(deps, actor, input);
  } catch (err) {
    const key = input.idempotencyKey;
    if (!key || !repo.isReportKeyClash(err)) throw err;
    const place = await resolvePlace(deps.db, actor, input);
    const twin = await repo.findReportByKey(deps.db, place.districtId, actor.userId, key);
    if (!twin) throw err;
    return presentOne(deps, deps.db, actor, twin);
  }
}

function createReportOnce(deps: Deps, actor: Actor, input: CreateReportInput): Promise<ReportView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const place = await resolvePlace(trx, actor, input);
    const key = input.idempotencyKey ?? null;
    if (key) {
      const existing = await repo.findReportByKey(trx, place.districtId, actor.userId, key);
      if (existing) return presentOne(deps, trx, actor, existing);
    }
    const settings = await getReportSettings(trx, place.districtId);
    const category = settings.categories.find((c) => c.key === input.category);
    if (!category) throw invalid('category', 'v.reportCategory');
    const now = deps.clock.now();
    const at = iso(now);
    const level: ReportLevel = place.grid ? 'grid' : 'community';
    const pos =
      input.lat != null && input.lng != null
        ? input.coord === 'gcj02'
          ? gcj02ToWgs84({ lat: input.lat, lng: input.lng })
          : { lat: input.lat, lng: input.lng }
        : null;
    const id = newId();
    await repo.insertReport(trx, {
      district_id: place.districtId,
      id,
      community_id: place.community.id,
      grid_id: place.grid?.id ?? null,
      building_id: place.building?.id ?? null,
      reporter_user_id: actor.userId,
      category: category.key,
      description: input.description,
      address: input.address?.trim() || null,
      lat_e7: pos ? toE7(pos.lat) : null,
      lng_e7: pos ? toE7(pos.lng) : null,
      anonymous: input.anonymous ? 1 : 0,
      visibility: input.visibility,
      status: 'submitted',
      level,
      level_since: at,
      due_at: iso(deadlineAt(level, now, settings)),
      assignee_user_id: null,
      merged_into_id: null,
      flag_count: 0,
      moderation: null,
      hidden: 0,
      supporter_count: 0,
      reward_points: null,
      rewarded_at: null,
      resolved_at: null,
      confirmed_at: null,
      closed_at: null,
      idempotency_key: key,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await attach(trx, actor, { districtId: place.districtId, photoIds: input.photoIds, reportId: id, stepId: null });
    await repo.insertStep(trx, {
      district_id: place.districtId,
      id: newId(),
      report_id: id,
      kind: 'submit',
      from_status: null,
      to_status: 'submitted',
      actor_kind: 'reporter',
      actor_user_id: actor.userId,
      note: null,
      created_at: at,
    });
    await reportSubmitted.emit(trx, deps.clock, {
      districtId: place.districtId,
      refId: id,
      payload: {
        reportId: id,
        communityId: place.community.id,
        gridId: place.grid?.id ?? null,
        category: category.key,
        categoryName: category.name,
      },
    });
    return presentOne(deps, trx, actor, must(await repo.findReportById(trx, id)));
  });
}

function must<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('internal: the report just written is missing');
  return v;
}

// ------------------------------------------------------------------------------------------------ the steps

/** Audit action of each staff step (what the routes declare). */
export const STEP_AUDIT: Partial<Record<ReportAction, string>> = {
  accept: 'report.accepted',
  assign: 'report.assigned',
  start: 'report.started',
  resolve: 'report.resolved',
  reject: 'report.rejected',
  merge: 'report.merged',
  close: 'report.closed',
};

export interface StepInput {
  note?: string | null;
  version?: number;
  photoIds?: string[];
  assigneeUserId?: string;
  intoReportId?: string;
}

/** The roles that hold report.manage (assignees). */
const MANAGER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('report.manage'));

/** Staff who may be assigned a report: holders of report.manage on its grid (or community) or above. */
async function assigneesOf(db: Executor, r: repo.ReportRow) {
  return listRoleHoldersAbove(db, r.district_id, scopePathOf(r), MANAGER_ROLES);
}

/**
 * Pays a confirmed report's reward in the caller's transaction: the category's points, cut to the reporter's daily
 * cap (their day row is locked first, so two confirmations of one person's reports never both pass the cap), posted
 * to the ledger under `report-reward:<id>` (a second posting with that key is a no-op). Returns the points paid.
 */
async function payReward(deps: Deps, trx: Executor, r: repo.ReportRow, now: Date): Promise<number> {
  const settings = await getReportSettings(trx, r.district_id);
  const category = settings.categories.find((c) => c.key === r.category);
  const base = category?.points ?? 0;
  if (base <= 0) return 0;
  const day = chinaDay(now);
  const earned = await repo.lockRewardDay(trx, r.district_id, r.reporter_user_id, day);
  const points = rewardPoints(base, earned, settings.dailyCapPoints);
  if (points <= 0) return 0;
  const person = await ensurePersonAccount(deps, trx, r.district_id, r.reporter_user_id);
  const issuance = await accountFor(deps, trx, r.district_id, {
    type: 'district',
    id: r.district_id,
    purpose: 'issuance',
  });
  const { created } = await postJournal(deps, trx, {
    districtId: r.district_id,
    type: 'award',
    // The public ledger shows the reason: an anonymous report's reward does not name its category.
    reason: r.anonymous === 1 ? '随手拍奖励' : `随手拍奖励：${category?.name ?? r.category}`,
    refType: 'report',
    refId: r.id,
    actorId: null,
    idempotencyKey: rewardKey(r.id),
    replay: 'return-first',
    communityId: r.community_id,
    postings: [
      { accountId: issuance.id, amount: -points },
      { accountId: person.id, amount: points },
    ],
  });
  if (!created) return 0;
  await repo.addRewardDay(trx, r.district_id, r.reporter_user_id, day, points);
  return points;
}

/**
 * Takes one step of the state graph in the caller's transaction: the rule check (409 REPORT_STATE naming the state
 * and the step), the write at the row's version (409 REPORT_CHANGED when someone changed it since it was read), the
 * timeline entry with its note and photos, the reward on confirmation, the status event, and the audit entry for
 * staff steps. `actor` is null for the system (jobs).
 */
export async function stepReport(
  deps: Deps,
  trx: Executor,
  row: repo.ReportRow,
  action: ReportAction,
  by: ReportActorKind,
  actor: Actor | null,
  input: StepInput,
): Promise<repo.ReportRow> {
  const from = row.status as ReportState;
  const to = stepTarget(action, from, by);
  // The refused step's message key (messages.ts report_do_*), not an audit action.
  const stepKey = `report_do_${action}`;
  if (!to) throw new AppError('REPORT_STATE', { status: `report_${from}`, action: stepKey });
  if (input.version !== undefined && input.version !== Number(row.version)) throw new AppError('REPORT_CHANGED');
  const now = deps.clock.now();
  const at = iso(now);
  const note = input.note?.trim() || null;
  const set: Updateable<ReportTable> = { status: to, updated_at: at };
  const settings = await getReportSettings(trx, row.district_id);

  if (action === 'assign') {
    const assignee = input.assigneeUserId ?? '';
    if (!(await assigneesOf(trx, row)).some((h) => h.userId === assignee)) throw new AppError('REPORT_ASSIGNEE');
    set.assignee_user_id = assignee;
  }
  if (action === 'merge') {
    const target = input.intoReportId ? await repo.findReportById(trx, input.intoReportId) : undefined;
    if (
      !target ||
      target.id === row.id ||
      target.district_id !== row.district_id ||
      target.community_id !== row.community_id ||
      !canMergeInto(target.status as ReportState) ||
      (actor !== null && !canManageReport(actor, target))
    )
      throw new AppError('REPORT_MERGE_TARGET');
    set.merged_into_id = target.id;
    set.closed_at = at;
  }
  if (action === 'resolve') set.resolved_at = at;
  if (action === 'reopen') {
    // Work is owed again: a fresh deadline at the current level.
    set.resolved_at = null;
    set.level_since = at;
    set.due_at = iso(deadlineAt(row.level as ReportLevel, now, settings));
  }
  if (action === 'reject' || action === 'close') set.closed_at = at;
  if (action === 'confirm') set.confirmed_at = at;

  if (!(await repo.updateReportAtVersion(trx, row.district_id, row.id, Number(row.version), set)))
    throw new AppError('REPORT_CHANGED');
  const version = Number(row.version) + 1;
  let next: repo.ReportRow = { ...row, ...set, version };

  const stepId = newId();
  await repo.insertStep(trx, {
    district_id: row.district_id,
    id: stepId,
    report_id: row.id,
    kind: action,
    from_status: from,
    to_status: to,
    actor_kind: by,
    actor_user_id: actor?.userId ?? null,
    note,
    created_at: at,
  });
  if (actor && input.photoIds && input.photoIds.length > 0)
    await attach(trx, actor, { districtId: row.district_id, photoIds: input.photoIds, reportId: row.id, stepId });

  let reward: number | null = null;
  if (action === 'confirm') {
    reward = await payReward(deps, trx, next, now);
    await repo.setReportFields(trx, row.district_id, row.id, { reward_points: reward, rewarded_at: at });
    next = { ...next, reward_points: reward, rewarded_at: at };
  }

  const category = settings.categories.find((c) => c.key === row.category);
  await reportStatusChanged.emit(trx, deps.clock, {
    districtId: row.district_id,
    refId: `${row.id}:${version}`,
    payload: {
      reportId: row.id,
      reporterUserId: row.reporter_user_id,
      actorUserId: actor?.userId ?? null,
      from,
      to,
      categoryName: category?.name ?? row.category,
      assigneeUserId: next.assignee_user_id,
      supporterUserIds: await repo.supportersOf(trx, row.district_id, row.id),
      note,
      rewardPoints: reward,
    },
  });
  const auditAction = by === 'staff' ? STEP_AUDIT[action] : by === 'system' ? `report.auto_${action}` : undefined;
  if (auditAction) {
    await recordAudit(trx, deps.clock, actor, {
      districtId: row.district_id,
      action: auditAction,
      targetType: 'report',
      targetId: row.id,
      scopeNodeId: row.grid_id ?? row.community_id,
      scopePath: scopePathOf(row),
      details: {
        from,
        to,
        note,
        ...(set.assignee_user_id ? { assigneeUserId: set.assignee_user_id } : {}),
        ...(set.merged_into_id ? { intoReportId: set.merged_into_id } : {}),
        ...(reward !== null ? { rewardPoints: reward } : {}),
      },
    });
  }
  return next;
}

/** A staff step (accept, assign, start, resolve, reject, merge, close) on a report in the actor's scope. */
export function staffStep(
  deps: Deps,
  actor: Actor,
  id: string,
  action: ReportAction,
  input: StepInput,
): Promise<ReportView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findReportById(trx, id);
    if (!row || !canManageReport(actor, row)) throw notFound('report');
    const next = await stepReport(deps, trx, row, action, 'staff', actor, input);
    return presentOne(deps, trx, actor, next);
  });
}

/**
 * The reporter confirms the fix (and earns the reward) or says it is not fixed (reopen). A confirmation retried after
 * it succeeded answers the report as it is, paying nothing again.
 */
export function reporterStep(
  deps: Deps,
  actor: Actor,
  id: string,
  action: 'confirm' | 'reopen',
  input: StepInput,
): Promise<ReportView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findReportById(trx, id);
    if (!row || !isReporter(actor, row)) throw notFound('report');
    if (action === 'confirm' && (row.status === 'confirmed' || row.status === 'closed'))
      return presentOne(deps, trx, actor, row);
    const next = await stepReport(deps, trx, row, action, 'reporter', actor, input);
    return presentOne(deps, trx, actor, next);
  });
}

/** The staff who may be assigned a report (for the console's picker). */
export async function listReportAssignees(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findReportById(deps.db, id);
  if (!row || !canManageReport(actor, row)) throw notFound('report');
  const holders = await assigneesOf(deps.db, row);
  const names = await displayNamesOf(
    deps.db,
    holders.map((h) => h.userId),
  );
  const full = await Promise.all(
    holders.map(async (h) => {
      const nodeId = h.path.split('/').filter(Boolean).at(-1) ?? '';
      const node = await findNode(deps.db, nodeId);
      return { userId: h.userId, nodeName: node?.name ?? '', kind: node?.kind ?? '' };
    }),
  );
  const seen = new Set<string>();
  const items: Array<{ userId: string; name: string; role: string; nodeName: string }> = [];
  for (const h of full) {
    if (seen.has(h.userId)) continue;
    seen.add(h.userId);
    items.push({ userId: h.userId, name: names.get(h.userId) ?? '', role: roleAt(h.kind), nodeName: h.nodeName });
  }
  return { items };
}

/** The report.manage role held on a node of this kind. */
function roleAt(kind: string): string {
  const roles: Record<string, string> = {
    grid: 'grid_worker',
    community: 'community_admin',
    street: 'street_admin',
    district: 'district_admin',
  };
  return roles[kind] ?? kind;
}

// ------------------------------------------------------------------------------------------------ joining, flags

/** Adds the actor to an open report (这是同一个问题，我也反映): they follow it and it counts one more voice. */
/** The refused step's message key for joining (messages.ts), not an audit action. */
const JOIN_STEP_KEY = 'report_do_join';

export function joinReport(deps: Deps, actor: Actor, id: string): Promise<ReportView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findReportById(trx, id);
    if (!row || !(isPublic(row) || canManageReport(actor, row) || isReporter(actor, row))) throw notFound('report');
    if (isReporter(actor, row)) return presentOne(deps, trx, actor, row);
    if (!isOpen(row.status as ReportState))
      throw new AppError('REPORT_STATE', { status: `report_${row.status}`, action: JOIN_STEP_KEY });
    const at = iso(deps.clock.now());
    if (
      await repo.insertSupporter(trx, {
        district_id: row.district_id,
        report_id: row.id,
        user_id: actor.userId,
        created_at: at,
      })
    ) {
      await repo.bumpSupporterCount(trx, row.district_id, row.id);
    }
    return presentOne(deps, trx, actor, must(await repo.findReportById(trx, id)));
  });
}

/**
 * A person flags a public report as abusive (once per person). When the district's threshold of different people is
 * reached it is hidden from the public board until a moderator decides; a moderator's "show" stands against more flags.
 */
export function flagReport(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { reason: string; note?: string | null },
): Promise<{ flagged: boolean; hidden: boolean }> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findReportById(trx, id);
    if (!row || !(isPublic(row) || canManageReport(actor, row))) throw notFound('report');
    if (isReporter(actor, row)) return { flagged: false, hidden: row.hidden === 1 };
    const at = iso(deps.clock.now());
    const added = await repo.insertFlag(trx, {
      district_id: row.district_id,
      report_id: row.id,
      user_id: actor.userId,
      reason: input.reason,
      note: input.note?.trim() || null,
      created_at: at,
    });
    if (!added) return { flagged: true, hidden: row.hidden === 1 };
    const count = await repo.bumpFlagCount(trx, row.district_id, row.id);
    const settings = await getReportSettings(trx, row.district_id);
    if (row.hidden === 0 && hiddenByFlags(count, settings.flagThreshold, row.moderation === 'show')) {
      await repo.setReportFields(trx, row.district_id, row.id, { hidden: 1 });
      await repo.insertStep(trx, {
        district_id: row.district_id,
        id: newId(),
        report_id: row.id,
        kind: 'hide',
        from_status: null,
        to_status: null,
        actor_kind: 'system',
        actor_user_id: null,
        note: null,
        created_at: at,
      });
      return { flagged: true, hidden: true };
    }
    return { flagged: true, hidden: row.hidden === 1 };
  });
}

/** A moderator (staff in scope) shows a flagged report again or keeps it hidden; audited. */
export function moderateReport(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { decision: 'show' | 'hide'; note?: string | null },
): Promise<ReportView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findReportById(trx, id);
    if (!row || !canManageReport(actor, row)) throw notFound('report');
    const at = iso(deps.clock.now());
    const note = input.note?.trim() || null;
    await repo.setReportFields(trx, row.district_id, row.id, {
      hidden: input.decision === 'hide' ? 1 : 0,
      moderation: input.decision,
      updated_at: at,
    });
    await repo.insertStep(trx, {
      district_id: row.district_id,
      id: newId(),
      report_id: row.id,
      kind: input.decision,
      from_status: null,
      to_status: null,
      actor_kind: 'staff',
      actor_user_id: actor.userId,
      note,
      created_at: at,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: row.district_id,
      action: 'report.moderated',
      targetType: 'report',
      targetId: row.id,
      scopeNodeId: row.grid_id ?? row.community_id,
      scopePath: scopePathOf(row),
      details: { decision: input.decision, note, flags: Number(row.flag_count) },
    });
    return presentOne(deps, trx, actor, must(await repo.findReportById(trx, id)));
  });
}
