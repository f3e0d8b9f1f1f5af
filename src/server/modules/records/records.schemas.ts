// Request and response schemas of service-record routes.
import { z } from 'zod';
import { boolQuery, cursorSchema, limitSchema } from '../../platform/schemas.js';
import { RECORD_STATES } from './records.rules.js';

export const toRecordSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    activityId: z.string().nullable(),
    activityTitle: z.string(),
    category: z.string(),
    userId: z.string(),
    displayName: z.string(),
    volunteerNo: z.string().nullable(),
    communityId: z.string(),
    communityName: z.string(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    serviceDate: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    minutes: z.number().int(),
    status: z.enum(RECORD_STATES),
    isBackfill: z.boolean(),
    note: z.string().nullable(),
    correctsId: z.string().nullable(),
    correctionReason: z.string().nullable(),
    returnedReason: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    createdAt: z.string(),
    beneficiaries: z.string().nullable(),
    canConfirm: z.boolean(),
    canAccept: z.boolean(),
    afterTheFact: z.boolean(),
    place: z.string().nullable(),
    vouchedBy: z.string().nullable(),
  })
  .describe('ServiceRecord');

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' });

export const listRecordsQuery = z.object({
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  status: z.enum(RECORD_STATES).optional(),
  activityId: z.string().max(64).optional(),
  teamId: z.string().max(64).optional(),
  communityId: z.string().max(64).optional(),
  from: date.optional(),
  to: date.optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 200),
});

export const idsBody = z.object({ recordIds: z.array(z.string().min(1).max(64)).min(1).max(500) });

export const exportQuery = z.object({
  teamId: z.string().max(64).optional(),
  communityId: z.string().max(64).optional(),
  from: date.optional(),
  to: date.optional(),
});

/** activities=1 prints one row per accepted service under the content by category. */
export const certificateQuery = z.object({ activities: boolQuery });

export const certificateCheckSchema = z
  .object({
    certNo: z.string(),
    status: z.enum(['valid', 'revoked']),
    volunteerNameMasked: z.string(),
    volunteerNo: z.string(),
    minutes: z.number().int(),
    issuedAt: z.string(),
    issuer: z.string(),
    revokedAt: z.string().nullable(),
    revokeReason: z.string().nullable(),
  })
  .describe('CertificateCheck');

export const ratingBody = z.object({
  target: z.enum(['service', 'activity']),
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(300).nullable().optional(),
});

export const ratingSummarySchema = z.array(
  z.object({ target: z.string(), average: z.number(), count: z.number().int() }),
);

export const idParams = z.object({ id: z.string().min(1).max(64) });
export const certNoParams = z.object({ certNo: z.string().min(1).max(40) });

const reason = z.string().trim().min(1, { message: 'v.reason' }).max(200);

export const recordItemsSchema = z.object({ items: z.array(toRecordSchema) });
export const returnBody = idsBody.extend({ reason });
export const correctBody = z.object({ minutes: z.number().int().min(0).max(1440), reason });
export const revokeBody = z.object({ reason });

export const ratingResultSchema = z.object({ summary: ratingSummarySchema });
export const activityRatingsSchema = z.object({ summary: ratingSummarySchema, mine: z.array(z.string()) });

export const myHoursSchema = z.object({
  items: z.array(
    z.object({
      districtId: z.string(),
      volunteerId: z.string(),
      volunteerNo: z.string().nullable(),
      acceptedMinutes: z.number().int(),
      pendingMinutes: z.number().int(),
      starLevel: z.number().int(),
      nextLevelHours: z.number().int().nullable(),
    }),
  ),
});

// What clients send (z.input): the web apps import these through src/web/shared/api-types.ts.
export type ListRecordsQuery = z.input<typeof listRecordsQuery>;
export type RatingBody = z.input<typeof ratingBody>;
export type ReturnBody = z.input<typeof returnBody>;
export type CorrectBody = z.input<typeof correctBody>;
export type RevokeBody = z.input<typeof revokeBody>;
// What the server answers (z.output).
export type MyHours = z.output<typeof myHoursSchema>;
export type ActivityRatings = z.output<typeof activityRatingsSchema>;
