// Request and response schemas of volunteer and team routes.
import { z } from 'zod';
import { cursorSchema, idNumberSchema, limitSchema } from '../../platform/schemas.js';
import { TIME_BANDS, VOLUNTEER_STATES } from './volunteers.rules.js';

const day = z.array(z.enum(TIME_BANDS)).max(3);
export const availabilitySchema = z.object({ 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day }).partial();

export const volunteerSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    userId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    volunteerNo: z.string().nullable(),
    status: z.enum(VOLUNTEER_STATES),
    realNameMasked: z.string(),
    idNumberMasked: z.string().nullable(),
    phoneMasked: z.string(),
    skills: z.array(z.string()),
    availability: availabilitySchema,
    homeGridId: z.string().nullable(),
    homeGridName: z.string().nullable(),
    bio: z.string().nullable(),
    source: z.string(),
    appliedAt: z.string(),
    reviewedAt: z.string().nullable(),
    rejectReason: z.string().nullable(),
    acceptedMinutes: z.number().int(),
    starLevel: z.number().int(),
    ratingAverage: z.number().nullable(),
  })
  .describe('Volunteer');

export const applyBody = z.object({
  communityId: z.string().min(1).max(64),
  realName: z.string().trim().min(2, { message: 'v.realName' }).max(30, { message: 'v.realName' }),
  idNumber: idNumberSchema.nullable().optional(),
  skills: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  availability: availabilitySchema.default({}),
  homeGridId: z.string().max(64).nullable().optional(),
  bio: z.string().trim().max(200).nullable().optional(),
});

export const listVolunteersQuery = z.object({
  status: z.enum(VOLUNTEER_STATES).optional(),
  communityId: z.string().max(64).optional(),
  teamId: z.string().max(64).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
    .optional()
    .describe('applied on or after (China date)'),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
    .optional()
    .describe('applied on or before (China date)'),
  skill: z.string().max(20).optional(),
  q: z.string().trim().max(30).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const myVolunteershipsReply = z.object({ items: z.array(volunteerSchema) });

export const volunteerCardReply = z.object({
  id: z.string(),
  volunteerNo: z.string().nullable(),
  nameMasked: z.string(),
  communityName: z.string(),
  status: z.enum(VOLUNTEER_STATES),
  starLevel: z.number().int(),
  acceptedMinutes: z.number().int(),
});

export const importTemplateQuery = z.object({ communityId: z.string().min(1).max(64) });

export const exportVolunteersQuery = z.object({
  communityId: z.string().min(1).max(64),
  status: z.enum(VOLUNTEER_STATES).optional(),
});

export const reviewBody = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(200).nullable().optional(),
});

export const reviewManyBody = z.object({
  volunteerIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(200).nullable().optional(),
});

export const reviewManyReply = z.object({ items: z.array(volunteerSchema) });

export const importBody = z.object({
  communityId: z.string().min(1).max(64),
  fileBase64: z.string().min(1).max(14_000_000).describe('the .xlsx file, base64-encoded'),
});

export const importReply = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), messages: z.array(z.string()) })),
});

export const teamSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    name: z.string(),
    category: z.string(),
    description: z.string().nullable(),
    leaderUserId: z.string(),
    leaderName: z.string(),
    socialWorkerUserId: z.string().nullable(),
    socialWorkerName: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('Team');

export const memberSchema = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    volunteerNo: z.string().nullable(),
    status: z.enum(['pending', 'active', 'rejected', 'left']),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .describe('TeamMember');

export const teamDetailSchema = teamSchema
  .extend({
    members: z.array(memberSchema),
    pendingRequests: z.array(memberSchema),
    myStatus: z.enum(['pending', 'active', 'rejected', 'left']).nullable(),
    canManage: z.boolean(),
    /** False for people who are neither the leader nor staff in scope: members is then empty, totals has the count. */
    rosterVisible: z.boolean(),
    totals: z.object({
      memberCount: z.number().int(),
      acceptedMinutes: z.number().int(),
      activityCount: z.number().int(),
      ratingAverage: z.number().nullable(),
      ratingCount: z.number().int(),
    }),
  })
  .describe('TeamDetail');

export const createTeamBody = z.object({
  communityId: z.string().min(1).max(64),
  name: z.string().trim().min(1, { message: 'v.name:30' }).max(30, { message: 'v.name:30' }),
  category: z.string().trim().min(1).max(20),
  leaderUserId: z.string().min(1).max(64),
  socialWorkerUserId: z.string().max(64).nullable().optional(),
  description: z.string().trim().max(500).nullable().optional(),
});

export const updateTeamBody = z.object({
  leaderUserId: z.string().min(1).max(64).optional(),
  socialWorkerUserId: z.string().max(64).nullable().optional(),
  description: z.string().trim().max(500).nullable().optional(),
  category: z.string().trim().min(1).max(20).optional(),
});

export const joinTeamReply = z.object({ status: z.literal('pending') });

export const joinRequestParams = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) });

export const listTeamsQuery = z.object({
  districtId: z.string().max(64).optional(),
  communityId: z.string().max(64).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  leading: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });

// What clients send (z.input): the web apps import these through src/web/shared/api-types.ts.
export type ApplyVolunteerBody = z.input<typeof applyBody>;
export type ListVolunteersQuery = z.input<typeof listVolunteersQuery>;
export type ImportTemplateQuery = z.input<typeof importTemplateQuery>;
export type ExportVolunteersQuery = z.input<typeof exportVolunteersQuery>;
export type ReviewVolunteerBody = z.input<typeof reviewBody>;
export type CreateTeamBody = z.input<typeof createTeamBody>;
export type UpdateTeamBody = z.input<typeof updateTeamBody>;
export type ListTeamsQuery = z.input<typeof listTeamsQuery>;
export type JoinRequestParams = z.input<typeof joinRequestParams>;

// What clients receive (z.output).
export type MyVolunteershipsReply = z.output<typeof myVolunteershipsReply>;
export type VolunteerCardReply = z.output<typeof volunteerCardReply>;
export type JoinTeamReply = z.output<typeof joinTeamReply>;
