// 资源清单: what partner units, alliance merchants and the community offer — a filtered table and the add/edit form.
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { ProviderKind, Resource, ResourceKind } from '../../../shared/api-types';
import { type MessageKey, useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useMerchants } from '../mall/queries';
import { useVolunteeringScope } from '../org/scope';
import {
  type ResourceFilter,
  useCommunityPartners,
  useCreateResource,
  useNeedCategoryChoices,
  useResources,
  useUpdateResource,
} from './queries';

export const RESOURCE_KINDS: ResourceKind[] = ['venue', 'professionals', 'goods', 'funds', 'courses'];
const PROVIDER_KINDS: ProviderKind[] = ['partner', 'merchant', 'community'];
const KIND_COLOR: Record<ResourceKind, string> = {
  venue: 'blue',
  professionals: 'purple',
  goods: 'green',
  funds: 'gold',
  courses: 'cyan',
};

/** Fen as yuan with two decimals. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** How much of a resource: 200 人, ¥5000.00, or —. */
export function amountText(r: Resource): string {
  if (r.kind === 'funds' && r.amountFen !== null) return `¥${yuan(r.amountFen)}`;
  if (r.quantity !== null) return `${r.quantity}${r.unit ?? ''}`;
  return '—';
}

interface FormValues {
  communityId: string;
  providerKind: ProviderKind;
  providerId?: string;
  kind: ResourceKind;
  title: string;
  description?: string;
  quantity?: number | null;
  unit?: string;
  amountYuan?: number | null;
  availability?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
  conditions?: string;
  contact?: string;
  needCategories?: string[];
}

