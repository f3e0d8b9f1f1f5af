// Left panel of the org page: the tree, a name filter and the "show archived" switch.
import { Empty, Input, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GetRef } from 'antd';
import type { OrgNode } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { buildOrgTree, KIND_COLOR, type OrgTreeItem } from '../../lib/org';

interface Props {
  nodes: OrgNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  showArchived: boolean;
  onShowArchived: (v: boolean) => void;
  /** A node to scroll into view; its ancestors must be expanded. */
  revealId?: string | null;
}

export function OrgTreePanel(props: Props) {
  const { nodes, selectedId, onSelect, expandedKeys, onExpand, showArchived, onShowArchived, revealId } = props;
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  const { treeData, matchAncestors } = useMemo(() => {
    const keep = new Set<string>();
    const ancestors = new Set<string>();
    // With a filter: keep matching nodes, their ancestors (to reach them) and their subtrees.
    const mark = (item: OrgTreeItem, parents: string[], inMatch: boolean): boolean => {
      const hit = inMatch || item.node.name.toLowerCase().includes(needle) || item.node.code?.includes(needle) === true;
      let childHit = false;
      for (const c of item.children) if (mark(c, [...parents, item.node.id], hit)) childHit = true;
      if (hit || childHit) keep.add(item.node.id);
      if (childHit) ancestors.add(item.node.id);
      return hit || childHit;
    };
    const roots = buildOrgTree(nodes);
    if (needle) for (const r of roots) mark(r, [], false);
    const convert = (items: OrgTreeItem[]): TreeDataNode[] =>
      items
        .filter((it) => !needle || keep.has(it.node.id))
        .map((it) => ({
          key: it.node.id,
          title: (
            <span data-node-id={it.node.id} style={it.node.archived ? { color: '#aaa' } : undefined}>
              <Tag
                color={it.node.archived ? undefined : KIND_COLOR[it.node.kind]}
                variant="outlined"
                style={{ marginInlineEnd: 6, fontSize: 12, lineHeight: '18px', paddingInline: 4 }}
              >
                {t(`kind.${it.node.kind}`)}
              </Tag>
              {it.node.name}
              {it.node.archived && (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                  （{t('common.archived')}）
                </Typography.Text>
              )}
            </span>
          ),
          children: convert(it.children),
        }));
    return { treeData: convert(roots), matchAncestors: [...ancestors] };
  }, [nodes, needle, t]);

  const shownExpanded = useMemo(
    () => (needle ? [...new Set([...expandedKeys, ...matchAncestors])] : expandedKeys),
    [needle, expandedKeys, matchAncestors],
  );

  // The tree is virtual: bring a node into view when asked (e.g. one just created far below).
  useEffect(() => {
    if (!revealId) return;
    const id = requestAnimationFrame(() => treeRef.current?.scrollTo({ key: revealId, align: 'auto' }));
    return () => cancelAnimationFrame(id);
  }, [revealId]);

  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('org.searchTree')}
        aria-label={t('org.searchTree')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <label style={{ display: 'flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}>
        <Switch size="small" checked={showArchived} onChange={onShowArchived} aria-label={t('common.showArchived')} />
        <Typography.Text type="secondary">{t('common.showArchived')}</Typography.Text>
      </label>
      {treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.empty')} />
      ) : (
        <Tree
          ref={treeRef}
          aria-label={t('org.tree')}
          blockNode
          showLine
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={shownExpanded}
          onExpand={(keys) => onExpand(keys.map(String))}
          onSelect={(keys) => {
            if (keys.length) onSelect(String(keys[0]));
          }}
          height={Math.max(360, window.innerHeight - 250)}
        />
      )}
    </Space>
  );
}
