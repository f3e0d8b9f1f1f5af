// Shapes of the linli API as the web apps see them; the response DTOs come from the server's own types.

import type { OrgKind, Role } from './api-types';

export type {
  AuditEvent,
  CountedPage,
  Me,
  OrgKind,
  OrgNode,
  Page,
  PartnerUnit,
  Person,
  Role,
  RoleAssignment,
} from './api-types';

export interface RoleInfo {
  role: Role;
  nameZh: string;
  nameEn: string;
  nodeKinds: OrgKind[];
}
