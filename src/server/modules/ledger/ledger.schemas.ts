// Request and response schemas of the points bank routes.
import { z } from 'zod';
import { cursorSchema, limitSchema, phoneSchema } from '../../platform/schemas.js';
import { JOURNAL_TYPES } from './ledger.rules.js';

export const idempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(80)
  .describe('client-generated unique key; a retry with the same key moves nothing');
const points = z.number().int().min(1).max(1_000_000);

export const journalViewSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    seq: z.number().int(),
    type: z.enum(JOURNAL_TYPES),
    reason: z.string(),
    amount: z.number().int(),
    effectiveDate: z.string(),
    createdAt: z.string(),
    refType: z.string().nullable(),
    refId: z.string().nullable(),
    reversesId: z.string().nullable(),
    hash: z.string(),
  })
  .describe('Journal');

export const myPointsSchema = z.object({
  items: z.array(
    z.object({
      districtId: z.string(),
      districtName: z.string(),
      accountId: z.string(),
      balance: z.number().int(),
      earned: z.number().int(),
      spent: z.number().int(),
      rules: z.object({ allowGifts: z.boolean(), allowDonations: z.boolean(), monthlyGiveLimit: z.number().int() }),
    }),
  ),
});

export const publicJournalSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    date: z.string(),
    createdAt: z.string(),
    type: z.enum(JOURNAL_TYPES),
    reason: z.string(),
    parties: z.array(z.object({ name: z.string(), amount: z.number().int() })),
    points: z.number().int(),
    communityName: z.string().nullable(),
    reversesId: z.string().nullable(),
    reversedById: z.string().nullable(),
    hash: z.string(),
  })
  .describe('PublicJournal');

export const headSchema = z
  .object({ districtId: z.string(), districtName: z.string(), count: z.number().int(), hash: z.string() })
  .describe('LedgerHead');

export const rulesSchema = z
  .object({
    pointsPerHour: z.number().int().min(0).max(1000),
    categoryMultipliersPct: z.record(z.string(), z.number().int().min(0).max(1000)),
    dailyCapPoints: z.number().int().min(1).nullable(),
    balanceCeiling: z.number().int().min(1).nullable(),
    reportRewards: z.record(z.string(), z.number().int().min(0).max(10_000)),
    allowGifts: z.boolean(),
    allowDonations: z.boolean(),
    monthlyGiveLimit: z.number().int().min(0),
    expiryYears: z.number().int().min(1).max(20).nullable(),
    closedAccountPoints: z.enum(['community_fund', 'forfeit']),
  })
  .describe('PointRules');

export const districtParams = z.object({ districtId: z.string().min(1).max(64) });

export const publicJournalsQuery = z.object({
  communityId: z.string().max(64).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, { message: 'v.month' })
    .optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const giftBody = z.object({
  districtId: z.string().min(1).max(64),
  toPhone: phoneSchema,
  relation: z.enum(['spouse', 'parent', 'child', 'grandparent', 'grandchild']),
  points,
  idempotencyKey,
});
export const donateBody = z.object({ communityId: z.string().min(1).max(64), points, idempotencyKey });
export const awardBody = z.object({
  userId: z.string().min(1).max(64),
  points,
  reason: z.string().trim().min(2, { message: 'v.reason' }).max(100),
  idempotencyKey,
});
export const reverseBody = z.object({ reason: z.string().trim().min(2, { message: 'v.reason' }).max(100) });
export const contributionBody = z.object({
  orgType: z
    .enum(['team', 'partner', 'merchant'])
    .describe('party organisations are partner units of category party_org'),
  orgId: z.string().min(1).max(64),
  kind: z.enum(['labour', 'goods', 'money']),
  valueFen: z.number().int().min(0).max(100_000_000_00),
  project: z.string().trim().min(1).max(60),
  description: z.string().trim().max(300).default(''),
  points,
  idempotencyKey,
});
export const yearQuery = z.object({
  nodeId: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2000).max(2100),
});

/** The year summary (ledger.summary.ts YearSummary): organisations ranked by points earned, teams, totals. */
export const yearSummarySchema = z.object({
  year: z.number().int(),
  nodeId: z.string(),
  nodeName: z.string(),
  communities: z.array(
    z.object({
      communityId: z.string(),
      communityName: z.string(),
      pointsIssued: z.number().int(),
      pointsRedeemed: z.number().int(),
      pointsDonated: z.number().int(),
      acceptedMinutes: z.number().int(),
      leveragedFen: z.number().int(),
      people: z.array(
        z.object({
          rank: z.number().int(),
          userId: z.string(),
          name: z.string(),
          points: z.number().int(),
          minutes: z.number().int(),
        }),
      ),
      organisations: z.array(
        z.object({
          rank: z.number().int(),
          accountId: z.string(),
          name: z.string(),
          kind: z.string(),
          points: z.number().int().describe('earned in the year'),
          redemptionIncome: z.number().int().describe('merchant redemption income, not merit'),
          contributionsFen: z.number().int(),
        }),
      ),
      teams: z.array(
        z.object({
          teamId: z.string(),
          name: z.string(),
          members: z.number().int(),
          memberMinutes: z.number().int(),
          memberPoints: z.number().int(),
          teamPoints: z.number().int(),
        }),
      ),
    }),
  ),
});
export const accountsQuery = z.object({
  q: z.string().trim().max(30).optional(),
  kind: z.enum(['person', 'org', 'system']).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });
