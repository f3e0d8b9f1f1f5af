// Request and response schemas of the grid reports routes (随手拍). Services take the z.output types (what the route
// hands them); clients send the z.input types. Coordinates travel in the system named by `coord` (wgs84 by default;
// gcj02 from 高德/腾讯/WeChat) and are stored as WGS-84.
import { z } from 'zod';
import { COORD_SYSTEMS } from '../../platform/geo.js';
import { boolQuery, countedPageOf, cursorSchema, idSchema, limitSchema, pageOf } from '../../platform/schemas.js';
import {
  FLAG_REASONS,
  MAX_PHOTOS,
  MODERATION_DECISIONS,
  REPORT_ACTIONS,
  REPORT_LEVELS,
  REPORT_STATES,
  REPORT_VISIBILITIES,
  TIMELINE_ACTOR_KINDS,
  TIMELINE_KINDS,
} from './reports.rules.js';

export const reportParams = z.object({ id: idSchema });
export const photoParams = z.object({ id: idSchema });
export const districtParams = z.object({ districtId: idSchema });

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `v.text:${max}` })
    .max(max, { message: `v.text:${max}` });
const note = z.string().trim().max(500).nullish();
const version = z.number().int().min(1).optional().describe('the version the client saw; a stale one answers 409');

const coord = z.enum(COORD_SYSTEMS).default('wgs84').describe('coordinate system of lat/lng given and returned');
const lat = z.number({ message: 'v.lat' }).min(-90, { message: 'v.lat' }).max(90, { message: 'v.lat' });
const lng = z.number({ message: 'v.lng' }).min(-180, { message: 'v.lng' }).max(180, { message: 'v.lng' });
const latQuery = z.coerce.number({ message: 'v.lat' }).min(-90, { message: 'v.lat' }).max(90, { message: 'v.lat' });
const lngQuery = z.coerce.number({ message: 'v.lng' }).min(-180, { message: 'v.lng' }).max(180, { message: 'v.lng' });
const photoIds = z.array(idSchema).max(MAX_PHOTOS, { message: `v.photos:${MAX_PHOTOS}` });

// ------------------------------------------------------------------------------------------------ responses

export const reportPhotoSchema = z
  .object({
    id: z.string(),
    url: z.string().describe('GET: the phone-sized JPEG (max 1600 px, no metadata)'),
    thumbUrl: z.string().describe('GET: the 320 px thumbnail'),
    width: z.number().int(),
    height: z.number().int(),
  })
  .describe('ReportPhoto');

export const reportStepSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    from: z.enum(REPORT_STATES).nullable(),
    to: z.enum(REPORT_STATES).nullable(),
    actorKind: z.enum(TIMELINE_ACTOR_KINDS),
    actorName: z
      .string()
      .nullable()
      .describe('staff names for staff and the reporter; null on the public board and for anonymous reporters'),
    note: z.string().nullable(),
    photos: z.array(reportPhotoSchema),
    at: z.string(),
  })
  .describe('ReportStep');

export const reportSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    gridId: z.string().nullable(),
    gridName: z.string().nullable(),
    buildingId: z.string().nullable(),
    buildingName: z.string().nullable(),
    category: z.string(),
    categoryName: z.string(),
    description: z.string(),
    address: z.string().nullable().describe('the place in words (staff and the reporter)'),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    coord: z.enum(COORD_SYSTEMS),
    anonymous: z.boolean(),
    visibility: z.enum(REPORT_VISIBILITIES),
    status: z.enum(REPORT_STATES),
    level: z.enum(REPORT_LEVELS).describe('who handles it now: grid → community → street'),
    dueAt: z.string().nullable().describe('deadline at the current level while open'),
    overdue: z.boolean().describe('open and past the current level’s deadline (dueAt)'),
    escalatedFrom: z
      .enum(REPORT_LEVELS)
      .nullable()
      .describe('open and escalated: the level whose time limit it broke (the one before `level`); else null'),
    reporterUserId: z.string().nullable().describe('null for staff when the report is anonymous'),
    reporterName: z.string().nullable().describe('null for staff when the report is anonymous'),
    mine: z.boolean().describe('the actor reported it'),
    joined: z.boolean().describe('the actor added themselves to it (joinReport)'),
    supporterCount: z.number().int().describe('people who joined the report'),
    assigneeUserId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    mergedIntoId: z.string().nullable(),
    photos: z.array(reportPhotoSchema),
    hidden: z.boolean().describe('hidden from the public board (flagged, awaiting a moderator, or hidden by one)'),
    flagCount: z.number().int().describe('staff only (0 for others)'),
    moderation: z
      .enum(MODERATION_DECISIONS)
      .nullable()
      .describe('staff only: a moderator’s decision on flagged content (show / hide), null while undecided'),
    rewardPoints: z.number().int().nullable().describe('the reporter only: points earned when confirmed'),
    createdAt: z.string(),
    updatedAt: z.string(),
    resolvedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    autoConfirmAt: z.string().nullable().describe('when resolved: the moment it is confirmed automatically'),
    version: z.number().int(),
    actions: z.array(z.enum(REPORT_ACTIONS)).describe('the steps the actor may take now'),
    canFlag: z.boolean(),
    canJoin: z.boolean(),
    canModerate: z.boolean(),
  })
  .describe('Report');

