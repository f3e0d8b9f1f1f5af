// Request and response schemas of the org routes.
import { z } from 'zod';
import { ORG_KINDS } from '../../platform/permissions.js';
import { boolQuery, cursorSchema, limitSchema, nameSchema, phoneSchema } from '../../platform/schemas.js';
import { PARTNER_CATEGORIES } from './org.rules.js';

export const orgNodeSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(ORG_KINDS),
    name: z.string(),
    code: z.string().nullable(),
    path: z.string(),
    depth: z.number().int(),
    archived: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('OrgNode');

const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{12}$/, { message: 'v.orgCode' });

export const listOrgNodesQuery = z.object({
  rootId: z.string().max(64).optional(),
  includeArchived: boolQuery,
  cursor: cursorSchema,
  limit: limitSchema(500, 2000),
});

export const createOrgNodeBody = z.object({
  parentId: z.string().min(1).max(64),
  kind: z.enum(['street', 'community', 'grid', 'building']),
  name: nameSchema(50),
  code: codeSchema.nullable().optional(),
});

export const updateOrgNodeBody = z.object({
  name: nameSchema(50).optional(),
  code: codeSchema.nullable().optional(),
  parentId: z.string().min(1).max(64).optional(),
  archived: z.boolean().optional(),
});

export const partnerUnitSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    nodeId: z.string(),
    nodeName: z.string(),
    name: z.string(),
    category: z.enum(PARTNER_CATEGORIES),
    contactNameMasked: z.string().nullable(),
    contactPhoneMasked: z.string().nullable(),
    archived: z.boolean(),
  })
  .describe('PartnerUnit');

export const listPartnerUnitsQuery = z.object({
  nodeId: z.string().max(64).optional(),
  includeArchived: boolQuery,
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const createPartnerUnitBody = z.object({
  nodeId: z.string().min(1).max(64),
  name: nameSchema(80),
  category: z.enum(PARTNER_CATEGORIES),
  contactName: z.string().trim().max(30).nullable().optional(),
  contactPhone: phoneSchema.nullable().optional(),
});

export const updatePartnerUnitBody = z.object({
  name: nameSchema(80).optional(),
  category: z.enum(PARTNER_CATEGORIES).optional(),
  contactName: z.string().trim().max(30).nullable().optional(),
  contactPhone: phoneSchema.nullable().optional(),
  archived: z.boolean().optional(),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });
export const communitiesSchema = z.object({ items: z.array(orgNodeSchema) });

// What clients send (z.input): the web apps import these through src/web/shared/api-types.ts.
export type CreateOrgNodeBody = z.input<typeof createOrgNodeBody>;
export type UpdateOrgNodeBody = z.input<typeof updateOrgNodeBody>;
export type CreatePartnerUnitBody = z.input<typeof createPartnerUnitBody>;
export type UpdatePartnerUnitBody = z.input<typeof updatePartnerUnitBody>;

// What services receive (z.output). List filters are Partial: other modules and tests call them with defaults left out.
export type ListOrgNodes = Partial<z.output<typeof listOrgNodesQuery>>;
export type CreateOrgNode = z.output<typeof createOrgNodeBody>;
export type UpdateOrgNode = z.output<typeof updateOrgNodeBody>;
export type ListPartnerUnits = Partial<z.output<typeof listPartnerUnitsQuery>>;
export type CreatePartnerUnit = z.output<typeof createPartnerUnitBody>;
export type UpdatePartnerUnit = z.output<typeof updatePartnerUnitBody>;
export type ListOrgNodesQuery = z.input<typeof listOrgNodesQuery>;
export type ListPartnerUnitsQuery = z.input<typeof listPartnerUnitsQuery>;