export const districtQuery = z.object({ districtId: z.string().min(1).max(64) });
export const myJournalsQuery = z.object({
  districtId: z.string().min(1).max(64),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const rulesPatchBody = rulesSchema.partial();

export const myVerificationSchema = z.object({
  head: headSchema,
  allOk: z.boolean(),
  journals: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      hash: z.string(),
      amount: z.number().int(),
      reason: z.string(),
      ok: z.boolean(),
    }),
  ),
});
export const contributionReplySchema = z.object({
  journal: journalViewSchema,
  accountId: z.string(),
  accountName: z.string(),
  balance: z.number().int(),
});
export const pointAccountSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    kind: z.string(),
    ownerType: z.string(),
    ownerId: z.string(),
    purpose: z.string(),
    name: z.string(),
    balance: z.number().int(),
  })
  .describe('PointAccount');
export const pointRulesWithHistorySchema = z.object({
  rules: rulesSchema,
  history: z.array(
    z.object({ id: z.string(), rules: rulesSchema, changedAt: z.string(), changedBy: z.string().nullable() }),
  ),
});
export const ledgerVerificationSchema = z.object({
  ok: z.boolean(),
  accounts: z.number().int(),
  districts: z.array(z.object({ districtId: z.string(), journals: z.number().int(), headHash: z.string() })),
  problems: z.array(
    z.object({
      districtId: z.string(),
      journalId: z.string().nullable(),
      seq: z.number().int().nullable(),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      problem: z.string(),
    }),
  ),
});

// Opening balances (ledger.opening.routes.ts).
export const openingTemplateQuery = z.object({ communityId: z.string().min(1).max(64) });
export const openingImportBody = z.object({
  communityId: z.string().min(1).max(64),
  source: z
    .string()
    .trim()
    .min(1, { message: 'v.source' })
    .max(100, { message: 'v.source' })
    .describe('the previous system or signed-off list, e.g. 原社区积分台账（2026年10月签字确认）'),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
    .describe('the date the balances stood at'),
  fileBase64: z.string().min(1).max(14_000_000).describe('the .xlsx file, base64-encoded'),
});
export const openingImportReplySchema = z.object({
  created: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  points: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), messages: z.array(z.string()) })),
});

// Issue 14: the installation's public key, signed heads and the public chain export (ledger.signing.ts, ledger.export.ts).
export const ledgerPublicKeySchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    keyId: z.string().describe('first 16 hex characters of SHA-256 of the raw public key'),
    publicKey: z.string().describe('raw 32-byte Ed25519 public key, base64'),
    pem: z.string().describe('the same key as SPKI PEM'),
    message: z.string().describe('what is signed'),
  })
  .describe('LedgerPublicKey');
export const signedHeadSchema = z
  .object({
    districtId: z.string(),
    day: z.string().describe('China-time day the head was signed on'),
    seq: z.number().int(),
    hash: z.string(),
    signedAt: z.string(),
    keyId: z.string(),
    signature: z.string().describe('Ed25519 signature, base64'),
  })
  .describe('SignedLedgerHead');
export const signedHeadsQuery = z.object({ cursor: cursorSchema, limit: limitSchema(100, 500) });
export const chainQuery = z.object({ cursor: cursorSchema, limit: limitSchema(500, 1000) });
export const chainPageSchema = z
  .object({
    districtId: z.string(),
    encoding: z.literal('linli-journal-v1'),
    head: z.object({ count: z.number().int(), hash: z.string() }),
    items: z.array(
      z.object({
        seq: z.number().int(),
        id: z.string(),
        type: z.string(),
        reason: z.string(),
        refType: z.string().nullable(),
        refId: z.string().nullable(),
        actorId: z.string().nullable(),
        idempotencyKey: z.string(),
        reversesId: z.string().nullable(),
        communityId: z.string().nullable(),
        effectiveDate: z.string(),
        createdAt: z.string(),
        postings: z.array(
          z.object({
            line: z.number().int(),
            accountId: z.string(),
            amount: z.number().int(),
            accountKind: z.string(),
            accountPurpose: z.string(),
          }),
        ),
        prevHash: z.string(),
        hash: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .describe('LedgerChainPage');

// What services receive (z.output): the parsed request, defaults applied.
export type MyJournals = z.output<typeof myJournalsQuery>;
export type PublicJournalsFilter = z.output<typeof publicJournalsQuery>;
export type Gift = z.output<typeof giftBody>;
export type Donate = z.output<typeof donateBody>;
export type Award = z.output<typeof awardBody>;
export type Contribution = z.output<typeof contributionBody>;
export type YearFilter = z.output<typeof yearQuery>;
export type AccountsFilter = z.output<typeof accountsQuery>;
export type RulesPatch = z.output<typeof rulesPatchBody>;
export type OpeningImport = z.output<typeof openingImportBody>;

// What clients send (z.input): the web apps import these through src/web/shared/api-types.ts.
export type MyJournalsQuery = z.input<typeof myJournalsQuery>;
export type RulesPatchBody = z.input<typeof rulesPatchBody>;
export type OpeningImportBody = z.input<typeof openingImportBody>;
export type PublicJournalsQuery = z.input<typeof publicJournalsQuery>;
export type GiftBody = z.input<typeof giftBody>;
export type DonateBody = z.input<typeof donateBody>;
export type AwardBody = z.input<typeof awardBody>;
export type ContributionBody = z.input<typeof contributionBody>;
export type AccountsQuery = z.input<typeof accountsQuery>;