export const reportDetailSchema = reportSchema.extend({ timeline: z.array(reportStepSchema) }).describe('ReportDetail');

export const reportListSchema = countedPageOf(reportSchema)
  .extend({
    byStatus: z
      .partialRecord(z.enum(REPORT_STATES), z.number().int())
      .describe('reports of the filtered list per state (ignoring the status filter)'),
    overdueCount: z
      .number()
      .int()
      .describe('reports of the filtered list past their current deadline (ignoring the status filter)'),
    escalatedCount: z
      .number()
      .int()
      .describe('open reports of the filtered list escalated above their first level (ignoring the status filter)'),
  })
  .describe('ReportList');

export const myReportListSchema = pageOf(reportSchema).describe('MyReportList');

export const nearbyReportSchema = z
  .object({
    id: z.string(),
    category: z.string(),
    categoryName: z.string(),
    description: z.string(),
    status: z.enum(REPORT_STATES),
    gridName: z.string().nullable(),
    communityName: z.string(),
    distanceMetres: z.number().int(),
    supporterCount: z.number().int(),
    thumbUrl: z.string().nullable(),
    mine: z.boolean(),
    joined: z.boolean(),
    createdAt: z.string(),
  })
  .describe('NearbyReport');

export const nearbyReportListSchema = z
  .object({ items: z.array(nearbyReportSchema), radiusMetres: z.number().int() })
  .describe('NearbyReportList');

export const publicReportSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityName: z.string(),
    gridName: z.string().nullable(),
    category: z.string(),
    categoryName: z.string(),
    description: z.string(),
    status: z.enum(REPORT_STATES),
    level: z.enum(REPORT_LEVELS),
    supporterCount: z.number().int(),
    photos: z.array(reportPhotoSchema),
    timeline: z.array(reportStepSchema).describe('actorName is always null here'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('PublicReport: no reporter identity, place at grid level only');

export const publicReportListSchema = pageOf(publicReportSchema).describe('PublicReportList');

export const uploadedPhotoSchema = reportPhotoSchema
  .extend({ bytes: z.number().int().describe('size of the stored phone-sized JPEG') })
  .describe('UploadedReportPhoto');

export const reportAssigneeSchema = z
  .object({ userId: z.string(), name: z.string(), role: z.string(), nodeName: z.string() })
  .describe('ReportAssignee');
export const reportAssigneeListSchema = z.object({ items: z.array(reportAssigneeSchema) }).describe('ReportAssignees');

export const flagResultSchema = z
  .object({
    flagged: z.boolean().describe('the actor’s flag is recorded (also when they had flagged before)'),
    hidden: z.boolean().describe('the report is now hidden from the public board'),
  })
  .describe('FlagResult');

export const reportStatsSchema = z
  .object({
    total: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int().describe('open and past the current level’s deadline'),
    escalated: z.number().int().describe('open and escalated above the level they started at'),
    resolved: z.number().int().describe('resolved, confirmed or closed'),
    resolvedWithinGrid: z.number().int().describe('of those, never escalated beyond the grid (小事不出网格)'),
    withinGridRate: z.number().nullable().describe('resolvedWithinGrid / resolved, 0–1; null with none resolved'),
    byStatus: z.partialRecord(z.enum(REPORT_STATES), z.number().int()),
    byLevel: z.partialRecord(z.enum(REPORT_LEVELS), z.number().int()).describe('open reports per level'),
  })
  .describe('ReportStats');

export const reportCategorySchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,29}$/),
    name: z.string().trim().min(1).max(20),
    points: z.number().int().min(0).max(1000).describe('reward points when a report is confirmed (0: none)'),
  })
  .describe('ReportCategory');

