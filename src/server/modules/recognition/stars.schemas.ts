// Request and response schemas of star levels, their publicity (公示) and objections.
import { z } from 'zod';
import { idSchema } from '../../platform/schemas.js';
import { STAR_FINDINGS, STAR_STATUSES } from './stars.rules.js';

export const idParams = z.object({ id: idSchema });

export const starPromotionSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    level: z.number().int(),
    status: z.enum(STAR_STATUSES),
    /** China dates (YYYY-MM-DD): published on, last working day of the publicity period. */
    publicityFrom: z.string(),
    publicityUntil: z.string(),
    effectiveAt: z.string().nullable(),
    decision: z.enum(['uphold', 'reject']).nullable(),
    finding: z.enum(STAR_FINDINGS).nullable(),
    decisionNote: z.string().nullable(),
    blockedUntil: z.string().nullable(),
  })
  .describe('StarPromotion');

export const starLevelsSchema = z
  .object({
    items: z.array(
      z.object({
        districtId: z.string(),
        volunteerId: z.string(),
        acceptedMinutes: z.number().int(),
        computedLevel: z.number().int(),
        effectiveLevel: z.number().int(),
        thresholdsHours: z.array(z.number().int()),
        current: starPromotionSchema.nullable(),
        blockedUntil: z.string().nullable(),
        history: z.array(starPromotionSchema),
      }),
    ),
  })
  .describe('StarLevels');

export const publicityQuery = z.object({ districtId: idSchema, communityId: idSchema.optional() });

export const publicityItemSchema = z
  .object({
    id: z.string(),
    nameMasked: z.string(),
    level: z.number().int(),
    status: z.enum(['in_publicity', 'objected']),
    communityName: z.string().nullable(),
    teamName: z.string().nullable(),
    publicityFrom: z.string(),
    publicityUntil: z.string(),
    objectedByMe: z.boolean(),
  })
  .describe('StarPublicityItem');

export const publicityListSchema = z.object({ items: z.array(publicityItemSchema) }).describe('StarPublicityList');

export const objectBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const objectionResultSchema = z.object({ id: z.string(), status: z.enum(STAR_STATUSES) });

export const staffListQuery = z.object({ status: z.enum(STAR_STATUSES).optional() });

export const staffPromotionSchema = starPromotionSchema
  .extend({
    userId: z.string(),
    volunteerId: z.string(),
    nameMasked: z.string(),
    communityName: z.string().nullable(),
    teamName: z.string().nullable(),
    acceptedMinutes: z.number().int(),
    objections: z.array(z.object({ id: z.string(), reason: z.string(), createdAt: z.string() })),
  })
  .describe('StaffStarPromotion');

export const staffListSchema = z.object({ items: z.array(staffPromotionSchema) }).describe('StaffStarPromotionList');

export const decideBody = z.object({
  decision: z.enum(['uphold', 'reject']),
  /** Required when rejecting: falsified hours block promotion for the district's starBlockMonths. */
  finding: z.enum(STAR_FINDINGS).nullish(),
  note: z.string().trim().max(500).nullish(),
});

export type StarPromotionView = z.output<typeof starPromotionSchema>;
export type StarLevelsView = z.output<typeof starLevelsSchema>;
export type StarPublicityItemView = z.output<typeof publicityItemSchema>;
export type StarPublicityListView = z.output<typeof publicityListSchema>;
export type StaffStarPromotionView = z.output<typeof staffPromotionSchema>;
export type StaffStarPromotionListView = z.output<typeof staffListSchema>;
export type ObjectStarBody = z.input<typeof objectBody>;
export type DecideStarBody = z.input<typeof decideBody>;
