// 项目清单: projects of the communities in scope with their state and pending claims; create one bundling needs
// and resources; the drawer shows a project's needs, resources, claims (review) and activities (generate).
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { ClaimState, Project, ProjectState } from '../../../shared/api-types';
import { ReasonModal } from '../../components/ReasonModal';
import { type MessageKey, useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useVolunteeringScope } from '../org/scope';
import { useVolunteeringSettings } from '../settings/queries';
import { useNeedCategories } from '../suggestions/queries';
import {
  type ProjectFilter,
  useCommunityResources,
  useCreateProject,
  useCreateProjectActivity,
  useLinkableNeeds,
  useMoveProject,
  useProject,
  useProjects,
  useReviewClaim,
  useUpdateProject,
} from './queries';
import { amountText, yuan } from './ResourcesPage';

const STATES: ProjectState[] = ['draft', 'published', 'claimed', 'in_progress', 'done', 'withdrawn'];
const STATE_COLOR: Record<ProjectState, string> = {
  draft: 'default',
  published: 'blue',
  claimed: 'purple',
  in_progress: 'orange',
  done: 'green',
  withdrawn: 'red',
};
const CLAIM_COLOR: Record<ClaimState, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

function StateTag({ state }: { state: ProjectState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[state]}>{t(`prj.st.${state}` as MessageKey)}</Tag>;
}

interface ProjectForm {
  communityId: string;
  title: string;
  description?: string;
  budgetYuan?: number | null;
  needIds?: string[];
  resourceIds?: string[];
  publish?: boolean;
}

function CreateProjectModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const [form] = Form.useForm<ProjectForm>();
  const communityId = Form.useWatch('communityId', form);
  const resources = useCommunityResources(communityId);
  const needs = useLinkableNeeds(communityId);
  const create = useCreateProject();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ communityId: scope.onlyCommunityId });
    }
  }, [open]);

  const onOk = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        communityId: v.communityId,
        title: v.title,
        description: v.description ?? '',
        budgetFen: v.budgetYuan ? Math.round(v.budgetYuan * 100) : 0,
        needIds: v.needIds ?? [],
        resourceIds: v.resourceIds ?? [],
        publish: !!v.publish,
      },
      {
        onSuccess: (p) => {
          message.success(t('prj.created'));
          onClose();
          onCreated(p.id);
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err, ['communityId', 'title', 'description'])) message.error(errorMessage(err));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('prj.new')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={620}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="project">
        <Form.Item
          name="communityId"
          label={t('res.community')}
          rules={[{ required: true, message: t('vol.pickCommunity') }]}
        >
          <TreeSelect treeData={scope.communityTree} treeDefaultExpandAll placeholder={t('vol.pickCommunity')} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('prj.name')}
          rules={[{ required: true, whitespace: true, message: t('res.required', { field: t('prj.name') }) }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('prj.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="budgetYuan" label={t('prj.budget')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="resourceIds" label={t('prj.resources')}>
          <Select
            mode="multiple"
            loading={resources.isFetching}
            options={(resources.data ?? []).map((r) => ({
              value: r.id,
              label: `${r.title}（${r.providerName}，${amountText(r)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="needIds" label={t('prj.needs')} extra={t('prj.needsHelp')}>
          <Select
            mode="multiple"
            loading={needs.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={(needs.data ?? []).map((n) => ({ value: n.id, label: `${n.title}（${n.categoryName}）` }))}
          />
        </Form.Item>
        <Form.Item name="publish" valuePropName="checked">
          <Checkbox>{t('prj.publishNow')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ActivityForm {
  title: string;
  category: string;
  address: string;
  time: [Dayjs, Dayjs];
  slots: number;
  publish?: boolean;
}

function ActivityModal({ project, onClose }: { project: { id: string; title: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const settings = useVolunteeringSettings(scope.districtId);
  const [form] = Form.useForm<ActivityForm>();
  const create = useCreateProjectActivity();

  useEffect(() => {
    if (project) {
      form.resetFields();
      form.setFieldsValue({ title: project.title, slots: 5, publish: true });
    }
  }, [project]);

  const onOk = async () => {
    if (!project) return;
    const v = await form.validateFields();
    create.mutate(
      {
        id: project.id,
        title: v.title,
        category: v.category,
        address: v.address,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        slots: v.slots,
        publish: !!v.publish,
      },
      {
        onSuccess: () => {
          message.success(t('prj.activityCreated'));
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err, ['title', 'category', 'address', 'slots'])) message.error(errorMessage(err));
        },
      },
    );
  };

  return (
    <Modal
      open={!!project}
      title={t('prj.makeActivity')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('prj.activityHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="project-activity">
        <Form.Item name="title" label={t('prj.activityTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="category" label={t('prj.activityCategory')} rules={[{ required: true }]}>
          <Select options={(settings.data?.activityCategories ?? []).map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="address" label={t('prj.activityAddress')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="time" label={t('prj.activityTime')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="slots" label={t('prj.activitySlots')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} precision={0} />
        </Form.Item>
        <Form.Item name="publish" valuePropName="checked">
          <Checkbox>{t('prj.activityPublish')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Adds more of the community's linkable needs to a draft or published project. */
function AddNeeds({ projectId, communityId }: { projectId: string; communityId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const needs = useLinkableNeeds(communityId);
  const update = useUpdateProject();
  const [picked, setPicked] = useState<string[]>([]);
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        aria-label={t('prj.addNeeds')}
        placeholder={t('prj.addNeeds')}
        value={picked}
        onChange={setPicked}
        loading={needs.isFetching}
        showSearch={{ optionFilterProp: 'label' }}
        options={(needs.data ?? []).map((n) => ({ value: n.id, label: `${n.title}（${n.categoryName}）` }))}
      />
      <Button
        type="primary"
        disabled={picked.length === 0}
        loading={update.isPending}
        onClick={() =>
          update.mutate(
            { id: projectId, addNeedIds: picked },
            {
              onSuccess: () => setPicked([]),
              onError: (err) => void message.error(errorMessage(err)),
            },
          )
        }
      >
        {t('prj.addNeeds')}
      </Button>
    </Space.Compact>
  );
}

function ProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const detail = useProject(id);
  const categories = useNeedCategories(detail.data?.districtId ?? null);
  const categoryName = (key: string) => categories.data?.find((c) => c.key === key)?.name ?? key;
  const move = useMoveProject();
  const review = useReviewClaim();
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [activityFor, setActivityFor] = useState<{ id: string; title: string } | null>(null);
  const p = detail.data;
  const onError = (err: unknown) => {
    void message.error(errorMessage(err));
  };
  const act = (action: 'publish' | 'start' | 'finish') =>
    move.mutate({ id: p?.id ?? '', action }, { onSuccess: () => void message.success(t('prj.done')), onError });

  return (
    <Drawer open={!!id} onClose={onClose} width={720} title={p ? p.title : t('prj.detail')} destroyOnHidden>
      {detail.isError && <Typography.Text type="danger">{errorMessage(detail.error)}</Typography.Text>}
      {p && (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('prj.status')}>
              <StateTag state={p.status} />
              {p.statusReason && <Typography.Text type="secondary">{p.statusReason}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('res.community')}>{p.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('prj.budget')}>¥{yuan(p.budgetFen)}</Descriptions.Item>
            <Descriptions.Item label={t('prj.claimedBy')}>{p.claimedUnitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('prj.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {p.description || '—'}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          {p.canManage && (
            <Space wrap>
              {p.status === 'draft' && (
                <Button type="primary" onClick={() => act('publish')} loading={move.isPending}>
                  {t('prj.publish')}
                </Button>
              )}
              {(p.status === 'claimed' || p.status === 'in_progress') && (
                <Button type="primary" onClick={() => setActivityFor({ id: p.id, title: p.title })}>
                  {t('prj.makeActivity')}
                </Button>
              )}
              {p.status === 'claimed' && <Button onClick={() => act('start')}>{t('prj.start')}</Button>}
              {p.status === 'in_progress' && <Button onClick={() => act('finish')}>{t('prj.finish')}</Button>}
              {p.status !== 'done' && p.status !== 'withdrawn' && (
                <Button danger onClick={() => setWithdrawing(true)}>
                  {t('prj.withdraw')}
                </Button>
              )}
            </Space>
          )}
          <div>
            <Typography.Title level={5}>{t('prj.claims')}</Typography.Title>
            <List
              bordered
              size="small"
              locale={{ emptyText: t('prj.noClaims') }}
              dataSource={p.claims}
              renderItem={(c) => (
                <List.Item
                  actions={
                    p.canManage && c.status === 'pending'
                      ? [
                          <Button
                            key="approve"
                            size="small"
                            type="primary"
                            loading={review.isPending}
                            onClick={() =>
                              review.mutate(
                                { id: c.id, decision: 'approve' },
                                { onSuccess: () => void message.success(t('prj.approved')), onError },
                              )
                            }
                          >
                            {t('prj.approve')}
                          </Button>,
                          <Button key="reject" size="small" danger onClick={() => setRejecting(c.id)}>
                            {t('prj.reject')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        <span>{c.partnerUnitName}</span>
                        <Tag color={CLAIM_COLOR[c.status]}>{t(`prj.cl.${c.status}` as MessageKey)}</Tag>
                      </Space>
                    }
                    description={
                      <Space direction="vertical" size={0}>
                        <span>
                          {t('prj.claimPlan')}：{c.plan}
                        </span>
                        <Typography.Text type="secondary">
                          {t('prj.claimant')}：{c.claimantName} · {c.createdAt.slice(0, 10)}
                        </Typography.Text>
                        {c.rejectReason && <Typography.Text type="danger">{c.rejectReason}</Typography.Text>}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('prj.needs')}</Typography.Title>
            {p.needs.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prj.noNeeds')} />
            ) : (
              <List
                size="small"
                bordered
                dataSource={p.needs}
                renderItem={(n) => (
                  <List.Item>
                    <Space>
                      <span>{n.title}</span>
                      <Tag>{categoryName(n.category)}</Tag>
                      <Typography.Text type="secondary" copyable={{ text: n.id }}>
                        {n.id.slice(-6)}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
            {p.canManage && (p.status === 'draft' || p.status === 'published') && (
              <AddNeeds projectId={p.id} communityId={p.communityId} />
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('prj.resources')}</Typography.Title>
            {p.resources.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prj.noResources')} />
            ) : (
              <List
                size="small"
                bordered
                dataSource={p.resources}
                renderItem={(r) => (
                  <List.Item>
                    <Space>
                      <Tag>{t(`res.kind.${r.kind}` as MessageKey)}</Tag>
                      <span>{r.title}</span>
                      <Typography.Text type="secondary">
                        {r.providerName} · {amountText(r)}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('prj.activities')}</Typography.Title>
            {p.activities.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prj.noActivities')} />
            ) : (
              <List
                size="small"
                bordered
                dataSource={p.activities}
                renderItem={(a) => (
                  <List.Item>
                    <Space>
                      <span>{a.title}</span>
                      <Typography.Text type="secondary">
                        {new Date(a.startsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </div>
        </Space>
      )}
      <ReasonModal
        open={!!rejecting}
        title={t('prj.rejectTitle')}
        label={t('prj.rejectReason')}
        okText={t('prj.reject')}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) =>
          review
            .mutateAsync({ id: rejecting ?? '', decision: 'reject', reason })
            .then(() => setRejecting(null))
            .catch((e: unknown) => {
              onError(e);
              throw e;
            })
        }
      />
      <ReasonModal
        open={withdrawing}
        title={t('prj.withdrawTitle')}
        label={t('prj.withdrawReason')}
        okText={t('prj.withdraw')}
        onCancel={() => setWithdrawing(false)}
        onSubmit={(reason) =>
          move
            .mutateAsync({ id: p?.id ?? '', action: 'withdraw', reason })
            .then(() => setWithdrawing(false))
            .catch((e: unknown) => {
              onError(e);
              throw e;
            })
        }
      />
      <ActivityModal project={activityFor} onClose={() => setActivityFor(null)} />
    </Drawer>
  );
}

export function ProjectsPage() {
  const { t } = useI18n();
  const scope = useVolunteeringScope();
  const [filter, setFilter] = useState<ProjectFilter>({});
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useProjects(filter);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <Card
      title={t('prj.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('prj.new')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('prj.intro')}</Typography.Paragraph>
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
        <Select<ProjectState>
          allowClear
          aria-label={t('prj.status')}
          placeholder={t('prj.status')}
          style={{ width: 130 }}
          value={filter.status}
          onChange={(v) => setFilter((f) => ({ ...f, status: v ?? undefined }))}
          options={STATES.map((s) => ({ value: s, label: t(`prj.st.${s}` as MessageKey) }))}
        />
        <Input.Search
          allowClear
          aria-label={t('prj.search')}
          placeholder={t('prj.search')}
          style={{ width: 220 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined }))}
        />
      </Space>
      <Table<Project>
        aria-label={t('prj.title')}
        className="linli-clickable-rows"
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpenId(r.id) })}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : t('prj.empty') }}
        columns={[
          {
            title: t('prj.name'),
            dataIndex: 'title',
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
          {
            title: t('prj.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: ProjectState) => <StateTag state={s} />,
          },
          { title: t('res.community'), dataIndex: 'communityName', width: 120 },
          { title: t('prj.budget'), dataIndex: 'budgetFen', width: 120, render: (v: number) => `¥${yuan(v)}` },
          { title: t('prj.needs'), dataIndex: 'needCount', width: 90 },
          { title: t('prj.resources'), dataIndex: 'resourceCount', width: 90 },
          { title: t('prj.claimedBy'), dataIndex: 'claimedUnitName', render: (v: string | null) => v ?? '—' },
          {
            title: t('prj.pending'),
            dataIndex: 'pendingClaims',
            width: 100,
            render: (n: number) => (n > 0 ? <Badge count={n} /> : '—'),
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
      <CreateProjectModal open={creating} onClose={() => setCreating(false)} onCreated={setOpenId} />
      <ProjectDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