export const reportSettingsSchema = z
  .object({
    categories: z.array(reportCategorySchema).min(1).max(40),
    dailyCapPoints: z.number().int().min(0).max(10_000).describe('report reward points per person per China day'),
    gridHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    communityHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    streetHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
    autoConfirmDays: z.number().int().min(1).max(60),
    flagThreshold: z.number().int().min(1).max(50),
  })
  .describe('ReportSettings');

export const reportGridSchema = z.object({ id: z.string(), name: z.string() }).describe('ReportGrid');

export const reportCategoriesSchema = z
  .object({
    districtId: z.string(),
    communityId: z
      .string()
      .nullable()
      .describe('the community asked about (else the actor’s home community in that district; null without one)'),
    grids: z.array(reportGridSchema).describe('the live grids of that community, for the place picker'),
    categories: z.array(reportCategorySchema),
  })
  .describe('ReportCategories');

// ------------------------------------------------------------------------------------------------ requests

export const createReportBody = z
  .object({
    category: z.string().trim().min(1).max(30),
    description: text(1000),
    photoIds: photoIds.default([]).describe('ids from uploadReportPhoto, up to 6'),
    buildingId: idSchema.nullish().describe('the building (its grid and community follow)'),
    gridId: idSchema.nullish().describe('the grid, when no building is given'),
    communityId: idSchema.nullish().describe('the community, when neither is given (else the reporter’s home)'),
    address: text(200).nullish(),
    lat: lat.nullish(),
    lng: lng.nullish(),
    coord,
    anonymous: z.boolean().default(false).describe('hide the reporter from staff and the public'),
    visibility: z.enum(REPORT_VISIBILITIES).default('public').describe('private: never on the public board'),
    idempotencyKey: z.string().min(8).max(100).nullish().describe('a retried submission answers the same report'),
  })
  .refine((b) => (b.lat == null) === (b.lng == null), { message: 'v.latLngPair', path: ['lng'] })
  .describe('CreateReport');

export const uploadReportPhotoBody = z
  .object({
    contentBase64: z
      .string()
      .min(1)
      .max(15_000_000)
      .describe('the image file, base64 (jpeg, png, webp or heic; ≤ 10 MB, ≤ 40 megapixels)'),
    filename: z.string().max(200).nullish().describe('informative only: the type is read from the content'),
    districtId: idSchema.nullish().describe('the district of the report (defaults to the actor’s home district)'),
    communityId: idSchema
      .nullish()
      .describe('the community the report will be in: its district is the photo’s (anyone may name any live one)'),
  })
  .describe('UploadReportPhoto');

export const photoQuery = z.object({ size: z.enum(['full', 'thumb']).default('full') });

export const nearbyReportsQuery = z.object({
  category: z.string().trim().min(1).max(30),
  lat: latQuery,
  lng: lngQuery,
  coord,
  districtId: idSchema.optional().describe('defaults to the actor’s home district'),
  communityId: idSchema.optional().describe('the community the report will be in: look in its district'),
});

export const listReportsQuery = z.object({
  status: z.enum(REPORT_STATES).optional(),
  category: z.string().max(30).optional(),
  level: z.enum(REPORT_LEVELS).optional(),
  overdue: boolQuery.describe('only open reports past their current deadline'),
  escalated: boolQuery.describe('only open reports escalated above the level they started at'),
  flagged: boolQuery.describe('the moderation queue: flagged or hidden reports no moderator has decided yet'),
  communityId: idSchema.optional(),
  gridId: idSchema.optional(),
  q: z.string().max(50).optional(),
  limit: limitSchema(20, 200),
  cursor: cursorSchema,
});

export const listMyReportsQuery = z.object({
  status: z.enum(REPORT_STATES).optional(),
  limit: limitSchema(20, 100),
  cursor: cursorSchema,
});

export const listPublicReportsQuery = z.object({
  districtId: idSchema,
  communityId: idSchema.optional(),
  category: z.string().max(30).optional(),
  status: z.enum(REPORT_STATES).optional(),
  limit: limitSchema(20, 100),
  cursor: cursorSchema,
});

export const reportStatsQuery = z.object({
  communityId: idSchema.optional(),
  since: z.string().optional().describe('ISO date: reports created from then on'),
});

export const reportCategoriesQuery = z.object({
  districtId: idSchema.optional().describe('any live district (default: the actor’s home district)'),
  communityId: idSchema
    .optional()
    .describe('the community the report will be in (anyone, e.g. a rider passing through): its district and grids'),
});

