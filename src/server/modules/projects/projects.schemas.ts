// Request and response schemas of resources, projects and claims.
import { z } from 'zod';
import { cursorSchema, idSchema, limitSchema, nameSchema } from '../../platform/schemas.js';
import { CLAIM_STATES, PROJECT_STATES, PROVIDER_KINDS, RESOURCE_KINDS, RESOURCE_STATES } from './projects.rules.js';
import { RESOURCE_MATCH_FACTORS } from './resources.rules.js';

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}/.test(s), { message: 'v.date' });
const text = (max: number) => z.string().trim().max(max);
const fen = z.number().int().min(0).max(100_000_000_000);

export const idParams = z.object({ id: idSchema });
/** Need category keys (checked against the district's categories by the service). */
const needCategoryKeys = z.array(z.string().trim().min(1).max(40)).max(20);

// ---- resources ----

export const resourceSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    providerKind: z.enum(PROVIDER_KINDS),
    providerId: z.string().nullable(),
    providerName: z.string(),
    kind: z.enum(RESOURCE_KINDS),
    title: z.string(),
    description: z.string(),
    quantity: z.number().int().nullable(),
    unit: z.string().nullable(),
    amountFen: z.number().int().nullable(),
    availability: z.string(),
    availableFrom: z.string().nullable(),
    availableTo: z.string().nullable(),
    conditions: z.string(),
    contact: z.string(),
    /** Need category keys the resource serves (适用需求类别). */
    needCategories: z.array(z.string()),
    status: z.enum(RESOURCE_STATES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('Resource');

export const createResourceBody = z.object({
  communityId: idSchema,
  providerKind: z.enum(PROVIDER_KINDS),
  /** The partner unit's or merchant's id; omitted for the community. */
  providerId: idSchema.nullable().optional(),
  kind: z.enum(RESOURCE_KINDS),
  title: nameSchema(60),
  description: text(2000).default(''),
  quantity: z.number().int().min(1).max(1_000_000).nullable().optional(),
  unit: text(10).nullable().optional(),
  amountFen: fen.nullable().optional(),
  availability: text(200).default(''),
  availableFrom: isoDate.nullable().optional(),
  availableTo: isoDate.nullable().optional(),
  conditions: text(500).default(''),
  contact: text(100).default(''),
  needCategories: needCategoryKeys.default([]),
});

export const updateResourceBody = z.object({
  title: nameSchema(60).optional(),
  description: text(2000).optional(),
  quantity: z.number().int().min(1).max(1_000_000).nullable().optional(),
  unit: text(10).nullable().optional(),
  amountFen: fen.nullable().optional(),
  availability: text(200).optional(),
  availableFrom: isoDate.nullable().optional(),
  availableTo: isoDate.nullable().optional(),
  conditions: text(500).optional(),
  contact: text(100).optional(),
  needCategories: needCategoryKeys.optional(),
  status: z.enum(RESOURCE_STATES).optional(),
});

export const listResourcesQuery = z.object({
  communityId: idSchema.optional(),
  kind: z.enum(RESOURCE_KINDS).optional(),
  providerKind: z.enum(PROVIDER_KINDS).optional(),
  status: z.enum(RESOURCE_STATES).optional(),
  q: z.string().trim().max(50).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

// ---- resources for a need (matchNeedResources) ----

const score = z.number().int().min(0).max(100);

export const matchedResourceSchema = z
  .object({
    resource: resourceSchema,
    total: score.describe('weighted score 0–100'),
    fit: z.enum(['named', 'kind']).describe('named: the resource lists the category; kind: fits by its kind'),
    distance: z.enum(['community', 'street']),
    factors: z.object({ category: score, distance: score, availability: score, quantity: score }),
    reasons: z.array(z.object({ factor: z.enum(RESOURCE_MATCH_FACTORS), key: z.string(), text: z.string() })),
    because: z.string().describe('因为：适用于 就医陪护；同一社区；长期可用'),
  })
  .describe('MatchedResource');

export const resourceMatchSchema = z
  .object({
    needId: z.string(),
    /** Active resources in scope that were scored (before dropping those that do not fit). */
    considered: z.number().int(),
    items: z.array(matchedResourceSchema),
  })
  .describe('ResourceMatch');

// ---- projects ----

export const projectSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    title: z.string(),
    description: z.string(),
    budgetFen: z.number().int(),
    status: z.enum(PROJECT_STATES),
    statusReason: z.string().nullable(),
    claimedUnitId: z.string().nullable(),
    claimedUnitName: z.string().nullable(),
    suggestionId: z.string().nullable(),
    needCount: z.number().int(),
    resourceCount: z.number().int(),
    pendingClaims: z.number().int(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The actor may edit, publish, review and generate activities (project.manage in its community). */
    canManage: z.boolean(),
  })
  .describe('Project');

export const claimSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    partnerUnitId: z.string(),
    partnerUnitName: z.string(),
    claimantName: z.string(),
    plan: z.string(),
    status: z.enum(CLAIM_STATES),
    rejectReason: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('ProjectClaim');

export const projectNeedSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  urgency: z.string(),
  status: z.string(),
});

