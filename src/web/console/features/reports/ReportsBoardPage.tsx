// 随手拍: the reports in the actor's scope as one table (newest first) with filters (state, category, community,
// grid, overdue, escalated, words), overdue ones (past the current level's deadline) in red, escalated ones marked
// 已升级 · 网格超时 with the new level's deadline beside it, the figures on top (open, overdue, escalated, resolved,
// 小事不出网格), a tab with the moderation queue (flagged reports no moderator has decided yet), and a drawer per
// report with its steps (opened from ?report=<id>, where the staff notices link).
import { Alert, Card, Checkbox, Input, Select, Space, Statistic, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Report, ReportState } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { LoadError } from '../../layout/LoadError';
import { formatChina } from '../../lib/chinaTime';
import { isDistrictAdmin, useVolunteeringScope } from '../org/scope';
import { ESCALATED_COLOR, LEVEL_COLOR, LEVEL_LABEL, REPORT_STATES, STATUS_COLOR, STATUS_LABEL } from './labels';
import { BOARD_LIMIT, type ReportFilter, useReportBoard, useReportCategories, useReportStats } from './queries';
import { ReportDrawer } from './ReportDrawer';
import { ReportSettingsCard } from './ReportSettingsCard';

const OVERDUE_RED = '#cf1322';
const ESCALATED_ORANGE = '#d4380d';
/** Dates in the table: the year is the current one almost always (the drawer shows it in full). */
const SHORT = 'MM-DD HH:mm';

function Figures({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const stats = useReportStats(communityId);
  if (!stats.data) return null;
  const s = stats.data;
  const rate = s.withinGridRate === null ? '—' : `${Math.round(s.withinGridRate * 100)}%`;
  return (
    <Space size={12} wrap style={{ marginBottom: 16 }} data-testid="report-figures">
      <Card size="small" style={{ minWidth: 140 }}>
        <Statistic title={t('rpt.fig.open')} value={s.open} />
      </Card>
      <Card size="small" style={{ minWidth: 140 }}>
        <Statistic
          title={t('rpt.fig.overdue')}
          value={s.overdue}
          styles={{ content: s.overdue > 0 ? { color: OVERDUE_RED } : undefined }}
        />
      </Card>
      <Card size="small" style={{ minWidth: 140 }}>
        <Statistic
          title={t('rpt.fig.escalated')}
          value={s.escalated}
          styles={{ content: s.escalated > 0 ? { color: ESCALATED_ORANGE } : undefined }}
        />
      </Card>
      <Card size="small" style={{ minWidth: 140 }}>
        <Statistic title={t('rpt.fig.resolved')} value={s.resolved} />
      </Card>
      <Card size="small" style={{ minWidth: 220 }}>
        <Statistic title={t('rpt.fig.withinGrid')} value={rate} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('rpt.fig.withinGridOf', { n: s.resolvedWithinGrid, total: s.resolved })}
        </Typography.Text>
      </Card>
    </Space>
  );
}

