// Request and response schemas of activity, sign-up and attendance routes.
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../platform/schemas.js';
import { ACTIVITY_STATES, AUDIENCES, SIGNUP_STATES } from './activities.rules.js';

const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), { message: 'v.date' });

const phaseSchema = z.enum(['draft', 'open', 'closed', 'ongoing', 'finished', 'cancelled']);

export const activitySchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    seriesId: z.string().nullable(),
    title: z.string(),
    category: z.string(),
    description: z.string(),
    address: z.string(),
    gridId: z.string().nullable(),
    gridName: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    geofenceMeters: z.number().int().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    slots: z.number().int(),
    confirmedCount: z.number().int(),
    waitlistCount: z.number().int(),
    signupDeadline: z.string(),
    cancelDeadline: z.string(),
    requiredSkills: z.array(z.string()),
    beneficiaries: z.string().nullable(),
    needId: z.string().nullable(),
    pointsPerHour: z.number().int().nullable(),
    audience: z.enum(AUDIENCES),
    status: z.enum(ACTIVITY_STATES),
    phase: phaseSchema,
    cancelReason: z.string().nullable(),
    closedAt: z.string().nullable(),
    canManage: z.boolean(),
    mySignup: z
      .object({ id: z.string(), status: z.enum(SIGNUP_STATES), position: z.number().int().nullable() })
      .nullable(),
  })
  .describe('Activity');

export const createActivityBody = z.object({
  communityId: z.string().min(1).max(64),
  teamId: z.string().max(64).nullable().optional(),
  title: z.string().trim().min(1, { message: 'v.name:60' }).max(60, { message: 'v.name:60' }),
  category: z.string().trim().min(1).max(20),
  description: z.string().trim().max(2000).default(''),
  address: z.string().trim().min(1, { message: 'v.name:100' }).max(100, { message: 'v.name:100' }),
  gridId: z.string().max(64).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  geofenceMeters: z.number().int().min(20).max(5000).nullable().optional(),
  startsAt: isoTime,
  endsAt: isoTime,
  slots: z.number().int().min(1).max(10_000),
  signupDeadline: isoTime.nullable().optional(),
  requiredSkills: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  beneficiaries: z.string().trim().max(100).nullable().optional(),
  needId: z.string().max(64).nullable().optional(),
  pointsPerHour: z.number().int().min(0).max(1000).nullable().optional(),
  audience: z.enum(AUDIENCES).optional(),
  repeatWeeks: z.number().int().min(1).max(26).optional(),
  publish: z.boolean().optional(),
});

export const listActivitiesQuery = z.object({
  districtId: z.string().max(64).optional(),
  communityId: z.string().max(64).optional(),
  gridId: z.string().max(64).optional(),
  teamId: z.string().max(64).optional(),
  category: z.string().max(20).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  status: z.enum(ACTIVITY_STATES).optional(),
  q: z.string().trim().max(50).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const rosterEntrySchema = z
  .object({
    signupId: z.string(),
    userId: z.string(),
    displayName: z.string(),
    volunteerNo: z.string().nullable(),
    phoneMasked: z.string(),
    status: z.enum(SIGNUP_STATES),
    seq: z.number().int(),
    checkInAt: z.string().nullable(),
    checkOutAt: z.string().nullable(),
    method: z.string().nullable(),
  })
  .describe('RosterEntry');

export const signupReply = z.object({
  id: z.string(),
  activityId: z.string(),
  status: z.enum(SIGNUP_STATES),
  position: z.number().int().nullable(),
});

export const mySignupSchema = z
  .object({
    id: z.string(),
    activityId: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    address: z.string(),
    status: z.enum(SIGNUP_STATES),
    activityStatus: z.string(),
    activityPhase: phaseSchema,
    audience: z.enum(AUDIENCES),
    cancelDeadline: z.string(),
    checkInAt: z.string().nullable(),
    checkOutAt: z.string().nullable(),
  })
  .describe('MySignup');

export const attendanceCodeSchema = z
  .object({
    activityId: z.string(),
    code: z.string(),
    qrPayload: z.string(),
    expiresAt: z.string(),
    windowSeconds: z.number().int(),
  })
  .describe('AttendanceCode');

export const attendanceBody = z
  .object({
    qr: z.string().max(300).optional(),
    activityId: z.string().max(64).optional(),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: 'v.code' })
      .optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .refine((b) => !!b.qr || (!!b.activityId && !!b.code), { message: 'v.attendance', path: ['code'] });

export const attendanceReply = z.object({
  activityId: z.string(),
  title: z.string(),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  minutes: z.number().int().nullable(),
});

export const markBody = z.object({
  entries: z
    .array(
      z.object({
        userId: z.string().min(1).max(64),
        present: z.boolean(),
        checkInAt: isoTime.optional(),
        checkOutAt: isoTime.optional(),
      }),
    )
    .min(1)
    .max(500),
});

export const backfillBody = z.object({
  minutes: z.number().int().min(15).max(1440),
  note: z.string().trim().min(1, { message: 'v.note' }).max(200),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const activityItemsReply = z.object({ items: z.array(activitySchema) });
export const cancelActivityBody = z.object({ reason: z.string().trim().min(1, { message: 'v.reason' }).max(200) });
export const rosterReply = z.object({ items: z.array(rosterEntrySchema) });
export const signUpBody = z.object({ forUserId: z.string().max(64).optional() }).default({});
export const cancelSignUpReply = z.object({ promotedUserId: z.string().nullable() });
export const listMySignUpsQuery = z.object({ cursor: cursorSchema, limit: limitSchema(20, 100) });

// What clients send (z.input): the web apps import these through src/web/shared/api-types.ts.
export type CreateActivityBody = z.input<typeof createActivityBody>;
export type ListActivitiesQuery = z.input<typeof listActivitiesQuery>;
export type AttendanceBody = z.input<typeof attendanceBody>;