export const projectActivitySchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
});

export const projectDetailSchema = projectSchema
  .extend({
    needs: z.array(projectNeedSchema),
    resources: z.array(resourceSchema),
    claims: z.array(claimSchema),
    activities: z.array(projectActivitySchema),
  })
  .describe('ProjectDetail');

export const createProjectBody = z.object({
  communityId: idSchema,
  title: nameSchema(60),
  description: text(4000).default(''),
  budgetFen: fen.default(0),
  needIds: z.array(idSchema).max(50).default([]),
  resourceIds: z.array(idSchema).max(50).default([]),
  publish: z.boolean().optional(),
});

export const updateProjectBody = z.object({
  title: nameSchema(60).optional(),
  description: text(4000).optional(),
  budgetFen: fen.optional(),
  /** Needs to add to the bundle (a need, once linked, stays with the project). */
  addNeedIds: z.array(idSchema).max(50).optional(),
  /** The whole set of resources the project uses. */
  resourceIds: z.array(idSchema).max(50).optional(),
});

export const reasonBody = z.object({ reason: z.string().trim().min(1, { message: 'v.reason' }).max(200) });

export const listProjectsQuery = z.object({
  communityId: idSchema.optional(),
  status: z.enum(PROJECT_STATES).optional(),
  q: z.string().trim().max(50).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const projectActivityBody = z.object({
  title: nameSchema(60),
  category: z.string().trim().min(1).max(20),
  description: text(2000).default(''),
  address: nameSchema(100),
  startsAt: isoDate,
  endsAt: isoDate,
  slots: z.number().int().min(1).max(10_000),
  requiredSkills: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  publish: z.boolean().optional(),
});

// ---- claims ----

export const claimProjectBody = z.object({
  partnerUnitId: idSchema,
  plan: z.string().trim().min(1, { message: 'v.plan' }).max(2000, { message: 'v.plan' }),
});

export const reviewClaimBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((b) => b.decision === 'approve' || (b.reason ?? '').length > 0, {
    message: 'v.reason',
    path: ['reason'],
  });

export const myPartnerUnitSchema = z
  .object({ id: z.string(), name: z.string(), nodeName: z.string(), category: z.string() })
  .describe('MyPartnerUnit');
export const myPartnerUnitsReply = z.object({ items: z.array(myPartnerUnitSchema) });

export type CreateResource = z.output<typeof createResourceBody>;
export type CreateResourceInput = z.input<typeof createResourceBody>;
export type UpdateResource = z.output<typeof updateResourceBody>;
export type UpdateResourceInput = z.input<typeof updateResourceBody>;
export type ListResources = z.output<typeof listResourcesQuery>;
export type Resource = z.output<typeof resourceSchema>;
export type MatchedResource = z.output<typeof matchedResourceSchema>;
export type ResourceMatch = z.output<typeof resourceMatchSchema>;
export type CreateProject = z.output<typeof createProjectBody>;
export type CreateProjectInput = z.input<typeof createProjectBody>;
export type UpdateProject = z.output<typeof updateProjectBody>;
export type UpdateProjectInput = z.input<typeof updateProjectBody>;
export type ListProjects = z.output<typeof listProjectsQuery>;
export type Project = z.output<typeof projectSchema>;
export type ProjectDetail = z.output<typeof projectDetailSchema>;
export type ProjectClaim = z.output<typeof claimSchema>;
export type ProjectActivityInput = z.output<typeof projectActivityBody>;
export type ProjectActivityBody = z.input<typeof projectActivityBody>;
export type ClaimProject = z.output<typeof claimProjectBody>;
export type ClaimProjectInput = z.input<typeof claimProjectBody>;
export type ReviewClaim = z.output<typeof reviewClaimBody>;
export type ReviewClaimInput = z.input<typeof reviewClaimBody>;
export type MyPartnerUnit = z.output<typeof myPartnerUnitSchema>;
