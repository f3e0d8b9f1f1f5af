// Request and response schemas of the needs routes. Services take the z.output types (what the route hands them);
// clients send the z.input types.
import { z } from 'zod';
import { countedPageOf, cursorSchema, idSchema, limitSchema, phoneSchema } from '../../platform/schemas.js';
import { BENEFICIARY_GROUPS, NEED_STATES, PRIVACIES, TRIAGE_DECISIONS, URGENCIES } from './needs.rules.js';

export const needParams = z.object({ id: idSchema });

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `v.name:${max}` })
    .max(max, { message: `v.name:${max}` });

/** An ISO-8601 time, normalised to UTC (…Z) so stored times compare as text. */
const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), { message: 'v.date' })
  .transform((s) => new Date(s).toISOString());

// ------------------------------------------------------------------------------------------------ responses

export const needSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    gridId: z.string().nullable(),
    gridName: z.string().nullable(),
    buildingId: z.string().nullable(),
    requesterUserId: z.string(),
    requesterName: z.string(),
    requesterPhoneMasked: z.string().nullable().describe('staff only'),
    recordedByUserId: z.string().nullable().describe('staff who recorded it for the resident (代录)'),
    category: z.string(),
    categoryName: z.string(),
    title: z.string(),
    description: z.string(),
    urgency: z.enum(URGENCIES),
    beneficiaryGroup: z.enum(BENEFICIARY_GROUPS),
    place: z.string().nullable().describe('staff and the requester only'),
    windowStart: z.string().nullable(),
    windowEnd: z.string().nullable(),
    privacy: z.enum(PRIVACIES),
    peopleNeeded: z.number().int(),
    status: z.enum(NEED_STATES),
    statusReason: z.string().nullable(),
    projectId: z.string().nullable(),
    triagedAt: z.string().nullable(),
    triageNote: z.string().nullable().describe('staff only'),
    doneAt: z.string().nullable(),
    rating: z.number().int().nullable(),
    ratingComment: z.string().nullable(),
    ratedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    canManage: z.boolean(),
    canWithdraw: z.boolean(),
    canRate: z.boolean(),
  })
  .describe('Need');

export const needStepSchema = z.object({
  from: z.enum(NEED_STATES).nullable(),
  to: z.enum(NEED_STATES),
  at: z.string(),
  reason: z.string().nullable(),
});

export const needDetailSchema = needSchema.extend({ timeline: z.array(needStepSchema) }).describe('NeedDetail');

export const needListSchema = countedPageOf(needSchema)
  .extend({
    byStatus: z.partialRecord(z.enum(NEED_STATES), z.number().int()).describe('needs of the filtered list per state'),
  })
  .describe('NeedList');

export const needCategoriesSchema = z
  .object({
    districtId: z.string(),
    categories: z.array(z.object({ key: z.string(), name: z.string(), skills: z.array(z.string()) })),
  })
  .describe('NeedCategories');

// ------------------------------------------------------------------------------------------------ requests

export const needCategoriesQuery = z.object({ districtId: idSchema.optional() });

export const createNeedBody = z
  .object({
    category: z.string().trim().min(1).max(30),
    title: text(60).nullish(),
    description: text(1000),
    urgency: z.enum(URGENCIES).optional(),
    beneficiaryGroup: z.enum(BENEFICIARY_GROUPS).optional(),
    place: text(200).nullish(),
    windowStart: isoTime.nullish(),
    windowEnd: isoTime.nullish(),
    privacy: z.enum(PRIVACIES).optional(),
    peopleNeeded: z.number().int().min(1).max(50).optional(),
    requesterPhone: phoneSchema.nullish().describe('staff recording for a resident (代录): the resident’s phone'),
    requesterUserId: idSchema.nullish().describe('staff recording for a resident (代录): the resident’s id'),
    communityId: idSchema.nullish().describe('staff only: the community (defaults to the resident’s home)'),
  })
  .describe('CreateNeed');

export const listNeedsQuery = z.object({
  mine: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  status: z.enum(NEED_STATES).optional(),
  category: z.string().max(30).optional(),
  urgency: z.enum(URGENCIES).optional(),
  communityId: idSchema.optional(),
  q: z.string().max(50).optional(),
  limit: limitSchema(20, 200),
  cursor: cursorSchema,
});

export const triageNeedBody = z
  .object({
    decision: z.enum(TRIAGE_DECISIONS),
    category: z.string().trim().min(1).max(30).optional(),
    urgency: z.enum(URGENCIES).optional(),
    peopleNeeded: z.number().int().min(1).max(50).optional(),
    note: z.string().trim().max(500).nullish(),
    reason: z.string().trim().max(200).nullish(),
    version: z.number().int().min(1).optional(),
  })
  .describe('TriageNeed');

export const withdrawNeedBody = z.object({ reason: z.string().trim().max(200).nullish() }).describe('WithdrawNeed');

export const rateNeedBody = z
  .object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(500).nullish() })
  .describe('RateNeed');

export type CreateNeedBody = z.input<typeof createNeedBody>;
export type ListNeedsQuery = z.input<typeof listNeedsQuery>;
export type TriageNeedBody = z.input<typeof triageNeedBody>;
export type RateNeedBody = z.input<typeof rateNeedBody>;
export type WithdrawNeedBody = z.input<typeof withdrawNeedBody>;
export type NeedView = z.output<typeof needSchema>;
export type NeedDetailView = z.output<typeof needDetailSchema>;
export type NeedListView = z.output<typeof needListSchema>;
