// Request and response schemas of matching, invitations and need tasks. Services take the z.output types; clients send
// the z.input types.
import { z } from 'zod';
import { idSchema, limitSchema } from '../../platform/schemas.js';
import { MATCH_FACTORS } from './matching.rules.js';
import { NEED_STATES } from './needs.rules.js';

export const idParams = z.object({ id: idSchema });
export const districtParams = z.object({ districtId: idSchema });

const factorsSchema = z.object(
  Object.fromEntries(MATCH_FACTORS.map((f) => [f, z.number().int()])) as {
    [K in (typeof MATCH_FACTORS)[number]]: z.ZodNumber;
  },
);

export const matchWeightsSchema = z
  .object({
    skill: z.number().int().min(0).max(100),
    proximity: z.number().int().min(0).max(100),
    availability: z.number().int().min(0).max(100),
    reliability: z.number().int().min(0).max(100),
    fairness: z.number().int().min(0).max(100),
  })
  .describe('MatchWeights');

export const updateMatchWeightsBody = matchWeightsSchema.partial();

export const matchNeedQuery = z.object({ limit: limitSchema(20, 100) });

export const matchedVolunteerSchema = z
  .object({
    userId: z.string(),
    volunteerId: z.string(),
    volunteerNo: z.string().nullable(),
    name: z.string().describe('masked real name; never a phone'),
    communityName: z.string(),
    skills: z.array(z.string()),
    proximity: z.enum(['building', 'grid', 'community', 'street', 'far']),
    total: z.number().int().describe('weighted score 0–100'),
    factors: factorsSchema,
    reasons: z.array(z.object({ factor: z.enum(MATCH_FACTORS), key: z.string(), text: z.string() })),
    because: z.string().describe('因为：技能匹配 医护；同一网格；周六上午有空；近30天服务较少'),
    invitation: z.object({ id: z.string(), status: z.string() }).nullable(),
  })
  .describe('MatchedVolunteer');

export const matchResultSchema = z
  .object({
    needId: z.string(),
    weights: matchWeightsSchema,
    considered: z.number().int(),
    items: z.array(matchedVolunteerSchema),
  })
  .describe('MatchResult');

export const inviteBody = z.object({
  userIds: z.array(idSchema).min(1, { message: 'v.pickVolunteers' }).max(50, { message: 'v.pickVolunteers' }),
  quick: z.boolean().default(false),
});

const invitationStatus = z.enum(['pending', 'accepted', 'declined', 'full', 'withdrawn']);

export const needInvitationSchema = z
  .object({
    id: z.string(),
    needId: z.string(),
    userId: z.string(),
    volunteerName: z.string(),
    status: invitationStatus,
    score: z.number().int(),
    factors: factorsSchema,
    because: z.string(),
    invitedAt: z.string(),
    answeredAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    minutes: z.number().int().nullable(),
    recordId: z.string().nullable(),
  })
  .describe('NeedInvitation');

export const needInvitationsSchema = z
  .object({
    needId: z.string(),
    needStatus: z.enum(NEED_STATES),
    quick: z.boolean(),
    peopleNeeded: z.number().int(),
    acceptedCount: z.number().int(),
    completedAt: z.string().nullable(),
    items: z.array(needInvitationSchema),
  })
  .describe('NeedInvitations');

export const myInvitationSchema = z
  .object({
    id: z.string(),
    needId: z.string(),
    title: z.string(),
    description: z.string(),
    categoryName: z.string(),
    communityName: z.string(),
    urgency: z.string(),
    place: z.string().nullable().describe('only once the task is yours, or when the need is public'),
    windowStart: z.string().nullable(),
    windowEnd: z.string().nullable(),
    quick: z.boolean(),
    peopleNeeded: z.number().int(),
    acceptedCount: z.number().int(),
    status: invitationStatus,
    needStatus: z.enum(NEED_STATES),
    because: z.string(),
    invitedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    minutes: z.number().int().nullable(),
    canAnswer: z.boolean(),
    canStart: z.boolean(),
    canFinish: z.boolean(),
  })
  .describe('MyInvitation');

export const myInvitationsQuery = z.object({ limit: limitSchema(50, 100) });
export const myInvitationsReply = z.object({ items: z.array(myInvitationSchema) });

export const respondBody = z.object({ accept: z.boolean() });

export const respondReply = z
  .object({ gotTask: z.boolean(), message: z.string(), invitation: myInvitationSchema })
  .describe('InvitationAnswer');

export const completedNeedSchema = z
  .object({
    needId: z.string(),
    status: z.enum(NEED_STATES),
    completedAt: z.string(),
    records: z.array(z.object({ userId: z.string(), recordId: z.string().nullable(), minutes: z.number().int() })),
  })
  .describe('CompletedNeed');

export type InviteBody = z.input<typeof inviteBody>;
export type RespondBody = z.input<typeof respondBody>;
export type UpdateMatchWeightsBody = z.input<typeof updateMatchWeightsBody>;
export type MatchResult = z.output<typeof matchResultSchema>;
export type MatchedVolunteer = z.output<typeof matchedVolunteerSchema>;
export type NeedInvitations = z.output<typeof needInvitationsSchema>;
export type NeedInvitationItem = z.output<typeof needInvitationSchema>;
export type MyInvitation = z.output<typeof myInvitationSchema>;
export type InvitationAnswer = z.output<typeof respondReply>;
export type CompletedNeed = z.output<typeof completedNeedSchema>;
export type MatchWeights = z.output<typeof matchWeightsSchema>;
