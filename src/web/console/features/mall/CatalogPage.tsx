// 商品管理: the catalog of the district — points-supermarket goods, merchant offers, community services — with
// new goods and services, edits of price, stock and limit, and taking items off sale (moderation of offers too).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useVolunteeringScope } from '../org/scope';
import { CatalogItemModal } from './CatalogItemModal';
import { EditItemModal } from './EditItemModal';
import { MallGate } from './MallGate';
import { useCatalog, useUpdateCatalogItem, type CatalogFilter } from './queries';
import { mallDistrictId, mallRights } from './scope';
import { ITEM_KIND_COLOR, ITEM_KINDS, ITEM_STATUS_COLOR, type CatalogItem, type ItemKind } from './types';

export function CatalogPage() {
  return (
    <MallGate>
      <Catalog />
    </MallGate>
  );
}

function Catalog() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const districtId = mallDistrictId(scope.me);
  const [kind, setKind] = useState<ItemKind | 'all'>('all');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState<string | undefined>();
  const [adding, setAdding] = useState<'goods' | 'service' | null>(null);
  const [editing, setEditing] = useState<CatalogItem | null>(null);
  const filter: CatalogFilter = { kind: kind === 'all' ? undefined : kind, q };
  const list = useCatalog(districtId, filter);
  const update = useUpdateCatalogItem();
  const [busyId, setBusyId] = useState<string | null>(null);
  /**
   * Items changed on this page, newest answer per id. The list shows what residents can order, so an item taken off
   * sale drops out of it; kept here it stays in view (greyed) to be put back on sale.
   */
  const [changed, setChanged] = useState<Map<string, CatalogItem>>(new Map());
  const remember = (it: CatalogItem) => setChanged((m) => new Map(m).set(it.id, it));

  const nodeById = useMemo(() => new Map(scope.nodes.map((n) => [n.id, n])), [scope.nodes]);
  const rows = useMemo(() => {
    const fromServer = list.data?.pages.flatMap((p) => p.items) ?? [];
    const seen = new Set(fromServer.map((i) => i.id));
    const matches = (i: CatalogItem) =>
      (kind === 'all' || i.kind === kind) && (!q || i.title.includes(q) || (i.merchantName ?? '').includes(q));
    const offSale = [...changed.values()].filter((i) => !seen.has(i.id) && i.status !== 'active' && matches(i));
    return [...offSale, ...fromServer.map((i) => changed.get(i.id) ?? i)];
  }, [list.data, changed, kind, q]);

  const communityName = (id: string) => nodeById.get(id)?.name ?? t('common.none');
  const canManage = (it: CatalogItem) => mallRights(scope.me, nodeById.get(it.communityId)).manage;

  const setStatus = async (it: CatalogItem, status: 'active' | 'removed') => {
    setBusyId(it.id);
    try {
      const saved = await update.mutateAsync({ id: it.id, status });
      remember(saved);
      message.success(t(status === 'removed' ? 'mall.c.removedOk' : 'mall.c.restoredOk', { title: it.title }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Card
      title={t('nav.mallCatalog')}
      extra={
        <Space>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setAdding('goods')}
            data-testid="add-goods"
          >
            {t('mall.c.addGoods')}
          </Button>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding('service')} data-testid="add-service">
            {t('mall.c.addService')}
          </Button>
        </Space>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <Segmented<ItemKind | 'all'>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('common.all') },
            ...ITEM_KINDS.map((k) => ({ value: k, label: t(`mall.kind.${k}`) })),
          ]}
          aria-label={t('mall.c.kind')}
        />
        <Input.Search
          allowClear
          aria-label={t('mall.c.search')}
          placeholder={t('mall.c.search')}
          style={{ width: 240 }}
          maxLength={30}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            if (!e.target.value) setQ(undefined);
          }}
          onSearch={(v) => setQ(v.trim() || undefined)}
          enterButton={t('common.search')}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('mall.c.listNote')}
      </Typography.Paragraph>
      <Table<CatalogItem>
        aria-label={t('mall.c.table')}
        data-testid="catalog-table"
        size="middle"
        rowKey="id"
        loading={list.isPending && !!districtId}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        rowClassName={(it) => (it.status !== 'active' ? 'linli-row-archived' : '')}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : t('mall.c.empty') }}
        columns={[
          {
            title: t('mall.c.title'),
            key: 'title',
            render: (_, it) => (
              <span>
                <Typography.Text strong={it.status === 'active'}>{it.title}</Typography.Text>
                {it.description && (
                  <Typography.Text
                    type="secondary"
                    style={{ display: 'block', fontSize: 12 }}
                    ellipsis={{ tooltip: it.description }}
                  >
                    {it.description}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('mall.c.kind'),
            dataIndex: 'kind',
            width: 96,
            render: (k: ItemKind) => <Tag color={ITEM_KIND_COLOR[k]}>{t(`mall.kind.${k}`)}</Tag>,
          },
          {
            title: t('mall.c.provider'),
            key: 'provider',
            width: 130,
            render: (_, it) =>
              it.kind === 'offer' ? (
                <span>
                  {it.merchantName}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {communityName(it.communityId)}
                  </Typography.Text>
                </span>
              ) : (
                communityName(it.communityId)
              ),
          },
          { title: t('mall.c.category'), dataIndex: 'category', width: 84, ellipsis: true },
          {
            title: t('mall.c.price'),
            dataIndex: 'pricePoints',
            width: 84,
            align: 'right',
            render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
          },
          {
            title: t('mall.c.stockLeft'),
            dataIndex: 'stock',
            width: 80,
            align: 'right',
            render: (v: number | null) =>
              v == null ? (
                <Typography.Text type="secondary">{t('mall.unlimited')}</Typography.Text>
              ) : v === 0 ? (
                <Typography.Text type="danger">0</Typography.Text>
              ) : (
                v
              ),
          },
          {
            title: t('mall.c.limit'),
            dataIndex: 'perPersonLimit',
            width: 80,
            align: 'right',
            render: (v: number | null) =>
              v == null ? <Typography.Text type="secondary">{t('mall.unlimited')}</Typography.Text> : v,
          },
          {
            title: t('mall.c.voucherDays'),
            dataIndex: 'voucherDays',
            width: 84,
            align: 'right',
            render: (v: number) => t('mall.daysN', { n: v }),
          },
          {
            title: t('mall.c.visibleTo'),
            dataIndex: 'visibleTo',
            width: 110,
            render: (v: string[] | null) =>
              v == null ? (
                t('mall.c.visibleDistrict')
              ) : (
                <Typography.Text ellipsis={{ tooltip: v.map(communityName).join('、') }}>
                  {v.map(communityName).join('、')}
                </Typography.Text>
              ),
          },
          {
            title: t('mall.c.status'),
            dataIndex: 'status',
            width: 76,
            render: (s: CatalogItem['status']) => <Tag color={ITEM_STATUS_COLOR[s]}>{t(`mall.c.status.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            fixed: 'right',
            render: (_, it) => {
              if (!canManage(it)) {
                return (
                  <Tooltip title={t('mall.c.notYours')}>
                    <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                  </Tooltip>
                );
              }
              return (
                <Space size={4}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setEditing(it)}
                    disabled={it.status !== 'active'}
                    aria-label={`${t('common.edit')} ${it.title}`}
                    data-testid={`edit-${it.id}`}
                  >
                    {t('common.edit')}
                  </Button>
                  {it.status === 'active' ? (
                    <Popconfirm
                      title={t('mall.c.removeConfirm', { title: it.title })}
                      description={
                        <div style={{ maxWidth: 280 }}>
                          {it.kind === 'offer'
                            ? t('mall.c.removeOfferDesc', { merchant: it.merchantName ?? '' })
                            : t('mall.c.removeDesc')}
                        </div>
                      }
                      okText={t('mall.c.remove')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => setStatus(it, 'removed')}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        loading={busyId === it.id}
                        data-testid={`remove-${it.id}`}
                        aria-label={`${t('mall.c.remove')} ${it.title}`}
                      >
                        {t('mall.c.remove')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      type="link"
                      size="small"
                      loading={busyId === it.id}
                      onClick={() => void setStatus(it, 'active')}
                      data-testid={`restore-${it.id}`}
                    >
                      {t('mall.c.restore')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="catalog-total">
          {t('common.totalOf', {
            total: list.data?.pages[0]?.total ?? 0,
            count: list.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0,
          })}
        </Typography.Text>
        {list.hasNextPage ? (
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>
      <CatalogItemModal kind={adding} scope={scope} onClose={() => setAdding(null)} />
      <EditItemModal item={editing} onClose={() => setEditing(null)} onSaved={remember} />
    </Card>
  );
}
