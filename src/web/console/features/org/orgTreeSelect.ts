// Builds TreeSelect data from org nodes, so forms can pick a node of the right level.
import type { OrgKind, OrgNode } from '../../../shared/types';
import { buildOrgTree, KIND_ORDER, type OrgTreeItem } from '../../lib/org';

export interface OrgSelectOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgSelectOption[];
}

export interface OrgSelectOptions {
  /** Only these levels can be chosen; others are shown for orientation. Default: all. */
  selectableKinds?: OrgKind[];
  /** Ids that cannot be chosen (e.g. the current parent). */
  disabledIds?: Set<string>;
  /** Text of each option; default the node's name. */
  titleOf?: (node: OrgNode) => string;
}

/** Tree options; branches below the deepest selectable level are left out to keep the list short. */
export function orgSelectTree(nodes: OrgNode[], opts: OrgSelectOptions = {}): OrgSelectOption[] {
  const selectable = opts.selectableKinds ?? KIND_ORDER;
  const deepest = Math.max(...selectable.map((k) => KIND_ORDER.indexOf(k)));
  const convert = (items: OrgTreeItem[]): OrgSelectOption[] =>
    items
      .filter((it) => KIND_ORDER.indexOf(it.node.kind) <= deepest)
      .map((it) => {
        const children = convert(it.children);
        const canPick = selectable.includes(it.node.kind);
        return {
          value: it.node.id,
          title: opts.titleOf ? opts.titleOf(it.node) : it.node.name,
          // Levels that cannot be chosen stay visible (greyed, still expandable) so people can find their way.
          disabled: !canPick || opts.disabledIds?.has(it.node.id) ? true : undefined,
          children: children.length ? children : undefined,
        };
      });
  return convert(buildOrgTree(nodes));
}
