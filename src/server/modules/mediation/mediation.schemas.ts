// Request and response schemas of mediation (调解).
import { z } from 'zod';
import { cursorSchema, idSchema, limitSchema, phoneSchema } from '../../platform/schemas.js';
import { DISPUTE_TYPES, MEDIATION_STATES, OUTCOMES } from './mediation.rules.js';

const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), { message: 'v.date' })
  .transform((s) => new Date(s).toISOString());
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `v.text:${max}` })
    .max(max, { message: `v.text:${max}` });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'v.month' });

export const idParams = z.object({ id: idSchema });

/** A party named by the opener: a name to call them by, and a phone (finds their account when they have one). */
export const partyInput = z.object({
  name: z.string().trim().min(1, { message: 'v.mediationParty' }).max(30, { message: 'v.mediationParty' }),
  phone: phoneSchema.optional(),
});

export const openCaseBody = z.object({
  /** Defaults to the opener's home community (a resident); the lead names their community. */
  communityId: idSchema.optional(),
  type: z.enum(DISPUTE_TYPES),
  description: text(2000),
  /** The other side(s) of the dispute. */
  otherParties: z.array(partyInput).min(1).max(5),
  /** A resident's contact phone for this case (defaults to their account's). */
  myPhone: phoneSchema.optional(),
  /** Staff (the community's mediation lead) open a case for an applicant, who is then a party instead of them. */
  applicant: partyInput.optional(),
});

export const assignBody = z.object({
  mediatorIds: z.array(idSchema).min(1).max(5),
});

export const messageBody = z.object({
  /** The thread (a party's id): mediators name it; a party writes in their own thread and may leave it out. */
  partyId: idSchema.optional(),
  body: text(2000),
});

export const messagesQuery = z.object({
  partyId: idSchema.optional(),
  /** Only messages after this one (polling for new ones). */
  after: idSchema.optional(),
  limit: limitSchema(100, 200),
});

export const sessionBody = z.object({
  heldAt: isoTime,
  mode: z.enum(['online', 'offline']),
  place: text(100),
  attendees: text(200),
  notes: text(4000),
});

export const closeBody = z
  .object({
    outcome: z.enum(OUTCOMES),
    terms: z.string().trim().max(4000, { message: 'v.mediationTerms' }).optional(),
    referredTo: z.string().trim().max(100, { message: 'v.mediationReferral' }).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'agreement' && !b.terms)
      ctx.addIssue({ code: 'custom', path: ['terms'], message: 'v.mediationTerms' });
    if (b.outcome === 'referred' && !b.referredTo)
      ctx.addIssue({ code: 'custom', path: ['referredTo'], message: 'v.mediationReferral' });
  });

export const listQuery = z.object({
  status: z.enum(MEDIATION_STATES).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const statsQuery = z.object({
  /** One community; otherwise every community the actor may see statistics of. */
  communityId: idSchema.optional(),
  /** First and last month (YYYY-MM, China time); the last 12 months by default. */
  from: month.optional(),
  to: month.optional(),
});

export const partySchema = z
  .object({
    id: z.string(),
    /** Masked (张*华). */
    name: z.string(),
    side: z.enum(['applicant', 'respondent']),
    /** Staff only (masked); null for parties. */
    phoneMasked: z.string().nullable(),
    /** Staff only: whether the party has an account (can use the private thread online). */
    hasAccount: z.boolean().nullable(),
    mine: z.boolean(),
  })
  .describe('MediationParty');

export const sessionSchema = z
  .object({
    id: z.string(),
    heldAt: z.string(),
    mode: z.enum(['online', 'offline']),
    place: z.string(),
    attendees: z.string(),
    notes: z.string(),
    recordedByName: z.string(),
    createdAt: z.string(),
  })
  .describe('MediationSession');

export const caseSummarySchema = z
  .object({
    id: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    type: z.enum(DISPUTE_TYPES),
    status: z.enum(MEDIATION_STATES),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    /** How the actor stands to the case (several at once are possible). */
    isParty: z.boolean(),
    isMediator: z.boolean(),
    isLead: z.boolean(),
    mediatorNames: z.array(z.string()),
  })
  .describe('MediationCaseSummary');

export const caseSchema = caseSummarySchema
  .extend({
    description: z.string(),
    /** The actor's own party (their thread), when they are a party. */
    myPartyId: z.string().nullable(),
    parties: z.array(partySchema),
    mediators: z.array(z.object({ userId: z.string(), name: z.string() })),
    /** Mediators and the lead only; parties get an empty list. */
    sessions: z.array(sessionSchema),
    outcome: z
      .object({
        outcome: z.enum(OUTCOMES),
        terms: z.string().nullable(),
        referredTo: z.string().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
    canAssign: z.boolean(),
    canPost: z.boolean(),
    canRecordSession: z.boolean(),
    canClose: z.boolean(),
    canWithdraw: z.boolean(),
  })
  .describe('MediationCase');

export const casePage = z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() });

export const messageSchema = z
  .object({
    id: z.string(),
    partyId: z.string(),
    authorRole: z.enum(['party', 'mediator']),
    authorName: z.string(),
    mine: z.boolean(),
    body: z.string(),
    createdAt: z.string(),
  })
  .describe('MediationMessage');

export const messageList = z.object({ items: z.array(messageSchema) });

export const candidateList = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), assigned: z.boolean() })),
});

export const statsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    /** Cells below this count show null (“<3”). */
    minCell: z.number().int(),
    cells: z.array(
      z.object({
        month: z.string(),
        type: z.string(),
        /** agreement | referred | failed | withdrawn, or open while it runs. */
        outcome: z.string(),
        count: z.number().int().nullable(),
      }),
    ),
  })
  .describe('MediationStats');

export type OpenCase = z.output<typeof openCaseBody>;
export type OpenCaseInput = z.input<typeof openCaseBody>;
export type AssignMediators = z.output<typeof assignBody>;
export type PostMessage = z.output<typeof messageBody>;
export type PostMessageInput = z.input<typeof messageBody>;
export type ListMessages = z.output<typeof messagesQuery>;
export type RecordSession = z.output<typeof sessionBody>;
export type RecordSessionInput = z.input<typeof sessionBody>;
export type CloseCase = z.output<typeof closeBody>;
export type CloseCaseInput = z.input<typeof closeBody>;
export type ListCases = z.output<typeof listQuery>;
export type ListCasesQuery = z.input<typeof listQuery>;
export type StatsQuery = z.output<typeof statsQuery>;
export type MediationCase = z.output<typeof caseSchema>;
export type MediationCaseSummary = z.output<typeof caseSummarySchema>;
export type MediationCasePage = z.output<typeof casePage>;
export type MediationMessage = z.output<typeof messageSchema>;
export type MediationMessageList = z.output<typeof messageList>;
export type MediationCandidates = z.output<typeof candidateList>;
export type MediationStats = z.output<typeof statsSchema>;
export type MediationParty = z.output<typeof partySchema>;
export type MediationSession = z.output<typeof sessionSchema>;
