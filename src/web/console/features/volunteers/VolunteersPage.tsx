// 志愿者: the review queue (待审核) and the full roster (全部名册), with batch review and Excel in and out.
import { CheckOutlined, CloseOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Input,
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
import { useDownload } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import {
  hoursOf,
  starMarks,
  VOLUNTEER_STATUS_COLOR,
  VOLUNTEER_STATUSES,
  type Volunteer,
  type VolunteerStatus,
} from '../../lib/volunteering';
import { ReasonModal } from '../../components/ReasonModal';
import { useVolunteeringScope } from '../org/scope';
import { useVolunteeringSettings } from '../settings/queries';
import { AvailabilityCompact } from './availability';
import { ImportVolunteersModal } from './ImportVolunteersModal';
import { useTeamOptions } from '../teams/queries';
import { useReviewVolunteers, useVolunteers, volunteerUrls, type VolunteerFilter } from './queries';
import { VolunteerDrawer } from './VolunteerDrawer';

type TabKey = 'pending' | 'all';

export function VolunteersPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const scope = useVolunteeringScope();
  const settings = useVolunteeringSettings(scope.districtId);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'all' ? 'all' : 'pending';
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<Omit<VolunteerFilter, 'status'>>({});
  const [status, setStatus] = useState<VolunteerStatus | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Volunteer[] | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const review = useReviewVolunteers();
  const busy = review.isPending;
  const teams = useTeamOptions(
    { districtId: scope.districtId ?? undefined, communityId: filter.communityId },
    !!scope.districtId,
  );
  const { download, busy: downloading } = useDownload();

  const effective: VolunteerFilter = {
    ...filter,
    status: tab === 'pending' ? 'pending' : status,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useVolunteers(effective);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const byId = useMemo(() => new Map(rows.map((v) => [v.id, v])), [rows]);
  // Template and export need one community: the filter's, or the only one the actor runs.
  const fileCommunityId = filter.communityId ?? scope.onlyCommunityId;

  const changeFilter = (patch: Partial<VolunteerFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setSelected([]);
  };

  /**
   * One call for the whole selection: the server decides all of it or none (naming the one that could not be
   * decided), and audits each volunteer on its own.
   */
  const runReview = async (targets: Volunteer[], decision: 'approve' | 'reject', reason?: string) => {
    try {
      const res = await review.mutateAsync({ volunteerIds: targets.map((v) => v.id), decision, reason });
      setSelected((s) => s.filter((id) => !targets.some((v) => v.id === id)));
      message.success(t(decision === 'approve' ? 'vol.approvedN' : 'vol.rejectedN', { count: res.items.length }));
    } catch (err) {
      modal.error({ title: t('vol.reviewFailed', { count: targets.length }), content: errorMessage(err) });
      throw err;
    }
  };

  const selectedRows = selected.map((id) => byId.get(id)).filter((v): v is Volunteer => !!v && v.status === 'pending');

  const exportRoster = () => {
    if (!fileCommunityId) return;
    void download(
      volunteerUrls.export(fileCommunityId, tab === 'pending' ? 'pending' : status),
      '志愿者名册.xlsx',
      'export',
    );
  };
  const needCommunity = !fileCommunityId ? t('vol.pickCommunityFirst') : undefined;

  return (
    <Card title={t('nav.volunteers')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setParams(
            (p) => {
              if (k === 'all') p.set('tab', 'all');
              else p.delete('tab');
              return p;
            },
            { replace: true },
          );
          setSelected([]);
        }}
        items={[
          { key: 'pending', label: t('vol.tab.pending') },
          { key: 'all', label: t('vol.tab.all') },
        ]}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', marginBottom: 16 }}>
        <Space wrap size={12}>
          <TreeSelect
            allowClear
            aria-label={t('vol.community')}
            placeholder={t('vol.filterCommunity')}
            style={{ width: 220 }}
            value={filter.communityId}
            onChange={(v?: string) => changeFilter({ communityId: v ?? undefined })}
            treeData={scope.communityTree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            loading={scope.nodesLoading}
          />
          {tab === 'all' && (
            <Select<VolunteerStatus>
              allowClear
              aria-label={t('vol.status')}
              placeholder={t('vol.filterStatus')}
              style={{ width: 130 }}
              value={status}
              onChange={(v) => {
                setStatus(v ?? undefined);
                setSelected([]);
              }}
              options={VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`vol.status.${s}`) }))}
            />
          )}
          <Select<string>
            allowClear
            aria-label={t('vol.filterTeam')}
            placeholder={t('vol.filterTeam')}
            style={{ width: 160 }}
            value={filter.teamId}
            onChange={(v) => changeFilter({ teamId: v ?? undefined })}
            options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isPending && !!scope.districtId}
          />
          <DatePicker.RangePicker
            aria-label={t('vol.appliedRange')}
            placeholder={[t('vol.appliedRange'), t('vol.appliedRange')]}
            allowEmpty={[true, true]}
            value={range}
            onChange={(v) => {
              setRange(v);
              setSelected([]);
            }}
          />
          <Select<string>
            allowClear
            aria-label={t('vol.skills')}
            placeholder={t('vol.filterSkill')}
            style={{ width: 140 }}
            value={filter.skill}
            onChange={(v) => changeFilter({ skill: v ?? undefined })}
            options={(settings.data?.skills ?? []).map((s) => ({ value: s, label: s }))}
            loading={settings.isPending}
          />
          <Input.Search
            allowClear
            aria-label={t('vol.searchName')}
            placeholder={t('vol.searchName')}
            style={{ width: 220 }}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value) changeFilter({ q: undefined });
            }}
            onSearch={(v) => changeFilter({ q: v.trim() || undefined })}
            enterButton={t('common.search')}
          />
        </Space>
        <Space wrap>
          <Tooltip title={needCommunity}>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!fileCommunityId}
              loading={downloading === 'template'}
              onClick={() =>
                fileCommunityId && download(volunteerUrls.template(fileCommunityId), '志愿者导入模板.xlsx', 'template')
              }
            >
              {t('vol.template')}
            </Button>
          </Tooltip>
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImportOpen(true)} data-testid="open-import">
            {t('vol.import')}
          </Button>
          <Tooltip title={needCommunity}>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!fileCommunityId}
              loading={downloading === 'export'}
              onClick={exportRoster}
            >
              {t('vol.export')}
            </Button>
          </Tooltip>
        </Space>
      </div>

      {tab === 'pending' && (
        <div className="linli-batch-bar" aria-live="polite">
          <Tooltip title={t('vol.reviewAllOrNothing')}>
            <Typography.Text type={selectedRows.length ? undefined : 'secondary'}>
              {selectedRows.length ? t('common.selectedN', { count: selectedRows.length }) : t('vol.selectHint')}
            </Typography.Text>
          </Tooltip>
          <Popconfirm
            title={t('vol.approveConfirm', { count: selectedRows.length })}
            okText={t('vol.approve')}
            cancelText={t('common.cancel')}
            disabled={selectedRows.length === 0}
            onConfirm={() => runReview(selectedRows, 'approve').catch(() => undefined)}
          >
            <Button
              type="primary"
              icon={<CheckOutlined aria-hidden />}
              disabled={selectedRows.length === 0}
              loading={busy}
              data-testid="batch-approve"
            >
              {t('vol.batchApprove')}
            </Button>
          </Popconfirm>
          <Button
            danger
            icon={<CloseOutlined aria-hidden />}
            disabled={selectedRows.length === 0 || busy}
            onClick={() => setRejecting(selectedRows)}
            data-testid="batch-reject"
          >
            {t('vol.batchReject')}
          </Button>
        </div>
      )}

      <Table<Volunteer>
        aria-label={t('vol.table')}
        data-testid="volunteers-table"
        className="linli-clickable-rows"
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1140 }}
        locale={{
          emptyText: list.isError ? errorMessage(list.error) : t(tab === 'pending' ? 'vol.emptyPending' : 'vol.empty'),
        }}
        rowSelection={
          tab === 'pending'
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (v) => ({ disabled: v.status !== 'pending', 'aria-label': v.realNameMasked }),
              }
            : undefined
        }
        onRow={(v) => ({ onClick: () => setOpenId(v.id) })}
        columns={[
          {
            title: t('vol.no'),
            dataIndex: 'volunteerNo',
            width: 120,
            render: (v: string | null) =>
              v ? (
                <span style={{ fontFamily: 'monospace' }}>{v}</span>
              ) : (
                <Typography.Text type="secondary">{t('vol.noNumberYet')}</Typography.Text>
              ),
          },
          {
            title: t('vol.name'),
            dataIndex: 'realNameMasked',
            width: 72,
            render: (v: string, row) => (
              <Typography.Link strong onClick={() => setOpenId(row.id)}>
                {v}
              </Typography.Link>
            ),
          },
          {
            title: t('vol.phone'),
            dataIndex: 'phoneMasked',
            width: 112,
            render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
          },
          { title: t('vol.community'), dataIndex: 'communityName', width: 84, ellipsis: true },
          {
            title: t('vol.skills'),
            dataIndex: 'skills',
            width: 144,
            render: (s: string[]) =>
              s.length ? (
                <Space size={[0, 4]} wrap>
                  {s.map((x) => (
                    <Tag key={x}>{x}</Tag>
                  ))}
                </Space>
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('vol.availability'),
            dataIndex: 'availability',
            width: 130,
            render: (a: Volunteer['availability']) => <AvailabilityCompact availability={a} />,
          },
          {
            title: t('vol.acceptedHoursShort'),
            dataIndex: 'acceptedMinutes',
            width: 92,
            align: 'right',
            render: (m: number) => hoursOf(m),
          },
          {
            title: t('vol.star'),
            dataIndex: 'starLevel',
            width: 70,
            render: (l: number) =>
              l > 0 ? (
                <span style={{ color: '#faad14' }} aria-label={t('vol.starN', { n: l })}>
                  {starMarks(l)}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ),
          },
          {
            title: t('vol.status'),
            dataIndex: 'status',
            width: 76,
            render: (s: VolunteerStatus, v) =>
              s === 'rejected' && v.rejectReason ? (
                <Tooltip title={t('vol.rejectReasonIs', { reason: v.rejectReason })}>
                  <Tag color={VOLUNTEER_STATUS_COLOR[s]}>{t(`vol.status.${s}`)}</Tag>
                </Tooltip>
              ) : (
                <Tag color={VOLUNTEER_STATUS_COLOR[s]}>{t(`vol.status.${s}`)}</Tag>
              ),
          },
          {
            title: t('vol.appliedAt'),
            dataIndex: 'appliedAt',
            width: 104,
            render: (v: string) => (
              <Tooltip title={formatChina(v)}>
                <span>{formatChina(v, 'YYYY-MM-DD')}</span>
              </Tooltip>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 104,
            render: (_, v) =>
              v.status === 'pending' ? (
                <Space size={4} onClick={(e) => e.stopPropagation()}>
                  <Popconfirm
                    title={t('vol.approveOneConfirm', { name: v.realNameMasked })}
                    okText={t('vol.approve')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => runReview([v], 'approve').catch(() => undefined)}
                  >
                    <Button
                      type="link"
                      size="small"
                      aria-label={`${t('vol.approve')} ${v.realNameMasked}`}
                      data-testid={`approve-${v.id}`}
                    >
                      {t('vol.approve')}
                    </Button>
                  </Popconfirm>
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => setRejecting([v])}
                    aria-label={`${t('vol.reject')} ${v.realNameMasked}`}
                  >
                    {t('vol.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="volunteers-total">
          {t('common.totalOf', { total: list.data?.pages[0]?.total ?? 0, count: rows.length })}
        </Typography.Text>
        {list.hasNextPage ? (
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>

      <VolunteerDrawer
        volunteerId={openId}
        onClose={() => setOpenId(null)}
        reviewing={busy}
        onApprove={(v) => runReview([v], 'approve').catch(() => undefined)}
        onReject={(v) => setRejecting([v])}
      />
      <ReasonModal
        open={rejecting !== null}
        title={
          rejecting?.length === 1 && rejecting[0]
            ? t('vol.rejectOneTitle', { name: rejecting[0].realNameMasked })
            : t('vol.rejectManyTitle', { count: rejecting?.length ?? 0 })
        }
        description={t('vol.rejectHint')}
        label={t('vol.rejectReason')}
        okText={t('vol.reject')}
        onCancel={() => setRejecting(null)}
        onSubmit={async (reason) => {
          try {
            await runReview(rejecting ?? [], 'reject', reason);
          } finally {
            setRejecting(null);
          }
        }}
      />
      <ImportVolunteersModal
        open={importOpen}
        scope={scope}
        defaultCommunityId={fileCommunityId}
        onClose={() => setImportOpen(false)}
      />
    </Card>
  );
}
