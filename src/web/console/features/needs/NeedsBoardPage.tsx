// 需求看板: the needs in the actor's scope as a kanban by state (待分派 → 已分派 → 已匹配 → 服务中 → 已完成 → 已评价,
// and 转项目), each card with category, urgency colour, community and age; filters; a drawer per need; 代录需求.
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Empty,
  Input,
  Select,
  Space,
  Spin,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Need, Urgency } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { LoadError } from '../../layout/LoadError';
import { useVolunteeringScope } from '../org/scope';
import { ageOf, BOARD_COLUMNS, CLOSED_COLUMN, URGENCIES, URGENCY_COLOR } from './labels';
import { NeedDrawer } from './NeedDrawer';
import { ProxyNeedModal } from './ProxyNeedModal';
import { BOARD_LIMIT, type NeedFilter, useNeedBoard, useNeedCategories } from './queries';

function NeedCard({ need, onOpen }: { need: Need; onOpen: () => void }) {
  const { t } = useI18n();
  const age = ageOf(need.createdAt);
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onOpen();
      }}
      aria-label={need.title}
      data-testid="need-card"
      style={{
        borderLeft: `4px solid ${need.urgency === 'critical' ? '#f5222d' : need.urgency === 'urgent' ? '#fa8c16' : '#d9d9d9'}`,
      }}
      styles={{ body: { padding: 10 } }}
    >
      <Space size={4} wrap style={{ marginBottom: 4 }}>
        <Tag color={URGENCY_COLOR[need.urgency]} style={{ marginInlineEnd: 0 }}>
          {t(`needs.urgency.${need.urgency}`)}
        </Tag>
        <Tag style={{ marginInlineEnd: 0 }}>{need.categoryName}</Tag>
      </Space>
      <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
        {need.title}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {need.communityName}
        {need.gridName ? ` · ${need.gridName}` : ''} · {t(age.key, { n: age.n })}
      </Typography.Text>
    </Card>
  );
}

export function NeedsBoardPage() {
  const { t } = useI18n();
  const scope = useVolunteeringScope();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<NeedFilter>({});
  const [typed, setTyped] = useState('');
  const [showClosed, setShowClosed] = useState(false);
  const [proxyOpen, setProxyOpen] = useState(false);
  const openId = params.get('need');
  const setOpen = (id: string | null) => setParams(id ? { need: id } : {}, { replace: true });
  const board = useNeedBoard(filter);
  const categories = useNeedCategories(scope.districtId);

  const columns = useMemo(() => {
    const items = board.data?.items ?? [];
    const cols = showClosed ? [...BOARD_COLUMNS, CLOSED_COLUMN] : BOARD_COLUMNS;
    return cols.map((c) => ({
      ...c,
      items: items.filter((n) => (c.states as readonly string[]).includes(n.status)),
      count: c.states.reduce((sum, s) => sum + (board.data?.byStatus[s] ?? 0), 0),
    }));
  }, [board.data, showClosed]);

  return (
    <Card
      title={t('needs.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setProxyOpen(true)}>
          {t('needs.proxy')}
        </Button>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('needs.search')}
          aria-label={t('needs.search')}
          style={{ width: 220 }}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined }))}
        />
        <Select<string>
          allowClear
          aria-label={t('needs.filterCategory')}
          placeholder={t('needs.filterCategory')}
          style={{ width: 140 }}
          value={filter.category}
          onChange={(v?: string) => setFilter((f) => ({ ...f, category: v ?? undefined }))}
          options={(categories.data?.categories ?? []).map((c) => ({ value: c.key, label: c.name }))}
        />
        <Select<Urgency>
          allowClear
          aria-label={t('needs.filterUrgency')}
          placeholder={t('needs.filterUrgency')}
          style={{ width: 120 }}
          value={filter.urgency}
          onChange={(v?: Urgency) => setFilter((f) => ({ ...f, urgency: v ?? undefined }))}
          options={URGENCIES.map((u) => ({ value: u, label: t(`needs.urgency.${u}`) }))}
        />
        {scope.communities.length > 1 && (
          <TreeSelect
            allowClear
            aria-label={t('needs.filterCommunity')}
            placeholder={t('needs.filterCommunity')}
            style={{ width: 200 }}
            value={filter.communityId}
            onChange={(v?: string) => setFilter((f) => ({ ...f, communityId: v ?? undefined }))}
            treeData={scope.communityTree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        )}
        <Checkbox checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)}>
          {t('needs.showClosed')}
        </Checkbox>
        {board.data && <Typography.Text type="secondary">{t('needs.total', { n: board.data.total })}</Typography.Text>}
      </Space>
      {board.data?.nextCursor && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('needs.truncated', { n: BOARD_LIMIT })} />
      )}
      {board.isPending ? (
        <Spin />
      ) : board.isError ? (
        <LoadError error={board.error} onRetry={() => board.refetch()} />
      ) : (
        <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }} data-testid="needs-board">
          {columns.map((c) => (
            <section
              key={c.key}
              aria-label={t(c.title)}
              style={{ flex: '0 0 220px', background: '#fafafa', borderRadius: 8, padding: 8, minHeight: 200 }}
            >
              <header style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
                <Typography.Text strong>{t(c.title)}</Typography.Text>
                <Badge count={c.count} showZero color={c.count > 0 ? '#1677ff' : '#bfbfbf'} />
              </header>
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {c.items.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('needs.columnEmpty')} />
                ) : (
                  c.items.map((n) => <NeedCard key={n.id} need={n} onOpen={() => setOpen(n.id)} />)
                )}
              </Space>
            </section>
          ))}
        </div>
      )}
      <NeedDrawer needId={openId} onClose={() => setOpen(null)} />
      <ProxyNeedModal
        open={proxyOpen}
        districtId={scope.districtId}
        onClose={() => setProxyOpen(false)}
        onCreated={(id) => {
          setProxyOpen(false);
          setOpen(id);
        }}
      />
    </Card>
  );
}
