// Shapes of the linli API as the web apps see them (mirrors the server's response schemas).

export type Role =
  | 'volunteer' | 'team_leader' | 'social_worker' | 'grid_worker' | 'community_admin'
  | 'street_admin' | 'district_admin' | 'merchant_staff' | 'partner_contact' | 'mediator';

export type OrgKind = 'district' | 'street' | 'community' | 'grid' | 'building';

export interface RoleAssignment {
  id: string;
  userId: string;
  role: Role;
  nodeId: string;
  nodeName: string;
  nodeKind: OrgKind;
  districtId: string;
  grantedAt: string;
}

export interface Me {
  id: string;
  phoneMasked: string;
  displayName: string;
  realNameMasked: string | null;
  idNumberMasked: string | null;
  homeNodeId: string | null;
  homeNodeName: string | null;
  locale: 'zh-CN' | 'en';
  elderMode: boolean;
  roles: RoleAssignment[];
  csrfToken: string;
}

export interface OrgNode {
  id: string;
  districtId: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerUnit {
  id: string;
  districtId: string;
  nodeId: string;
  nodeName: string;
  name: string;
  category: 'university' | 'hospital' | 'company' | 'party_org' | 'social_org' | 'other';
  contactName: string | null;
  contactPhoneMasked: string | null;
  archived: boolean;
}

export interface Person {
  id: string;
  displayName: string;
  realNameMasked: string | null;
  phoneMasked: string;
  idNumberMasked: string | null;
  homeNodeId: string | null;
  homeNodeName: string | null;
  roles: RoleAssignment[];
  createdAt: string;
  lockedUntil: string | null;
}

export interface AuditEvent {
  id: string;
  districtId: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  scopeNodeId: string | null;
  scopeNodeName: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RoleInfo {
  role: Role;
  nameZh: string;
  nameEn: string;
  nodeKinds: OrgKind[];
}