function ResourceModal({ open, editing, onClose }: { open: boolean; editing: Resource | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const [form] = Form.useForm<FormValues>();
  const communityId = Form.useWatch('communityId', form);
  const providerKind = Form.useWatch('providerKind', form);
  const kind = Form.useWatch('kind', form);
  const partners = useCommunityPartners(providerKind === 'partner' ? communityId : undefined);
  const merchants = useMerchants(providerKind === 'merchant' ? scope.districtId : null);
  const needCategories = useNeedCategoryChoices(editing?.districtId ?? scope.districtId);
  const create = useCreateResource();
  const update = useUpdateResource();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        communityId: editing.communityId,
        providerKind: editing.providerKind,
        providerId: editing.providerId ?? undefined,
        kind: editing.kind,
        title: editing.title,
        description: editing.description,
        quantity: editing.quantity,
        unit: editing.unit ?? undefined,
        amountYuan: editing.amountFen === null ? null : editing.amountFen / 100,
        availability: editing.availability,
        dates: [
          editing.availableFrom ? dayjs(editing.availableFrom) : null,
          editing.availableTo ? dayjs(editing.availableTo) : null,
        ],
        conditions: editing.conditions,
        contact: editing.contact,
        needCategories: editing.needCategories,
      });
    } else {
      form.setFieldsValue({ providerKind: 'community', kind: 'venue', communityId: scope.onlyCommunityId });
    }
  }, [open, editing]);

  const onOk = async () => {
    const v = await form.validateFields();
    const common = {
      title: v.title,
      description: v.description ?? '',
      quantity: v.kind === 'funds' ? null : (v.quantity ?? null),
      unit: v.kind === 'funds' ? null : v.unit || null,
      amountFen: v.kind === 'funds' && v.amountYuan != null ? Math.round(v.amountYuan * 100) : null,
      availability: v.availability ?? '',
      availableFrom: v.dates?.[0]?.format('YYYY-MM-DD') ?? null,
      availableTo: v.dates?.[1]?.format('YYYY-MM-DD') ?? null,
      conditions: v.conditions ?? '',
      contact: v.contact ?? '',
      needCategories: v.needCategories ?? [],
    };
    const onError = (err: unknown) => {
      const fields = ['communityId', 'providerId', 'title', 'quantity', 'availableTo', 'needCategories'];
      if (!applyFieldErrors(form, err, fields)) message.error(errorMessage(err));
    };
    if (editing) {
      update.mutate({ id: editing.id, ...common }, { onSuccess: () => onClose(), onError });
    } else {
      create.mutate(
        {
          ...common,
          communityId: v.communityId,
          providerKind: v.providerKind,
          providerId: v.providerKind === 'community' ? null : (v.providerId ?? null),
          kind: v.kind,
        },
        {
          onSuccess: () => {
            message.success(t('res.created'));
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('res.edit') : t('res.new')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={620}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="resource">
        <Form.Item
          name="communityId"
          label={t('res.community')}
          rules={[{ required: true, message: t('vol.pickCommunity') }]}
        >
          <TreeSelect
            disabled={!!editing}
            treeData={scope.communityTree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('vol.pickCommunity')}
          />
        </Form.Item>
        <Space wrap size={12} style={{ display: 'flex' }}>
          <Form.Item name="providerKind" label={t('res.providerKind')} rules={[{ required: true }]}>
            <Select
              disabled={!!editing}
              style={{ width: 160 }}
              options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`res.pk.${k}` as MessageKey) }))}
            />
          </Form.Item>
          {providerKind !== 'community' && (
            <Form.Item
              name="providerId"
              label={t('res.provider')}
              rules={[{ required: true, message: t('res.providerPick') }]}
            >
              <Select
                disabled={!!editing}
                style={{ width: 260 }}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('res.providerPick')}
                loading={providerKind === 'partner' ? partners.isFetching : merchants.isFetching}
                options={
                  providerKind === 'partner'
                    ? (partners.data ?? []).filter((p) => !p.archived).map((p) => ({ value: p.id, label: p.name }))
                    : (merchants.data ?? [])
                        .filter((m) => m.status === 'filed')
                        .map((m) => ({ value: m.id, label: m.name }))
                }
              />
            </Form.Item>
          )}
          <Form.Item name="kind" label={t('res.kind')} rules={[{ required: true }]}>
            <Select
              disabled={!!editing}
              style={{ width: 140 }}
              options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`res.kind.${k}` as MessageKey) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label={t('res.titleField')}
          rules={[{ required: true, whitespace: true, message: t('res.required', { field: t('res.titleField') }) }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        {kind === 'funds' ? (
          <Form.Item
            name="amountYuan"
            label={t('res.amount')}
            rules={[{ required: true, message: t('res.required', { field: t('res.amount') }) }]}
          >
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Space size={12}>
            <Form.Item name="quantity" label={t('res.quantity')}>
              <InputNumber min={1} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="unit" label={t('res.unit')}>
              <Input maxLength={10} style={{ width: 100 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="description" label={t('res.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="needCategories" label={t('res.needCategories')} extra={t('res.needCategoriesHelp')}>
          <Select
            mode="multiple"
            allowClear
            loading={needCategories.isPending && needCategories.fetchStatus !== 'idle'}
            options={(needCategories.data ?? []).map((c) => ({ value: c.key, label: c.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Space wrap size={12}>
          <Form.Item name="availability" label={t('res.availability')}>
            <Input maxLength={200} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="dates" label={t('res.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
        </Space>
        <Form.Item name="conditions" label={t('res.conditions')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="contact" label={t('res.contact')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResourcesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const [filter, setFilter] = useState<ResourceFilter>({ status: 'active' });
  const [q, setQ] = useState('');
  const [modal, setModal] = useState<{ editing: Resource | null } | null>(null);
  const list = useResources(filter);
  const update = useUpdateResource();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const categories = useNeedCategoryChoices(scope.districtId);
  const categoryName = useMemo(() => new Map((categories.data ?? []).map((c) => [c.key, c.name])), [categories.data]);

  const toggle = (r: Resource) =>
    update.mutate(
      { id: r.id, status: r.status === 'active' ? 'archived' : 'active' },
      { onError: (err) => void message.error(errorMessage(err)) },
    );

  return (
    <Card
      title={t('res.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal({ editing: null })}>
          {t('res.new')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('res.intro')}</Typography.Paragraph>
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <TreeSelect
          allowClear
          aria-label={t('res.community')}
          placeholder={t('vol.filterCommunity')}
          style={{ width: 200 }}
          value={filter.communityId}
          onChange={(v?: string) => setFilter((f) => ({ ...f, communityId: v ?? undefined }))}
          treeData={scope.communityTree}
          treeDefaultExpandAll
          loading={scope.nodesLoading}
        />
        <Select<ResourceKind>
          allowClear
          aria-label={t('res.kind')}
          placeholder={t('res.kind')}
          style={{ width: 130 }}
          value={filter.kind}
          onChange={(v) => setFilter((f) => ({ ...f, kind: v ?? undefined }))}
          options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`res.kind.${k}` as MessageKey) }))}
        />
        <Select<ProviderKind>
          allowClear
          aria-label={t('res.providerKind')}
          placeholder={t('res.providerKind')}
          style={{ width: 140 }}
          value={filter.providerKind}
          onChange={(v) => setFilter((f) => ({ ...f, providerKind: v ?? undefined }))}
          options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`res.pk.${k}` as MessageKey) }))}
        />
        <Select<'active' | 'archived'>
          allowClear
          aria-label={t('res.status')}
          placeholder={t('res.status')}
          style={{ width: 120 }}
          value={filter.status}
          onChange={(v) => setFilter((f) => ({ ...f, status: v ?? undefined }))}
          options={[
            { value: 'active', label: t('res.active') },
            { value: 'archived', label: t('res.archived') },
          ]}
        />
        <Input.Search
          allowClear
          aria-label={t('res.search')}
          placeholder={t('res.search')}
          style={{ width: 220 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined }))}
        />
      </Space>
      <Table<Resource>
        aria-label={t('res.title')}
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1410 }}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : t('res.empty') }}
        columns={[
          {
            title: t('res.titleField'),
            dataIndex: 'title',
            width: 260,
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{v}</Typography.Text>
                {r.description && (
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 230 }}>
                    {r.description}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('res.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: ResourceKind) => <Tag color={KIND_COLOR[k]}>{t(`res.kind.${k}` as MessageKey)}</Tag>,
          },
          {
            title: t('res.provider'),
            key: 'provider',
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.providerName}</span>
                <Typography.Text type="secondary">{t(`res.pk.${r.providerKind}` as MessageKey)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('res.quantity'), key: 'amount', width: 120, render: (_: unknown, r) => amountText(r) },
          {
            title: t('res.needCategories'),
            key: 'needCategories',
            width: 160,
            render: (_: unknown, r) => (
              <Space size={[0, 4]} wrap>
                {r.needCategories.map((k) => (
                  <Tag key={k}>{categoryName.get(k) ?? k}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('res.availability'),
            key: 'availability',
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.availability || '—'}</span>
                {(r.availableFrom || r.availableTo) && (
                  <Typography.Text type="secondary">
                    {r.availableFrom ?? '…'} ~ {r.availableTo ?? '…'}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('res.conditions'), dataIndex: 'conditions', render: (v: string) => v || '—' },
          { title: t('res.community'), dataIndex: 'communityName', width: 110 },
          {
            title: t('res.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) =>
              s === 'active' ? <Tag color="green">{t('res.active')}</Tag> : <Tag>{t('res.archived')}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setModal({ editing: r })}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" onClick={() => toggle(r)}>
                  {r.status === 'active' ? t('res.archive') : t('res.restore')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('common.totalOf', { total, count: rows.length })}</Typography.Text>
        {list.hasNextPage && (
          <Button size="small" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Space>
      <ResourceModal open={!!modal} editing={modal?.editing ?? null} onClose={() => setModal(null)} />
    </Card>
  );
}