export function ReportsBoardPage() {
  const { t } = useI18n();
  const scope = useVolunteeringScope();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<ReportFilter>({});
  const [typed, setTyped] = useState('');
  const canSet = isDistrictAdmin(scope.me) && !!scope.districtId;
  const asked = params.get('tab');
  const tab = asked === 'flagged' ? 'flagged' : asked === 'settings' && canSet ? 'settings' : 'all';
  const openId = params.get('report');
  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('report', id);
    else next.delete('report');
    setParams(next, { replace: true });
  };
  const effective = useMemo(() => ({ ...filter, flagged: tab === 'flagged' || undefined }), [filter, tab]);
  const board = useReportBoard(effective);
  const flaggedCount = useReportBoard({ flagged: true });
  const categories = useReportCategories(scope.districtId);
  const grids = useMemo(
    () => (filter.communityId ? scope.gridsOf(filter.communityId) : scope.nodes.filter((n) => n.kind === 'grid')),
    [filter.communityId, scope],
  );

  const columns = [
    {
      title: t('rpt.col.category'),
      dataIndex: 'categoryName',
      width: 110,
      render: (v: string) => <Tag>{v}</Tag>,
    },
    {
      title: t('rpt.col.description'),
      dataIndex: 'description',
      render: (v: string, r: Report) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 360 }}>
            {v}
          </Typography.Text>
          {r.supporterCount > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rpt.supporters', { n: r.supporterCount + 1 })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('rpt.col.place'),
      key: 'place',
      width: 200,
      render: (_: unknown, r: Report) => [r.communityName, r.gridName].filter(Boolean).join(' · '),
    },
    {
      title: t('rpt.col.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: ReportState, r: Report) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[s]}>{t(STATUS_LABEL(s))}</Tag>
          {r.hidden && <Tag color="red">{t('rpt.hidden')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('rpt.col.level'),
      dataIndex: 'level',
      width: 90,
      render: (l: Report['level']) => <Tag color={LEVEL_COLOR[l]}>{t(LEVEL_LABEL(l))}</Tag>,
    },
    {
      title: t('rpt.col.due'),
      dataIndex: 'dueAt',
      width: 180,
      render: (v: string | null, r: Report) =>
        // Escalated: it broke the lower level's limit (said so), and the current level's deadline stands apart;
        // 超时 only once that deadline has passed too.
        r.overdue || r.escalatedFrom ? (
          <Space orientation="vertical" size={0}>
            {r.escalatedFrom && (
              <Tag color={ESCALATED_COLOR} style={{ marginInlineEnd: 0 }}>
                {t('rpt.escalated', { level: t(LEVEL_LABEL(r.escalatedFrom)) })}
              </Tag>
            )}
            {r.overdue && (
              <Typography.Text strong style={{ color: OVERDUE_RED }}>
                {t('rpt.overdue')}
              </Typography.Text>
            )}
            {v && (
              <Typography.Text style={r.overdue ? { color: OVERDUE_RED } : undefined}>
                {t('rpt.dueAt', { level: t(LEVEL_LABEL(r.level)), at: formatChina(v, SHORT) })}
              </Typography.Text>
            )}
          </Space>
        ) : v ? (
          formatChina(v, SHORT)
        ) : (
          '—'
        ),
    },
    ...(tab === 'flagged'
      ? [{ title: t('rpt.col.flags'), dataIndex: 'flagCount', width: 80 }]
      : [
          {
            title: t('rpt.col.assignee'),
            dataIndex: 'assigneeName',
            width: 100,
            render: (v: string | null) => v ?? '—',
          },
        ]),
    {
      title: t('rpt.col.createdAt'),
      dataIndex: 'createdAt',
      width: 120,
      render: (v: string) => formatChina(v, SHORT),
    },
  ];

  return (
    <Card title={t('rpt.title')}>
      <Figures communityId={filter.communityId} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'all' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'all', label: t('rpt.tab.all') },
          {
            key: 'flagged',
            label: t('rpt.tab.flagged', { n: flaggedCount.data?.total ?? 0 }),
          },
          ...(canSet ? [{ key: 'settings', label: t('rpt.tab.settings') }] : []),
        ]}
      />
      {tab === 'settings' && scope.districtId ? (
        <ReportSettingsCard districtId={scope.districtId} />
      ) : (
        <>
          <Space wrap size={12} style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder={t('rpt.search')}
              aria-label={t('rpt.search')}
              style={{ width: 200 }}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined }))}
            />
            <Select<ReportState>
              allowClear
              aria-label={t('rpt.filter.status')}
              placeholder={t('rpt.filter.status')}
              style={{ width: 140 }}
              value={filter.status}
              onChange={(v?: ReportState) => setFilter((f) => ({ ...f, status: v ?? undefined }))}
              options={REPORT_STATES.map((s) => ({
                value: s,
                label: `${t(STATUS_LABEL(s))}${board.data?.byStatus[s] ? ` (${board.data.byStatus[s]})` : ''}`,
              }))}
            />
            <Select<string>
              allowClear
              aria-label={t('rpt.filter.category')}
              placeholder={t('rpt.filter.category')}
              style={{ width: 140 }}
              value={filter.category}
              onChange={(v?: string) => setFilter((f) => ({ ...f, category: v ?? undefined }))}
              options={(categories.data?.categories ?? []).map((c) => ({ value: c.key, label: c.name }))}
            />
            {scope.communities.length > 1 && (
              <TreeSelect
                allowClear
                aria-label={t('rpt.filter.community')}
                placeholder={t('rpt.filter.community')}
                style={{ width: 200 }}
                value={filter.communityId}
                onChange={(v?: string) => setFilter((f) => ({ ...f, communityId: v ?? undefined, gridId: undefined }))}
                treeData={scope.communityTree}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
              />
            )}
            {grids.length > 0 && (
              <Select<string>
                allowClear
                aria-label={t('rpt.filter.grid')}
                placeholder={t('rpt.filter.grid')}
                style={{ width: 160 }}
                value={filter.gridId}
                onChange={(v?: string) => setFilter((f) => ({ ...f, gridId: v ?? undefined }))}
                options={grids.map((g) => ({ value: g.id, label: g.name }))}
              />
            )}
            <Checkbox
              checked={!!filter.overdue}
              onChange={(e) => setFilter((f) => ({ ...f, overdue: e.target.checked || undefined }))}
            >
              <span style={{ color: OVERDUE_RED }}>
                {t('rpt.filter.overdue')}
                {board.data ? ` (${board.data.overdueCount})` : ''}
              </span>
            </Checkbox>
            <Checkbox
              checked={!!filter.escalated}
              onChange={(e) => setFilter((f) => ({ ...f, escalated: e.target.checked || undefined }))}
            >
              <span style={{ color: ESCALATED_ORANGE }}>
                {t('rpt.filter.escalated')}
                {board.data ? ` (${board.data.escalatedCount})` : ''}
              </span>
            </Checkbox>
            {board.data && (
              <Typography.Text type="secondary">{t('rpt.total', { n: board.data.total })}</Typography.Text>
            )}
          </Space>
          {tab === 'flagged' && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('rpt.flaggedIntro')} />
          )}
          {board.data?.nextCursor && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('rpt.truncated', { n: BOARD_LIMIT })} />
          )}
          {board.isError ? (
            <LoadError error={board.error} onRetry={() => board.refetch()} />
          ) : (
            <Table<Report>
              rowKey="id"
              size="middle"
              loading={board.isPending}
              dataSource={board.data?.items ?? []}
              columns={columns}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              data-testid="reports-table"
              onRow={(r) => ({
                onClick: () => setOpen(r.id),
                style: {
                  cursor: 'pointer',
                  ...(r.overdue
                    ? { background: '#fff1f0', boxShadow: `inset 4px 0 0 ${OVERDUE_RED}` }
                    : r.escalatedFrom
                      ? { boxShadow: `inset 4px 0 0 ${ESCALATED_ORANGE}` }
                      : {}),
                },
                'aria-label': `${r.categoryName}：${r.description}`,
                'data-overdue': r.overdue ? 'true' : undefined,
                'data-escalated': r.escalatedFrom ?? undefined,
              })}
              locale={{ emptyText: t('rpt.empty') }}
            />
          )}
        </>
      )}
      <ReportDrawer reportId={openId} onClose={() => setOpen(null)} />
    </Card>
  );
}
