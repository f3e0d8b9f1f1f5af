// Request and response schemas of the care registry (关爱台账).
import { z } from 'zod';
import { cursorSchema, idNumberSchema, idSchema, limitSchema, phoneSchema } from '../../platform/schemas.js';
import { CARE_ALERTS, CARE_CATEGORIES, CARE_TIERS, VISIT_OUTCOMES } from './care.rules.js';

const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { message: `v.text:${max}` })
    .max(max, { message: `v.text:${max}` });
const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), { message: 'v.date' })
  .transform((s) => new Date(s).toISOString());

export const idParams = z.object({ id: idSchema });

export const createSubjectBody = z.object({
  /** The subject's community, or a grid of it (scopes who manages them). */
  nodeId: idSchema,
  /** A resident with an account is found by this phone; without one, the phone is kept encrypted. */
  name: text(30),
  phone: phoneSchema.optional(),
  idNumber: idNumberSchema.optional(),
  address: text(200).optional(),
  categories: z.array(z.enum(CARE_CATEGORIES)).min(1).max(CARE_CATEGORIES.length),
  tier: z.enum(CARE_TIERS),
  /** Days between visits; defaults to the tier's (7/90/180). */
  intervalDays: z.number().int().min(1).max(366).optional(),
  note: text(500, 0).optional(),
});

export const updateTierBody = z.object({
  tier: z.enum(CARE_TIERS),
  intervalDays: z.number().int().min(1).max(366).optional(),
});

export const assignVisitorBody = z.object({
  /** The visitor: a grid worker (or other care staff) over the subject, or an approved volunteer of its community. */
  phone: phoneSchema,
});

export const logVisitBody = z.object({
  /** When the visit happened; defaults to now (not in the future). */
  visitedAt: isoTime.optional(),
  findings: text(1000),
  outcome: z.enum(VISIT_OUTCOMES),
  /** With needs_help: the needs category the need is raised in (the district's needs categories). */
  needCategory: z.string().trim().min(1).max(40).optional(),
  emergency: z.boolean().default(false),
});

export const listQuery = z.object({
  cursor: cursorSchema,
  limit: limitSchema(50, 200),
  alert: z.enum(CARE_ALERTS).optional(),
  tier: z.enum(CARE_TIERS).optional(),
});

const visitorSchema = z.object({ userId: z.string(), name: z.string(), kind: z.enum(['staff', 'volunteer']) });

export const visitSchema = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  visitorName: z.string(),
  visitedAt: z.string(),
  findings: z.string(),
  outcome: z.enum(VISIT_OUTCOMES),
  needCategory: z.string().nullable(),
  needId: z.string().nullable(),
  emergency: z.boolean(),
});

export const subjectSummarySchema = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  /** Masked (张*华). */
  name: z.string(),
  addressMasked: z.string().nullable(),
  categories: z.array(z.enum(CARE_CATEGORIES)),
  tier: z.enum(CARE_TIERS),
  intervalDays: z.number().int(),
  lastVisitAt: z.string().nullable(),
  nextVisitAt: z.string(),
  emergency: z.boolean(),
  alert: z.enum(CARE_ALERTS),
  daysOverdue: z.number().int(),
  visitorNames: z.array(z.string()),
});

export const subjectSchema = subjectSummarySchema.extend({
  /** In full: the reader is the subject's manager or assigned visitor (the read is logged). */
  fullName: z.string(),
  phone: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  address: z.string().nullable(),
  hasAccount: z.boolean(),
  note: z.string(),
  visitors: z.array(visitorSchema),
  visits: z.array(visitSchema),
  canManage: z.boolean(),
  canVisit: z.boolean(),
});

export const subjectPage = z.object({ items: z.array(subjectSummarySchema), nextCursor: z.string().nullable() });
export const visitPage = z.object({ items: z.array(visitSchema), nextCursor: z.string().nullable() });

export type CreateCareSubject = z.output<typeof createSubjectBody>;
export type UpdateCareTier = z.output<typeof updateTierBody>;
export type AssignCareVisitor = z.output<typeof assignVisitorBody>;
export type LogCareVisit = z.output<typeof logVisitBody>;
export type ListCare = z.output<typeof listQuery>;
export type CareSubject = z.output<typeof subjectSchema>;
export type CareSubjectSummary = z.output<typeof subjectSummarySchema>;
export type CareVisit = z.output<typeof visitSchema>;
export type CareSubjectPage = z.output<typeof subjectPage>;
export type CareVisitPage = z.output<typeof visitPage>;
export type CreateCareSubjectInput = z.input<typeof createSubjectBody>;
export type LogCareVisitInput = z.input<typeof logVisitBody>;
