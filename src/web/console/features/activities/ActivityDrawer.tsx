// One activity: details, publish / cancel, the roster with attendance marking, closing attendance after the end,
// the check-in code and the ledger.
import {
  CheckOutlined,
  CloseCircleOutlined,
  DownloadOutlined,
  KeyOutlined,
  LockOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { formatChina, formatWindow } from '../../lib/chinaTime';
import { useDownload } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import {
  isAttendanceMethod,
  SIGNUP_COLOR,
  type Activity,
  type RosterEntry,
  type SignupStatus,
} from '../../lib/volunteering';
import { LoadError } from '../../layout/LoadError';
import { ReasonModal } from '../../components/ReasonModal';
import { ledgerExportUrl } from '../records/queries';
import { AttendanceCodeModal } from './AttendanceCodeModal';
import { MarkPresentModal } from './MarkPresentModal';
import { PhaseTag } from './phase';
import {
  useActivity,
  useCancelActivity,
  useCloseActivity,
  useMarkAttendance,
  usePublishActivity,
  useRoster,
} from './queries';

export function ActivityDrawer({ activityId, onClose }: { activityId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const q = useActivity(activityId);
  return (
    <Drawer
      open={activityId !== null}
      onClose={onClose}
      size={980}
      destroyOnHidden
      title={
        q.data ? (
          <Space>
            {q.data.title}
            <PhaseTag phase={q.data.phase} />
          </Space>
        ) : (
          t('act.drawerTitle')
        )
      }
    >
      {q.isPending ? (
        <Spin />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <ActivityBody a={q.data} />
      )}
    </Drawer>
  );
}

function ActivityBody({ a }: { a: Activity }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const publish = usePublishActivity();
  const cancel = useCancelActivity();
  const mark = useMarkAttendance();
  const close = useCloseActivity();
  const roster = useRoster(a.id, a.canManage);
  const { download, busy } = useDownload();
  const [cancelling, setCancelling] = useState(false);
  const [codeOpen, setCodeOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [presentFor, setPresentFor] = useState<RosterEntry[] | null>(null);
  const none = t('common.none');
  const started = Date.parse(a.startsAt) <= Date.now();
  const ended = Date.parse(a.endsAt) <= Date.now();
  const canMark = a.canManage && a.status === 'published' && started;
  const entries = roster.data ?? [];
  const chosen = entries.filter((e) => selected.includes(e.userId));

  const onPublish = () =>
    publish.mutate(a.id, {
      onSuccess: () => void message.success(t('act.published')),
      onError: (err) => void message.error(errorMessage(err)),
    });

  const onAbsent = () =>
    mark.mutate(
      { id: a.id, entries: chosen.map((e) => ({ userId: e.userId, present: false })) },
      {
        onSuccess: () => {
          void message.success(t('act.markedAbsent', { count: chosen.length }));
          setSelected([]);
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  const onClose = () =>
    close.mutate(a.id, {
      onSuccess: () => void message.success(t('act.close')),
      onError: (err) => void message.error(errorMessage(err)),
    });

  const exportLedger = () => {
    const scope = a.teamId ? { teamId: a.teamId } : { communityId: a.communityId };
    void download(ledgerExportUrl(scope), '服务台账.xlsx', 'ledger');
  };

  const methodLabel = (m: RosterEntry['method']) => (isAttendanceMethod(m) ? t(`act.method.${m}`) : (m ?? none));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        {a.canManage && a.status === 'draft' && (
          <Popconfirm
            title={t('act.publishConfirm')}
            okText={t('act.publish')}
            cancelText={t('common.cancel')}
            onConfirm={onPublish}
          >
            <Button type="primary" icon={<SendOutlined aria-hidden />} loading={publish.isPending}>
              {t('act.publish')}
            </Button>
          </Popconfirm>
        )}
        {a.canManage && a.status === 'published' && (
          <Button icon={<KeyOutlined aria-hidden />} onClick={() => setCodeOpen(true)} data-testid="show-code">
            {t('act.showCode')}
          </Button>
        )}
        {a.canManage && a.status === 'published' && ended && !a.closedAt && (
          <Popconfirm
            title={t('act.closeConfirm')}
            okText={t('act.close')}
            cancelText={t('common.cancel')}
            onConfirm={onClose}
          >
            <Button icon={<LockOutlined aria-hidden />} loading={close.isPending} data-testid="close-activity">
              {t('act.close')}
            </Button>
          </Popconfirm>
        )}
        {a.audience === 'resident' && <Tag color="blue">{t('act.residentTag')}</Tag>}
        {a.closedAt && <Tag>{t('act.closedAt', { time: formatChina(a.closedAt) })}</Tag>}
        <Tooltip
          title={
            a.teamName
              ? t('act.ledgerOfTeam', { team: a.teamName })
              : t('act.ledgerOfCommunity', { community: a.communityName })
          }
        >
          <Button icon={<DownloadOutlined aria-hidden />} loading={busy === 'ledger'} onClick={exportLedger}>
            {t('act.exportLedger')}
          </Button>
        </Tooltip>
        {a.canManage && a.status !== 'cancelled' && !ended && (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setCancelling(true)}>
            {t('act.cancel')}
          </Button>
        )}
      </Space>
      {a.status === 'cancelled' && (
        <Alert type="warning" showIcon title={t('act.cancelledBecause', { reason: a.cancelReason ?? none })} />
      )}
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 116, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'time', label: t('act.window'), span: 2, children: formatWindow(a.startsAt, a.endsAt) },
          { key: 'addr', label: t('act.address'), children: a.address },
          { key: 'grid', label: t('act.grid'), children: a.gridName ?? none },
          { key: 'community', label: t('vol.community'), children: a.communityName },
          { key: 'team', label: t('act.team'), children: a.teamName ?? none },
          { key: 'cat', label: t('act.category'), children: <Tag>{a.category}</Tag> },
          {
            key: 'slots',
            label: t('act.slots'),
            children: (
              <span>
                {t('act.slotsValue', { confirmed: a.confirmedCount, slots: a.slots })}
                {a.waitlistCount > 0 && (
                  <Typography.Text type="secondary">{t('act.waitlistN', { count: a.waitlistCount })}</Typography.Text>
                )}
              </span>
            ),
          },
          { key: 'sd', label: t('act.signupDeadline'), children: formatChina(a.signupDeadline) },
          { key: 'cd', label: t('act.cancelDeadline'), children: formatChina(a.cancelDeadline) },
          {
            key: 'skills',
            label: t('act.requiredSkills'),
            children: a.requiredSkills.length ? a.requiredSkills.map((s) => <Tag key={s}>{s}</Tag>) : none,
          },
          { key: 'ben', label: t('act.beneficiaries'), children: a.beneficiaries ?? none },
          { key: 'pts', label: t('act.pointsPerHour'), children: a.pointsPerHour ?? t('act.pointsDefault') },
          { key: 'series', label: t('act.series'), children: a.seriesId ? t('act.seriesYes') : t('act.seriesNo') },
          {
            key: 'desc',
            label: t('act.description'),
            span: 2,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.description || none}</span>,
          },
        ]}
      />

      {a.canManage && (
        <>
          <Divider titlePlacement="start" style={{ margin: '4px 0 0' }}>
            {t('act.roster', { count: entries.length })}
          </Divider>
          <div className="linli-batch-bar">
            <Typography.Text type={chosen.length ? undefined : 'secondary'}>
              {chosen.length
                ? t('common.selectedN', { count: chosen.length })
                : canMark
                  ? t('act.markHint')
                  : t('act.markNotYet')}
            </Typography.Text>
            <Button
              type="primary"
              icon={<CheckOutlined aria-hidden />}
              disabled={!canMark || chosen.length === 0}
              onClick={() => setPresentFor(chosen)}
              data-testid="mark-present"
            >
              {t('act.markPresent')}
            </Button>
            <Popconfirm
              title={t('act.markAbsentConfirm', { count: chosen.length })}
              okText={t('act.markAbsent')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              disabled={!canMark || chosen.length === 0}
              onConfirm={onAbsent}
            >
              <Button
                danger
                icon={<CloseCircleOutlined aria-hidden />}
                disabled={!canMark || chosen.length === 0}
                loading={mark.isPending}
              >
                {t('act.markAbsent')}
              </Button>
            </Popconfirm>
          </div>
          <Table<RosterEntry>
            aria-label={t('act.rosterTable')}
            data-testid="roster-table"
            size="small"
            rowKey="userId"
            loading={roster.isPending}
            dataSource={entries}
            pagination={false}
            locale={{ emptyText: roster.isError ? errorMessage(roster.error) : t('act.rosterEmpty') }}
            rowSelection={
              canMark
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys as string[]),
                    getCheckboxProps: (e) => ({
                      disabled: e.status === 'waitlisted' || e.status === 'cancelled',
                      'aria-label': e.displayName,
                    }),
                  }
                : undefined
            }
            columns={[
              { title: t('act.seq'), dataIndex: 'seq', width: 60 },
              { title: t('vol.name'), dataIndex: 'displayName', width: 110 },
              {
                title: t('vol.no'),
                dataIndex: 'volunteerNo',
                width: 140,
                render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? none}</span>,
              },
              {
                title: t('vol.phone'),
                dataIndex: 'phoneMasked',
                width: 130,
                render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
              },
              {
                title: t('act.signupStatus'),
                dataIndex: 'status',
                width: 90,
                render: (s: SignupStatus) => <Tag color={SIGNUP_COLOR[s]}>{t(`act.signup.${s}`)}</Tag>,
              },
              {
                title: t('act.checkIn'),
                dataIndex: 'checkInAt',
                width: 140,
                render: (v: string | null) => formatChina(v, 'MM-DD HH:mm'),
              },
              {
                title: t('act.checkOut'),
                dataIndex: 'checkOutAt',
                width: 140,
                render: (v: string | null) => formatChina(v, 'MM-DD HH:mm'),
              },
              { title: t('act.method'), dataIndex: 'method', width: 100, render: methodLabel },
            ]}
          />
        </>
      )}

      <ReasonModal
        open={cancelling}
        title={t('act.cancelTitle', { title: a.title })}
        description={
          a.confirmedCount + a.waitlistCount > 0
            ? t('act.cancelHint', { count: a.confirmedCount + a.waitlistCount })
            : undefined
        }
        label={t('act.cancelReason')}
        okText={t('act.cancel')}
        onCancel={() => setCancelling(false)}
        onSubmit={(reason) =>
          cancel.mutateAsync({ id: a.id, reason }).then(
            () => {
              message.success(t('act.cancelled'));
              setCancelling(false);
            },
            (err: unknown) => {
              message.error(errorMessage(err));
              throw err;
            },
          )
        }
      />
      <AttendanceCodeModal activity={a} open={codeOpen} onClose={() => setCodeOpen(false)} />
      <MarkPresentModal
        activity={a}
        entries={presentFor}
        onClose={() => setPresentFor(null)}
        onDone={() => setSelected([])}
      />
    </Space>
  );
}
