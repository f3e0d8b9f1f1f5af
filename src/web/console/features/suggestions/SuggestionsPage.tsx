// 意见箱: residents' suggestions by state; staff answer publicly, or turn one into a need or a draft project.
// Each conversion carries one idempotency key per opened form, so a retried click never makes two.
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Suggestion, SuggestionState } from '../../../shared/api-types';
import { type MessageKey, useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { newIdempotencyKey } from '../../lib/idempotency';
import { useVolunteeringScope } from '../org/scope';
import {
  useAnswerSuggestion,
  useNeedCategories,
  useSuggestionQueue,
  useSuggestionToNeed,
  useSuggestionToProject,
} from './queries';

const TABS: SuggestionState[] = ['open', 'answered', 'to_need', 'to_project'];

type Dialog = { kind: 'answer' | 'need' | 'project'; s: Suggestion } | null;

function ActionModal({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const categories = useNeedCategories(dialog?.kind === 'need' ? scope.districtId : null);
  const [form] = Form.useForm<{
    answer?: string;
    category?: string;
    urgency?: 'normal' | 'urgent' | 'critical';
    title?: string;
    budgetYuan?: number | null;
  }>();
  const [key, setKey] = useState('');
  const answer = useAnswerSuggestion();
  const toNeed = useSuggestionToNeed();
  const toProject = useSuggestionToProject();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    setKey(newIdempotencyKey());
    if (dialog.kind === 'answer') form.setFieldsValue({ answer: dialog.s.answer ?? '' });
    if (dialog.kind === 'need') form.setFieldsValue({ urgency: 'normal' });
    if (dialog.kind === 'project') form.setFieldsValue({ title: dialog.s.content.slice(0, 30) });
  }, [dialog]);

  const done = () => {
    message.success(t('prj.done'));
    onClose();
  };
  const failed = (err: unknown) => {
    if (!applyFieldErrors(form, err, ['answer', 'category', 'title'])) message.error(errorMessage(err));
  };

  const onOk = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    const id = dialog.s.id;
    if (dialog.kind === 'answer') answer.mutate({ id, answer: v.answer ?? '' }, { onSuccess: done, onError: failed });
    if (dialog.kind === 'need')
      toNeed.mutate(
        { id, idempotencyKey: key, category: v.category ?? '', urgency: v.urgency, answer: v.answer || undefined },
        { onSuccess: done, onError: failed },
      );
    if (dialog.kind === 'project')
      toProject.mutate(
        {
          id,
          idempotencyKey: key,
          title: v.title ?? '',
          budgetFen: v.budgetYuan ? Math.round(v.budgetYuan * 100) : 0,
          answer: v.answer || undefined,
        },
        { onSuccess: done, onError: failed },
      );
  };

  const title =
    dialog?.kind === 'answer' ? t('sug.answerTitle') : dialog?.kind === 'need' ? t('sug.toNeed') : t('sug.toProject');
  return (
    <Modal
      open={!!dialog}
      title={title}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={answer.isPending || toNeed.isPending || toProject.isPending}
      destroyOnHidden
    >
      {dialog && (
        <Typography.Paragraph>
          <Tag>{dialog.s.category}</Tag>
          {dialog.s.content}
        </Typography.Paragraph>
      )}
      {dialog?.kind === 'need' && <Typography.Paragraph type="secondary">{t('sug.toNeedHelp')}</Typography.Paragraph>}
      {dialog?.kind === 'project' && (
        <Typography.Paragraph type="secondary">{t('sug.toProjectHelp')}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" name="suggestion-action">
        {dialog?.kind === 'need' && (
          <>
            <Form.Item name="category" label={t('sug.needCategory')} rules={[{ required: true }]}>
              <Select
                loading={categories.isFetching}
                options={(categories.data ?? []).map((c) => ({ value: c.key, label: c.name }))}
              />
            </Form.Item>
            <Form.Item name="urgency" label={t('sug.urgency')}>
              <Select
                options={(['normal', 'urgent', 'critical'] as const).map((u) => ({
                  value: u,
                  label: t(`sug.urg.${u}` as MessageKey),
                }))}
              />
            </Form.Item>
          </>
        )}
        {dialog?.kind === 'project' && (
          <>
            <Form.Item name="title" label={t('prj.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="budgetYuan" label={t('prj.budget')}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="answer"
          label={dialog?.kind === 'answer' ? t('sug.answer') : t('sug.publicAnswer')}
          rules={dialog?.kind === 'answer' ? [{ required: true, whitespace: true }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('sug.answerPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SuggestionsPage() {
  const { t } = useI18n();
  const scope = useVolunteeringScope();
  const [tab, setTab] = useState<SuggestionState>('open');
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useSuggestionQueue(tab, communityId);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  return (
    <Card title={t('sug.title')}>
      <Typography.Paragraph type="secondary">{t('sug.intro')}</Typography.Paragraph>
      <Space wrap size={12} style={{ marginBottom: 8 }}>
        <TreeSelect
          allowClear
          aria-label={t('res.community')}
          placeholder={t('vol.filterCommunity')}
          style={{ width: 200 }}
          value={communityId}
          onChange={(v?: string) => setCommunityId(v ?? undefined)}
          treeData={scope.communityTree}
          treeDefaultExpandAll
          loading={scope.nodesLoading}
        />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as SuggestionState)}
        items={TABS.map((s) => ({ key: s, label: t(`sug.tab.${s}` as MessageKey) }))}
      />
      <Table<Suggestion>
        aria-label={t('sug.title')}
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : t('sug.empty') }}
        columns={[
          { title: t('sug.category'), dataIndex: 'category', width: 100, render: (v: string) => <Tag>{v}</Tag> },
          {
            title: t('sug.content'),
            dataIndex: 'content',
            render: (v: string, r) => (
              <Space direction="vertical" size={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>
                {r.answer && (
                  <Typography.Text type="success">
                    {t('sug.answer')}：{r.answer}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('sug.author'),
            key: 'author',
            width: 150,
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.authorName ?? '—'}</span>
                {r.anonymous && <Typography.Text type="secondary">{t('sug.anonymous')}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('res.community'), dataIndex: 'communityName', width: 110 },
          { title: t('sug.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => v.slice(0, 10) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 230,
            fixed: 'right',
            render: (_: unknown, r) =>
              r.status === 'open' || r.status === 'answered' ? (
                <Space size={4} wrap>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'answer', s: r })}>
                    {t('sug.answer')}
                  </Button>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'need', s: r })}>
                    {t('sug.toNeed')}
                  </Button>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'project', s: r })}>
                    {t('sug.toProject')}
                  </Button>
                </Space>
              ) : (
                <Tag color="green">{t('sug.converted')}</Tag>
              ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      <ActionModal dialog={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}
