// 组织架构: the org tree on the left, the selected node and its partner units on the right.
import { Card, Col, Empty, Row, Space, Spin } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { reloadOnce } from '../../../shared/lazyPages';
import type { OrgNode } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { childKind, KIND_ORDER } from '../../lib/org';
import { LoadError } from '../../layout/LoadError';
import { NodeDetails } from './NodeDetails';
import { NodeFormModal, type NodeFormMode } from './NodeFormModal';
import { OrgTreePanel } from './OrgTreePanel';
import { useOrgNodes } from './queries';

// Loaded when needed, keeping the console's first load small: the move dialog (a tree select) opens from one
// button, the partner-unit panel (a table) shows for streets and communities only.
const MoveNodeModal = lazy(reloadOnce(() => import('./MoveNodeModal').then((m) => ({ default: m.MoveNodeModal }))));
const PartnerUnits = lazy(reloadOnce(() => import('./PartnerUnits').then((m) => ({ default: m.PartnerUnits }))));

export function OrgPage() {
  const { t } = useI18n();
  const [showArchived, setShowArchived] = useState(false);
  const nodesQuery = useOrgNodes(showArchived);
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('node');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [formMode, setFormMode] = useState<NodeFormMode | null>(null);
  const [moving, setMoving] = useState<OrgNode | null>(null);
  const [revealId, setRevealId] = useState<string | null>(null);

  const nodes = useMemo(() => nodesQuery.data ?? [], [nodesQuery.data]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const childCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of nodes) if (n.parentId && !n.archived) counts.set(n.parentId, (counts.get(n.parentId) ?? 0) + 1);
    return counts;
  }, [nodes]);

  const select = (id: string) =>
    setParams(
      (p) => {
        p.set('node', id);
        return p;
      },
      { replace: true },
    );

  // First load: open the tree down to communities and select the topmost node.
  useEffect(() => {
    if (!nodesQuery.data || expanded !== null) return;
    const topDepth = Math.min(...nodesQuery.data.map((n) => KIND_ORDER.indexOf(n.kind)));
    setExpanded(
      nodesQuery.data
        .filter((n) => KIND_ORDER.indexOf(n.kind) <= Math.max(topDepth, KIND_ORDER.indexOf('street')))
        .map((n) => n.id),
    );
    if (!selectedId && nodesQuery.data[0]) select(nodesQuery.data[0].id);
  }, [nodesQuery.data]);

  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;

  const openAncestors = (node: OrgNode) => {
    const keys: string[] = [];
    let cur = node.parentId ? byId.get(node.parentId) : undefined;
    while (cur) {
      keys.push(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
    setExpanded((prev) => [...new Set([...(prev ?? []), ...keys, ...(node.parentId ? [node.parentId] : [])])]);
  };

  if (nodesQuery.isError) return <LoadError error={nodesQuery.error} onRetry={() => nodesQuery.refetch()} />;

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="360px" style={{ minWidth: 300 }}>
        <Card title={t('org.treeTitle')} styles={{ body: { padding: 12 } }}>
          {nodesQuery.isPending ? (
            <div style={{ padding: 40, textAlign: 'center' }}>
              <Spin />
            </div>
          ) : (
            <OrgTreePanel
              nodes={nodes}
              selectedId={selectedId}
              onSelect={(id) => {
                // Clicking a name also opens it: people look for children right after choosing a node.
                setExpanded((prev) => (prev?.includes(id) ? prev : [...(prev ?? []), id]));
                select(id);
              }}
              expandedKeys={expanded ?? []}
              onExpand={setExpanded}
              showArchived={showArchived}
              onShowArchived={setShowArchived}
              revealId={revealId}
            />
          )}
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {selected ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <NodeDetails
              node={selected}
              byId={byId}
              childCount={childCount.get(selected.id) ?? 0}
              onAddChild={() => {
                const kind = childKind(selected.kind);
                if (kind) setFormMode({ type: 'create', parent: selected, kind });
              }}
              onEdit={() => setFormMode({ type: 'edit', node: selected })}
              onMove={() => setMoving(selected)}
            />
            {(selected.kind === 'street' || selected.kind === 'community') && (
              <Suspense fallback={<Card title={t('partner.title')} loading />}>
                <PartnerUnits node={selected} />
              </Suspense>
            )}
          </Space>
        ) : (
          <Card>
            <Empty description={nodesQuery.isPending ? t('common.loading') : t('org.selectHint')} />
          </Card>
        )}
      </Col>
      <NodeFormModal
        mode={formMode}
        onClose={() => setFormMode(null)}
        onCreated={(node) => {
          openAncestors(node);
          select(node.id);
          setRevealId(node.id);
        }}
      />
      {moving && (
        <Suspense fallback={null}>
          <MoveNodeModal node={moving} nodes={nodes} onClose={() => setMoving(null)} />
        </Suspense>
      )}
    </Row>
  );
}
