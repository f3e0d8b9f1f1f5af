// 服务地图 · 服务点: the district's service points in the staff's scope (archived ones too), filtered by kind,
// community, status and text; add, edit, archive and restore.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ServicePoint, ServicePointCategory, ServicePointState } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useVolunteeringScope } from '../org/scope';
import { CATEGORIES, CATEGORY_COLOR, CATEGORY_LABEL } from './labels';
import { useArchiveServicePoint, useServicePoints, type PointFilter } from './queries';
import { ServicePointModal } from './ServicePointModal';

const MANAGERS = ['district_admin', 'street_admin', 'community_admin'];

export function ServicePointsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const districtId = scope.districtId;
  const [category, setCategory] = useState<ServicePointCategory | undefined>();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [status, setStatus] = useState<ServicePointState | 'all'>('active');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState<string | undefined>();
  const [editing, setEditing] = useState<ServicePoint | null>(null);
  const [adding, setAdding] = useState(false);
  const filter: PointFilter = { category, communityId, status: status === 'all' ? undefined : status, q };
  const list = useServicePoints(districtId, filter);
  const archive = useArchiveServicePoint();
  const nodeById = useMemo(() => new Map(scope.nodes.map((n) => [n.id, n])), [scope.nodes]);
  const manages = (p: ServicePoint) => {
    const c = nodeById.get(p.communityId);
    return (
      !!c &&
      scope.me.roles.some(
        (r) =>
          MANAGERS.includes(r.role) &&
          r.districtId === c.districtId &&
          (r.nodeId === c.id || c.path.includes(`/${r.nodeId}/`)),
      )
    );
  };

  const toggle = async (p: ServicePoint) => {
    const archived = p.status === 'active';
    try {
      await archive.mutateAsync({ point: p, archived });
      message.success(t(archived ? 'sp.archived' : 'sp.restored', { name: p.name }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Card
      title={t('sp.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setAdding(true)}
          data-testid="add-point"
        >
          {t('sp.add')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<ServicePointState | 'all'>
          value={status}
          onChange={(v) => setStatus(v)}
          options={[
            { value: 'active', label: t('sp.status.active') },
            { value: 'archived', label: t('sp.status.archived') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('sp.allCategories')}
          value={category}
          onChange={setCategory}
          options={CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_LABEL[c]) }))}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('sp.allCommunities')}
          value={communityId}
          onChange={setCommunityId}
          options={scope.communities.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('sp.search')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
        {list.data && <Typography.Text type="secondary">{t('sp.total', { n: list.data.total })}</Typography.Text>}
      </Space>
      <Table<ServicePoint>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('sp.col.name'), dataIndex: 'name', fixed: 'left', width: 200 },
          {
            title: t('sp.col.category'),
            dataIndex: 'category',
            width: 160,
            render: (c: ServicePointCategory) => <Tag color={CATEGORY_COLOR[c]}>{t(CATEGORY_LABEL[c])}</Tag>,
          },
          { title: t('sp.col.community'), dataIndex: 'communityName', width: 120 },
          { title: t('sp.col.address'), dataIndex: 'address', ellipsis: true },
          {
            title: t('sp.col.open'),
            dataIndex: 'openNow',
            width: 90,
            render: (o: boolean | null) =>
              o === null ? (
                <Typography.Text type="secondary">{t('sp.unknown')}</Typography.Text>
              ) : (
                <Tag color={o ? 'green' : 'default'}>{o ? t('sp.open') : t('sp.closed')}</Tag>
              ),
          },
          { title: t('sp.col.phone'), dataIndex: 'contactPhone', width: 140, render: (p: string | null) => p ?? '—' },
          {
            title: t('sp.col.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: ServicePointState) => (
              <Tag color={s === 'active' ? 'blue' : 'default'}>{t(`sp.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('sp.col.actions'),
            key: 'actions',
            fixed: 'right',
            width: 140,
            render: (_, p) =>
              manages(p) ? (
                <Space>
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t('common.edit')}
                  </Button>
                  {p.status === 'active' ? (
                    <Popconfirm title={t('sp.archiveConfirm', { name: p.name })} onConfirm={() => toggle(p)}>
                      <Button size="small" danger>
                        {t('sp.archive')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" onClick={() => void toggle(p)}>
                      {t('sp.restore')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <ServicePointModal
        open={adding || editing !== null}
        point={editing}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
      />
    </Card>
  );
}
