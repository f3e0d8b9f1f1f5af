// Pure rules of the organisation tree.
import { childKind, type OrgKind } from '../../platform/permissions.js';

/** The path of a child node under a parent path. */
export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}

/** The path of a district (the root of its own tree). */
export function districtPath(id: string): string {
  return `/${id}/`;
}

/** True when `kind` may be placed directly under a node of `parentKind`. */
export function fitsUnder(kind: OrgKind, parentKind: OrgKind): boolean {
  return childKind(parentKind) === kind;
}

/** The kind a parent must have for a node of `kind`, or null for districts. */
export function parentKindOf(kind: OrgKind): OrgKind | null {
  const order: OrgKind[] = ['district', 'street', 'community', 'grid', 'building'];
  const i = order.indexOf(kind);
  return i > 0 ? (order[i - 1] ?? null) : null;
}

export const PARTNER_CATEGORIES = ['university', 'hospital', 'company', 'party_org', 'social_org', 'other'] as const;
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];
