// 验收: the community's acceptance queue of service records — accept or return in batches, correct, export.
import { CheckOutlined, DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { hoursOf, RECORD_STATUS_COLOR, type ServiceRecord } from '../../lib/volunteering';
import { ReasonModal } from '../../components/ReasonModal';
import { useVolunteeringScope } from '../org/scope';
import { useTeamOptions } from '../teams/queries';
import { CorrectRecordModal } from './CorrectRecordModal';
import { ExportLedgerModal } from './ExportLedgerModal';
import { useAcceptRecords, useConfirmRecords, useReturnRecords, useServiceRecords } from './queries';

const TABS = ['confirmed', 'pending', 'returned', 'accepted'] as const;
type TabKey = (typeof TABS)[number];

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function AcceptancePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabKey)
    : 'confirmed';
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [teamId, setTeamId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState<ServiceRecord[] | null>(null);
  const [correcting, setCorrecting] = useState<ServiceRecord | null>(null);
  const [exporting, setExporting] = useState(false);
  const teams = useTeamOptions({ districtId: scope.districtId ?? undefined, communityId }, !!scope.districtId);
  const accept = useAcceptRecords();
  const confirm = useConfirmRecords();
  const ret = useReturnRecords();

  const records = useServiceRecords({
    status: tab,
    communityId,
    teamId,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  });
  const rows = useMemo(() => records.data?.pages.flatMap((p) => p.items) ?? [], [records.data]);
  const chosen = rows.filter((r) => selected.includes(r.id));
  const chosenMinutes = chosen.reduce((s, r) => s + r.minutes, 0);
  const selectable = tab === 'confirmed' || tab === 'pending';

  const resetSelection = () => setSelected([]);

  /** Runs a batch action in chunks the API accepts; reports how many rows and hours it touched. */
  const runBatch = async (
    call: (ids: string[]) => Promise<{ items: ServiceRecord[] }>,
    okKey: 'rec.acceptedN' | 'rec.confirmedN' | 'rec.returnedN',
    target: ServiceRecord[],
  ) => {
    let done: ServiceRecord[] = [];
    try {
      for (const part of chunks(
        target.map((r) => r.id),
        500,
      ))
        done = done.concat((await call(part)).items);
      message.success(t(okKey, { count: done.length, hours: hoursOf(done.reduce((s, r) => s + r.minutes, 0)) }));
      resetSelection();
    } catch (err) {
      if (done.length) message.warning(t('rec.partlyDone', { count: done.length }));
      message.error(errorMessage(err));
      throw err;
    }
  };

  const columns = [
    { title: t('rec.date'), dataIndex: 'serviceDate', width: 110 },
    {
      title: t('rec.activity'),
      dataIndex: 'activityTitle',
      render: (v: string, r: ServiceRecord) => (
        <Space size={4} wrap>
          <span>{v}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.category}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('rec.volunteer'),
      dataIndex: 'displayName',
      width: 150,
      render: (v: string, r: ServiceRecord) => (
        <span>
          {v}
          {r.volunteerNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', fontFamily: 'monospace' }}>
              {r.volunteerNo}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('rec.duration'),
      dataIndex: 'minutes',
      width: 110,
      align: 'right' as const,
      render: (m: number) => (
        <Tooltip title={t('rec.minutesN', { minutes: m })}>
          <span>{t('vol.hoursValue', { hours: hoursOf(m) })}</span>
        </Tooltip>
      ),
    },
    {
      title: t('rec.kind'),
      key: 'kind',
      width: 110,
      render: (_: unknown, r: ServiceRecord) => (
        <Space size={2} wrap>
          {r.isBackfill && (
            <Tooltip title={r.note ? t('rec.backfillNote', { note: r.note }) : undefined}>
              <Tag color="orange">{t('rec.backfill')}</Tag>
            </Tooltip>
          )}
          {r.correctsId && (
            <Tooltip title={r.correctionReason ? t('rec.correctionReason', { reason: r.correctionReason }) : undefined}>
              <Tag color="purple">{t('rec.correction')}</Tag>
            </Tooltip>
          )}
          {r.afterTheFact && (
            <Tooltip title={[r.place, r.vouchedBy].filter(Boolean).join(' · ') || undefined}>
              <Tag color="gold">{t('past.afterTheFact')}</Tag>
            </Tooltip>
          )}
          {!r.isBackfill && !r.correctsId && !r.afterTheFact && (
            <Typography.Text type="secondary">{t('rec.normal')}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('rec.team'),
      dataIndex: 'teamName',
      width: 170,
      render: (v: string | null, r: ServiceRecord) => v ?? r.communityName,
    },
    tab === 'returned'
      ? {
          title: t('rec.returnedReason'),
          dataIndex: 'returnedReason',
          width: 180,
          render: (v: string | null) => v ?? t('common.none'),
        }
      : tab === 'accepted'
        ? {
            title: t('rec.acceptedAt'),
            dataIndex: 'acceptedAt',
            width: 140,
            render: (v: string | null) => formatChina(v),
          }
        : {
            title: t('rec.confirmedAt'),
            dataIndex: 'confirmedAt',
            width: 140,
            render: (v: string | null) => formatChina(v),
          },
    ...(tab === 'returned' || tab === 'accepted'
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: ServiceRecord) => (
              <Button
                type="link"
                size="small"
                onClick={() => setCorrecting(r)}
                aria-label={`${t('rec.correct')} ${r.displayName} ${r.activityTitle}`}
              >
                {t('rec.correct')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('nav.acceptance')}
      extra={
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => setExporting(true)} data-testid="export-ledger">
          {t('rec.export')}
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setParams(
            (p) => {
              if (k === 'confirmed') p.delete('tab');
              else p.set('tab', k);
              return p;
            },
            { replace: true },
          );
          resetSelection();
        }}
        items={TABS.map((k) => ({ key: k, label: t(`rec.tab.${k}`) }))}
      />
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <TreeSelect
          allowClear
          aria-label={t('vol.community')}
          placeholder={t('vol.filterCommunity')}
          style={{ width: 200 }}
          value={communityId}
          onChange={(v?: string) => {
            setCommunityId(v ?? undefined);
            setTeamId(undefined);
            resetSelection();
          }}
          treeData={scope.communityTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
        <Select<string>
          allowClear
          aria-label={t('act.team')}
          placeholder={t('act.filterTeam')}
          style={{ width: 220 }}
          value={teamId}
          onChange={(v) => {
            setTeamId(v ?? undefined);
            resetSelection();
          }}
          options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <DatePicker.RangePicker
          aria-label={t('rec.dateRange')}
          allowEmpty={[true, true]}
          value={range}
          onChange={(v) => {
            setRange(v);
            resetSelection();
          }}
        />
      </Space>

      {selectable && (
        <div className="linli-batch-bar" aria-live="polite">
          <Typography.Text type={chosen.length ? undefined : 'secondary'}>
            {chosen.length
              ? t('rec.selectedSummary', { count: chosen.length, hours: hoursOf(chosenMinutes) })
              : t(tab === 'confirmed' ? 'rec.selectHintAccept' : 'rec.selectHintPending')}
          </Typography.Text>
          {tab === 'confirmed' ? (
            <Popconfirm
              title={t('rec.acceptConfirm', { count: chosen.length, hours: hoursOf(chosenMinutes) })}
              okText={t('rec.accept')}
              cancelText={t('common.cancel')}
              disabled={chosen.length === 0}
              onConfirm={() =>
                runBatch((ids) => accept.mutateAsync(ids), 'rec.acceptedN', chosen).catch(() => undefined)
              }
            >
              <Button
                type="primary"
                icon={<CheckOutlined aria-hidden />}
                disabled={chosen.length === 0}
                loading={accept.isPending}
                data-testid="batch-accept"
              >
                {t('rec.batchAccept')}
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t('rec.confirmConfirm', { count: chosen.length })}
              okText={t('rec.confirmForLeader')}
              cancelText={t('common.cancel')}
              disabled={chosen.length === 0}
              onConfirm={() =>
                runBatch((ids) => confirm.mutateAsync(ids), 'rec.confirmedN', chosen).catch(() => undefined)
              }
            >
              <Button icon={<CheckOutlined aria-hidden />} disabled={chosen.length === 0} loading={confirm.isPending}>
                {t('rec.confirmForLeader')}
              </Button>
            </Popconfirm>
          )}
          <Button
            danger
            icon={<RollbackOutlined aria-hidden />}
            disabled={chosen.length === 0}
            onClick={() => setReturning(chosen)}
            data-testid="batch-return"
          >
            {t('rec.return')}
          </Button>
        </div>
      )}

      <Table<ServiceRecord>
        aria-label={t('rec.table')}
        data-testid="records-table"
        size="middle"
        rowKey="id"
        loading={records.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: records.isError ? errorMessage(records.error) : t(`rec.empty.${tab}`) }}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({
                  disabled: tab === 'confirmed' ? !r.canAccept : !r.canConfirm,
                  'aria-label': `${r.displayName} ${r.activityTitle}`,
                }),
              }
            : undefined
        }
        expandable={{
          expandedRowRender: (r) => (
            <Space orientation="vertical" size={2}>
              <span>
                <Typography.Text type="secondary">{t('rec.window')}：</Typography.Text>
                {formatChina(r.startsAt)} – {formatChina(r.endsAt, 'HH:mm')}
              </span>
              {r.beneficiaries && (
                <span>
                  <Typography.Text type="secondary">{t('act.beneficiaries')}：</Typography.Text>
                  {r.beneficiaries}
                </span>
              )}
              {r.note && (
                <span>
                  <Typography.Text type="secondary">{t('rec.note')}：</Typography.Text>
                  {r.note}
                </span>
              )}
              <span>
                <Typography.Text type="secondary">{t('rec.status')}：</Typography.Text>
                <Tag color={RECORD_STATUS_COLOR[r.status]}>{t(`rec.status.${r.status}`)}</Tag>
              </span>
            </Space>
          ),
        }}
        columns={columns}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="records-total">
          {t('common.totalOf', { total: records.data?.pages[0]?.total ?? 0, count: rows.length })}
        </Typography.Text>
        {records.hasNextPage ? (
          <Button onClick={() => records.fetchNextPage()} loading={records.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>

      <ReasonModal
        open={returning !== null}
        title={t('rec.returnTitle', { count: returning?.length ?? 0 })}
        description={t('rec.returnHint')}
        label={t('rec.returnReason')}
        okText={t('rec.return')}
        onCancel={() => setReturning(null)}
        onSubmit={(reason) =>
          runBatch((ids) => ret.mutateAsync({ recordIds: ids, reason }), 'rec.returnedN', returning ?? []).then(() =>
            setReturning(null),
          )
        }
      />
      <CorrectRecordModal record={correcting} onClose={() => setCorrecting(null)} />
      <ExportLedgerModal
        open={exporting}
        scope={scope}
        defaults={{ communityId, teamId }}
        onClose={() => setExporting(false)}
      />
    </Card>
  );
}
