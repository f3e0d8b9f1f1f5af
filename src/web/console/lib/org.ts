// Organisation-tree helpers shared by the console pages: level order and the nested tree.
import type { OrgKind, OrgNode } from '../../shared/types';

export const KIND_ORDER: OrgKind[] = ['district', 'street', 'community', 'grid', 'building'];

/** Colour per level so each row of the tree reads at a glance. */
export const KIND_COLOR: Record<OrgKind, string> = {
  district: 'volcano',
  street: 'gold',
  community: 'green',
  grid: 'blue',
  building: 'default',
};

/** The level below `kind`, or null for buildings (the lowest level). */
export function childKind(kind: OrgKind): OrgKind | null {
  return KIND_ORDER[KIND_ORDER.indexOf(kind) + 1] ?? null;
}

/** The level above `kind`, or null for districts. */
export function parentKind(kind: OrgKind): OrgKind | null {
  return KIND_ORDER[KIND_ORDER.indexOf(kind) - 1] ?? null;
}

export interface OrgTreeItem {
  node: OrgNode;
  children: OrgTreeItem[];
}

/**
 * Nests the flat list by parentId. A node whose parent is not visible to the actor
 * (a community admin does not see the street above) becomes a root.
 */
export function buildOrgTree(nodes: OrgNode[]): OrgTreeItem[] {
  const byId = new Map<string, OrgTreeItem>();
  for (const node of nodes) byId.set(node.id, { node, children: [] });
  const roots: OrgTreeItem[] = [];
  for (const node of nodes) {
    const item = byId.get(node.id)!;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

/** Names from the topmost visible ancestor down to the node itself. */
export function ancestorNames(node: OrgNode, byId: Map<string, OrgNode>): string[] {
  const names: string[] = [];
  let cur: OrgNode | undefined = node;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    names.unshift(cur.name);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return names;
}

/** Whether `id` is `ancestorId` itself or lies below it. */
export function isInSubtree(id: string, ancestorId: string, byId: Map<string, OrgNode>): boolean {
  let cur = byId.get(id);
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    if (cur.id === ancestorId) return true;
    seen.add(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return false;
}

export const CODE_PATTERN = /^\d{12}$/;
export const PHONE_PATTERN = /^1\d{10}$/;