export const stepBody = z.object({ note, version }).describe('ReportStepNote');
export const assignReportBody = z
  .object({ assigneeUserId: idSchema, note, version })
  .describe('AssignReport: a staff member holding report.manage over the report');
export const resolveReportBody = z
  .object({ note: text(500), photoIds: photoIds.default([]), version })
  .describe('ResolveReport: what was done, with photos');
export const reopenReportBody = z.object({ note: text(500), version }).describe('ReopenReport: why it is not fixed');
export const rejectReportBody = z.object({ note: text(500), version }).describe('RejectReport: the reason');
export const mergeReportBody = z
  .object({ intoReportId: idSchema, note, version })
  .describe('MergeReport: this report is a duplicate of intoReportId');
export const flagReportBody = z
  .object({ reason: z.enum(FLAG_REASONS), note: z.string().trim().max(200).nullish() })
  .describe('FlagReport');
export const moderateReportBody = z
  .object({ decision: z.enum(MODERATION_DECISIONS), note })
  .describe('ModerateReport: show again or keep hidden');
export const updateReportSettingsBody = reportSettingsSchema.partial().describe('UpdateReportSettings');

export type CreateReportBody = z.input<typeof createReportBody>;
export type UploadReportPhotoBody = z.input<typeof uploadReportPhotoBody>;
export type NearbyReportsQuery = z.input<typeof nearbyReportsQuery>;
export type ListReportsQuery = z.input<typeof listReportsQuery>;
export type ListMyReportsQuery = z.input<typeof listMyReportsQuery>;
export type ListPublicReportsQuery = z.input<typeof listPublicReportsQuery>;
export type ReportStatsQuery = z.input<typeof reportStatsQuery>;
export type StepBody = z.input<typeof stepBody>;
export type AssignReportBody = z.input<typeof assignReportBody>;
export type ResolveReportBody = z.input<typeof resolveReportBody>;
export type ReopenReportBody = z.input<typeof reopenReportBody>;
export type RejectReportBody = z.input<typeof rejectReportBody>;
export type MergeReportBody = z.input<typeof mergeReportBody>;
export type FlagReportBody = z.input<typeof flagReportBody>;
export type ModerateReportBody = z.input<typeof moderateReportBody>;
export type UpdateReportSettingsBody = z.input<typeof updateReportSettingsBody>;

export type ReportView = z.output<typeof reportSchema>;
export type ReportDetailView = z.output<typeof reportDetailSchema>;
export type ReportStepView = z.output<typeof reportStepSchema>;
export type ReportPhotoView = z.output<typeof reportPhotoSchema>;
export type ReportListView = z.output<typeof reportListSchema>;
export type MyReportListView = z.output<typeof myReportListSchema>;
export type NearbyReportView = z.output<typeof nearbyReportSchema>;
export type NearbyReportListView = z.output<typeof nearbyReportListSchema>;
export type PublicReportView = z.output<typeof publicReportSchema>;
export type PublicReportListView = z.output<typeof publicReportListSchema>;
export type UploadedPhotoView = z.output<typeof uploadedPhotoSchema>;
export type ReportAssigneeListView = z.output<typeof reportAssigneeListSchema>;
export type ReportStatsView = z.output<typeof reportStatsSchema>;
export type ReportSettingsView = z.output<typeof reportSettingsSchema>;
export type ReportCategoriesView = z.output<typeof reportCategoriesSchema>;
export type ReportGridView = z.output<typeof reportGridSchema>;
export type FlagResultView = z.output<typeof flagResultSchema>;

// The routes (for the screens): POST /api/v1/reports createReport · GET /api/v1/reports listReports (staff) ·
// GET /api/v1/reports/mine listMyReports · GET /api/v1/reports/nearby listNearbyOpenReports ·
// GET /api/v1/reports/stats getReportStats · GET /api/v1/reports/:id getReport ·
// POST /api/v1/reports/:id/{accept,assign,start,resolve,confirm,reopen,reject,merge,close,join,flag,moderate}
// (acceptReport … moderateReport, joinReport) · GET /api/v1/reports/:id/assignees listReportAssignees ·
// POST /api/v1/report-photos uploadReportPhoto · GET /api/v1/report-photos/:id?size=thumb getReportPhoto ·
// GET /api/v1/public/reports?districtId= listPublicReports (no login) · GET /api/v1/public/reports/:id
// getPublicReport (no login) · GET /api/v1/report-categories listReportCategories ·
// GET|PATCH /api/v1/districts/:districtId/report-settings getReportSettings / updateReportSettings.
