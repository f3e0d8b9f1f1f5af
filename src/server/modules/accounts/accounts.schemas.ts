// Request and response schemas of the accounts routes.
import { z } from 'zod';
import { ORG_KINDS, ROLES } from '../../platform/permissions.js';
import { cursorSchema, idNumberSchema, limitSchema, passwordSchema, phoneSchema } from '../../platform/schemas.js';

export const roleAssignmentSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    role: z.enum(ROLES),
    nodeId: z.string(),
    nodeName: z.string(),
    nodeKind: z.enum(ORG_KINDS),
    districtId: z.string(),
    grantedAt: z.string(),
  })
  .describe('RoleAssignment');

export const meSchema = z
  .object({
    id: z.string(),
    phoneMasked: z.string(),
    displayName: z.string(),
    realNameMasked: z.string().nullable(),
    idNumberMasked: z.string().nullable(),
    homeNodeId: z.string().nullable(),
    homeNodeName: z.string().nullable(),
    locale: z.enum(['zh-CN', 'en']),
    elderMode: z.boolean(),
    roles: z.array(roleAssignmentSchema),
    mustChangePassword: z.boolean().describe('true after staff reset the password: change it before anything else'),
    platformAdmin: z.boolean(),
    csrfToken: z.string(),
  })
  .describe('Me');

const displayName = z.string().trim().min(1, { message: 'v.displayName' }).max(20, { message: 'v.displayName' });
const realName = z.string().trim().min(2, { message: 'v.realName' }).max(30, { message: 'v.realName' });

export const registerBody = z.object({
  phone: phoneSchema,
  password: passwordSchema,
  displayName,
  communityId: z.string().max(64).nullable().optional(),
});

export const loginBody = z.object({
  phone: phoneSchema,
  password: z.string().min(1).max(128),
  client: z.enum(['web', 'app']).default('web').describe('"app" returns a bearer token instead of setting cookies'),
});

export const sessionReply = z.object({
  user: meSchema,
  csrfToken: z.string(),
  token: z.string().optional().describe('bearer token, only for client "app"'),
});

export const updateMeBody = z.object({
  displayName: displayName.optional(),
  realName: realName.nullable().optional(),
  idNumber: idNumberSchema.nullable().optional(),
  homeNodeId: z.string().max(64).nullable().optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  elderMode: z.boolean().optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

export const personSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    realNameMasked: z.string().nullable(),
    phoneMasked: z.string(),
    idNumberMasked: z.string().nullable(),
    homeNodeId: z.string().nullable(),
    homeNodeName: z.string().nullable(),
    roles: z.array(roleAssignmentSchema),
    createdAt: z.string(),
    lockedUntil: z.string().nullable(),
  })
  .describe('Person');

export const listPeopleQuery = z.object({
  q: z.string().trim().max(50).optional().describe('an exact phone number, or part of the display name'),
  nodeId: z.string().max(64).optional(),
  role: z.enum(ROLES).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const grantRoleBody = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(ROLES),
  nodeId: z.string().min(1).max(64),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const revealPersonReply = z.object({
  phone: z.string(),
  realName: z.string().nullable(),
  idNumber: z.string().nullable(),
});

export const roleCatalogReply = z.object({
  items: z.array(
    z.object({
      role: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      nodeKinds: z.array(z.string()),
    }),
  ),
});

export const resetPasswordReply = z
  .object({
    temporaryPassword: z.string().describe('shown once to staff; the person must change it at the next login'),
  })
  .describe('PasswordReset');

export const createDistrictBody = z.object({
  name: z.string().trim().min(1, { message: 'v.name:30' }).max(30, { message: 'v.name:30' }),
  code: z
    .string()
    .regex(/^\d{12}$/, { message: 'v.orgCode' })
    .nullable()
    .optional(),
  adminPhone: phoneSchema,
  adminName: z.string().trim().min(1, { message: 'v.displayName' }).max(20, { message: 'v.displayName' }).optional(),
});

export const createDistrictReply = z
  .object({
    district: z.object({ id: z.string(), name: z.string(), code: z.string().nullable(), path: z.string() }),
    admin: z.object({
      userId: z.string(),
      phoneMasked: z.string(),
      temporaryPassword: z.string().nullable().describe('shown once; null when the person already had an account'),
    }),
  })
  .describe('DistrictStart');

// What clients send (z.input): the web apps import these through src/web/shared/api-types.ts.
export type RegisterBody = z.input<typeof registerBody>;
export type LoginBody = z.input<typeof loginBody>;
export type UpdateMeBody = z.input<typeof updateMeBody>;
export type ChangePasswordBody = z.input<typeof changePasswordBody>;
export type ListPeopleQuery = z.input<typeof listPeopleQuery>;
export type GrantRoleBody = z.input<typeof grantRoleBody>;

// What clients receive (z.output).
export type RevealPersonReply = z.output<typeof revealPersonReply>;
export type RoleCatalogReply = z.output<typeof roleCatalogReply>;
