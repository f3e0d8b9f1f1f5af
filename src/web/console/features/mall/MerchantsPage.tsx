// 商户联盟: applications move 申请 → 社区审核 → 街道备案; filed merchants get an annual evaluation (续约/退出)
// and a monthly statement. One list, split into tabs by state.
import {
  App,
  Badge,
  Button,
  Card,
  Input,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { ReasonModal } from '../../components/ReasonModal';
import { useVolunteeringScope } from '../org/scope';
import { EvaluateMerchantModal } from './EvaluateMerchantModal';
import { FileMerchantModal } from './FileMerchantModal';
import { MallGate } from './MallGate';
import { useMerchantList, useRevealMerchantContact, useReviewMerchant } from './queries';
import { mallDistrictId, mallRights, type MallRights } from './scope';
import { MERCHANT_STATUS_COLOR, type Merchant, type MerchantStatus } from './types';
import { yuanPerPointText } from './money';

type TabKey = 'applied' | 'reviewed' | 'filed' | 'closed';

const TABS: { key: TabKey; label: MessageKey; statuses: MerchantStatus[]; empty: MessageKey }[] = [
  { key: 'applied', label: 'mall.m.tab.applied', statuses: ['applied'], empty: 'mall.m.empty.applied' },
  { key: 'reviewed', label: 'mall.m.tab.reviewed', statuses: ['reviewed'], empty: 'mall.m.empty.reviewed' },
  { key: 'filed', label: 'mall.m.tab.filed', statuses: ['filed'], empty: 'mall.m.empty.filed' },
  { key: 'closed', label: 'mall.m.tab.closed', statuses: ['rejected', 'exited'], empty: 'mall.m.empty.closed' },
];

export function MerchantsPage() {
  return (
    <MallGate>
      <Merchants />
    </MallGate>
  );
}

export function MerchantStatusTag({ m }: { m: Merchant }) {
  const { t } = useI18n();
  const tag = <Tag color={MERCHANT_STATUS_COLOR[m.status]}>{t(`mall.m.status.${m.status}`)}</Tag>;
  const why = m.status === 'rejected' ? m.rejectReason : m.status === 'exited' ? m.exitReason : null;
  return why ? (
    <Tooltip title={t(m.status === 'rejected' ? 'mall.m.rejectReasonIs' : 'mall.m.exitReasonIs', { reason: why })}>
      {tag}
    </Tooltip>
  ) : (
    tag
  );
}

function Merchants() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scope = useVolunteeringScope();
  const districtId = mallDistrictId(scope.me);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((x) => x.key === params.get('tab'))?.key ?? 'applied';
  const [q, setQ] = useState('');
  const [rejecting, setRejecting] = useState<Merchant | null>(null);
  const [filing, setFiling] = useState<Merchant | null>(null);
  const [evaluating, setEvaluating] = useState<Merchant | null>(null);
  const list = useMerchantList(districtId);
  const review = useReviewMerchant();
  const revealContact = useRevealMerchantContact();
  // Contacts shown in full on request (each request is audited); never kept beyond this page.
  const [revealed, setRevealed] = useState<Record<string, { contactName: string | null; contactPhone: string }>>({});
  const onReveal = (m: Merchant) =>
    revealContact.mutateAsync(m.id).then(
      (c) => setRevealed((r) => ({ ...r, [m.id]: c })),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const nodeById = useMemo(() => new Map(scope.nodes.map((n) => [n.id, n])), [scope.nodes]);
  const rightsOf = (m: Merchant): MallRights => mallRights(scope.me, nodeById.get(m.communityId));

  const all = list.data?.items ?? [];
  const counts = useMemo(() => {
    const c: Record<TabKey, number> = { applied: 0, reviewed: 0, filed: 0, closed: 0 };
    for (const m of all) for (const x of TABS) if (x.statuses.includes(m.status)) c[x.key] += 1;
    return c;
  }, [all]);
  const current = TABS.find((x) => x.key === tab)!;
  const needle = q.trim().toLowerCase();
  const rows = all
    .filter((m) => current.statuses.includes(m.status))
    .filter(
      (m) =>
        !needle ||
        m.name.toLowerCase().includes(needle) ||
        m.licenceNo.toLowerCase().includes(needle) ||
        m.communityName.includes(needle),
    )
    .sort((a, b) =>
      tab === 'filed' ? (b.filedAt ?? '').localeCompare(a.filedAt ?? '') : b.createdAt.localeCompare(a.createdAt),
    );

  const approve = async (m: Merchant) => {
    try {
      await review.mutateAsync({ id: m.id, decision: 'approve' });
      message.success(t('mall.m.approvedOk', { name: m.name }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const reject = async (reason: string) => {
    const m = rejecting!;
    try {
      await review.mutateAsync({ id: m.id, decision: 'reject', reason });
      message.success(t('mall.m.rejectedOk', { name: m.name }));
      setRejecting(null);
    } catch (err) {
      message.error(errorMessage(err));
      throw err;
    }
  };

  const actions = (m: Merchant) => {
    const r = rightsOf(m);
    const waiting = (key: MessageKey, hint: MessageKey) => (
      <Tooltip title={t(hint)}>
        <Typography.Text type="secondary">{t(key)}</Typography.Text>
      </Tooltip>
    );
    if (m.status === 'applied') {
      if (!r.review) return waiting('mall.m.waitCommunity', 'mall.m.waitCommunityHint');
      return (
        <Space size={4}>
          <Popconfirm
            title={t('mall.m.approveConfirm', { name: m.name })}
            description={t('mall.m.approveConfirmDesc')}
            okText={t('mall.m.approve')}
            cancelText={t('common.cancel')}
            onConfirm={() => approve(m)}
          >
            <Button
              type="link"
              size="small"
              data-testid={`approve-${m.id}`}
              aria-label={`${t('mall.m.approve')} ${m.name}`}
            >
              {t('mall.m.approve')}
            </Button>
          </Popconfirm>
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setRejecting(m)}
            data-testid={`reject-${m.id}`}
            aria-label={`${t('mall.m.reject')} ${m.name}`}
          >
            {t('mall.m.reject')}
          </Button>
        </Space>
      );
    }
    if (m.status === 'reviewed') {
      if (!r.file) return waiting('mall.m.waitStreet', 'mall.m.waitStreetHint');
      return (
        <Button
          type="link"
          size="small"
          onClick={() => setFiling(m)}
          data-testid={`file-${m.id}`}
          aria-label={`${t('mall.m.file')} ${m.name}`}
        >
          {t('mall.m.file')}
        </Button>
      );
    }
    if (m.status === 'filed' || m.status === 'exited') {
      if (!r.manage) return null;
      return (
        <Space size={4}>
          {m.status === 'filed' && (
            <Button
              type="link"
              size="small"
              onClick={() => setEvaluating(m)}
              data-testid={`evaluate-${m.id}`}
              aria-label={`${t('mall.m.evaluate')} ${m.name}`}
            >
              {t('mall.m.evaluate')}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            onClick={() => navigate(`/mall/statements?merchant=${encodeURIComponent(m.id)}`)}
          >
            {t('mall.m.statement')}
          </Button>
        </Space>
      );
    }
    return null;
  };

  const settlementColumn: TableColumnsType<Merchant>[number] = {
    title: t('mall.m.settlement'),
    key: 'fen',
    width: 150,
    render: (_, m) =>
      m.filedAt ? (
        <span data-testid={`fen-${m.id}`}>
          {m.fenPerPoint === 0
            ? t('mall.donatedShort')
            : t('mall.yuanPerPoint', { yuan: yuanPerPointText(m.fenPerPoint) })}
          {m.fundName && (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12 }}
              ellipsis={{ tooltip: m.fundName }}
            >
              {m.fundName}
            </Typography.Text>
          )}
        </span>
      ) : (
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      ),
  };

  const reasonColumn: TableColumnsType<Merchant>[number] = {
    title: t('mall.m.closedReason'),
    key: 'reason',
    width: 200,
    render: (_, m) => (
      <span>
        <Typography.Paragraph
          ellipsis={{ rows: 2, tooltip: m.rejectReason ?? m.exitReason }}
          style={{ marginBottom: 0 }}
        >
          {m.rejectReason ?? m.exitReason ?? t('common.none')}
        </Typography.Paragraph>
        {m.exitedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('mall.m.exitedAt', { at: formatChina(m.exitedAt, 'YYYY-MM-DD') })}
          </Typography.Text>
        )}
      </span>
    ),
  };

  return (
    <Card title={t('nav.mallMerchants')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('mall.m.flow')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams(
            (p) => {
              if (k === 'applied') p.delete('tab');
              else p.set('tab', k);
              return p;
            },
            { replace: true },
          )
        }
        items={TABS.map((x) => ({
          key: x.key,
          label: (
            <Space size={6}>
              {t(x.label)}
              {list.data && (
                <Badge
                  count={counts[x.key]}
                  showZero
                  overflowCount={999}
                  color={
                    counts[x.key] === 0 || x.key === 'filed' || x.key === 'closed'
                      ? '#bfbfbf'
                      : x.key === 'reviewed'
                        ? '#1677ff'
                        : undefined
                  }
                />
              )}
            </Space>
          ),
        }))}
      />
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('mall.m.search')}
          placeholder={t('mall.m.search')}
          style={{ width: 280 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        {list.data && (
          <Typography.Text type="secondary" data-testid="merchants-total">
            {t('common.totalOf', { total: list.data.total, count: list.data.items.length })}
          </Typography.Text>
        )}
      </Space>
      <Table<Merchant>
        aria-label={t('mall.m.table')}
        data-testid="merchants-table"
        size="middle"
        rowKey="id"
        loading={list.isPending && !!districtId}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : t(current.empty) }}
        columns={[
          {
            title: t('mall.m.nameLicence'),
            key: 'name',
            width: 190,
            render: (_, m) => (
              <span>
                <Tooltip title={t('mall.m.addressIs', { address: m.address })}>
                  <Typography.Text strong>{m.name}</Typography.Text>
                </Tooltip>
                <span
                  style={{ display: 'block', fontFamily: 'monospace', fontSize: 12, color: '#888' }}
                  aria-label={t('mall.m.licence')}
                >
                  {m.licenceNo}
                </span>
              </span>
            ),
          },
          { title: t('mall.m.community'), dataIndex: 'communityName', width: 96 },
          { title: t('mall.m.category'), dataIndex: 'category', width: 90, render: (v: string) => <Tag>{v}</Tag> },
          {
            title: t('mall.m.offer'),
            dataIndex: 'offerSummary',
            render: (v: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>
                {v}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('mall.m.contact'),
            key: 'contact',
            width: 116,
            render: (_, m) => (
              <span>
                {revealed[m.id]?.contactName ?? m.contactNameMasked ?? t('common.none')}
                <span style={{ display: 'block', fontFamily: 'monospace', fontSize: 12, color: '#888' }}>
                  {revealed[m.id]?.contactPhone ?? m.contactPhoneMasked}
                </span>
                {m.contactPhoneMasked && !revealed[m.id] && (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void onReveal(m)}>
                    {t('mall.m.contactReveal')}
                  </Button>
                )}
              </span>
            ),
          },
          { title: t('mall.m.status'), key: 'status', width: 80, render: (_, m) => <MerchantStatusTag m={m} /> },
          tab === 'filed'
            ? {
                title: t('mall.m.filedAt'),
                key: 'filedAt',
                width: 104,
                render: (_, m) =>
                  m.filedAt ? (
                    <Tooltip title={formatChina(m.filedAt)}>
                      <span>{formatChina(m.filedAt, 'YYYY-MM-DD')}</span>
                    </Tooltip>
                  ) : (
                    t('common.none')
                  ),
              }
            : {
                title: t('mall.m.appliedAt'),
                key: 'createdAt',
                width: 104,
                render: (_, m) => (
                  <Tooltip title={formatChina(m.createdAt)}>
                    <span>{formatChina(m.createdAt, 'YYYY-MM-DD')}</span>
                  </Tooltip>
                ),
              },
          ...(tab === 'filed' ? [settlementColumn] : tab === 'closed' ? [reasonColumn] : []),
          { title: t('common.actions'), key: 'actions', width: 160, fixed: 'right', render: (_, m) => actions(m) },
        ]}
      />

      <ReasonModal
        open={rejecting !== null}
        title={rejecting ? t('mall.m.rejectTitle', { name: rejecting.name }) : ''}
        description={t('mall.m.rejectHint')}
        label={t('mall.m.rejectReason')}
        okText={t('mall.m.reject')}
        onCancel={() => setRejecting(null)}
        onSubmit={reject}
      />
      <FileMerchantModal merchant={filing} onClose={() => setFiling(null)} />
      <EvaluateMerchantModal merchant={evaluating} onClose={() => setEvaluating(null)} />
    </Card>
  );
}
