// 活动: a month calendar (each day lists its activities with a phase dot) or a list, filters, and 新建活动.
import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Calendar,
  Card,
  DatePicker,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { chinaDate, chinaDayjs, chinaIso, chinaNow, formatChina, formatWindow } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { ACTIVITY_STATUSES, PHASE_COLOR, type Activity, type ActivityStatus } from '../../lib/volunteering';
import { LoadError } from '../../layout/LoadError';
import { useVolunteeringScope } from '../org/scope';
import { useVolunteeringSettings } from '../settings/queries';
import { useTeamOptions } from '../teams/queries';
import { ActivityDrawer } from './ActivityDrawer';
import { ActivityFormModal } from './ActivityFormModal';
import { PhaseLegend, PhaseTag } from './phase';
import { useActivities, useActivitiesInRange, type ActivityFilter } from './queries';

type View = 'calendar' | 'list';
const MAX_PER_DAY = 3;

export function ActivitiesPage() {
  const { t } = useI18n();
  const scope = useVolunteeringScope();
  const settings = useVolunteeringSettings(scope.districtId);
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'list' ? 'list' : 'calendar';
  const [filter, setFilter] = useState<ActivityFilter>({});
  const [month, setMonth] = useState<Dayjs>(() => chinaNow().startOf('month'));
  const [listRange, setListRange] = useState<[Dayjs | null, Dayjs | null] | null>(() => [
    chinaNow().startOf('day'),
    null,
  ]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ date?: Dayjs } | null>(null);
  const teams = useTeamOptions(
    { districtId: scope.districtId ?? undefined, communityId: filter.communityId },
    !!scope.districtId,
  );

  const base: ActivityFilter = { ...filter, districtId: scope.districtId ?? undefined };
  // The calendar shows up to six weeks around the month: ask for a little before and after.
  const from = chinaIso(month.startOf('month').subtract(7, 'day'));
  const to = chinaIso(month.endOf('month').add(8, 'day').startOf('day'));
  const ranged = useActivitiesInRange(base, from, to, view === 'calendar' && !!scope.districtId);
  const listed = useActivities(
    {
      ...base,
      from: listRange?.[0] ? chinaIso(listRange[0].startOf('day')) : undefined,
      to: listRange?.[1] ? chinaIso(listRange[1].add(1, 'day').startOf('day')) : undefined,
    },
    view === 'list' && !!scope.districtId,
  );
  const listRows = useMemo(() => listed.data?.pages.flatMap((p) => p.items) ?? [], [listed.data]);

  const byDay = useMemo(() => {
    const m = new Map<string, Activity[]>();
    for (const a of ranged.data ?? []) {
      const d = chinaDate(a.startsAt);
      m.set(d, [...(m.get(d) ?? []), a]);
    }
    return m;
  }, [ranged.data]);

  const setView = (v: View) =>
    setParams(
      (p) => {
        if (v === 'list') p.set('view', 'list');
        else p.delete('view');
        return p;
      },
      { replace: true },
    );

  const dayCell = (date: Dayjs) => {
    const items = byDay.get(date.format('YYYY-MM-DD')) ?? [];
    if (items.length === 0) return null;
    return (
      <ul className="linli-day-list" aria-label={t('act.dayList', { date: date.format('M月D日') })}>
        {items.slice(0, MAX_PER_DAY).map((a) => (
          <li key={a.id}>
            <Tooltip title={`${formatWindow(a.startsAt, a.endsAt)} ${a.title} · ${t(`act.phase.${a.phase}`)}`}>
              <button
                type="button"
                className="linli-day-item"
                onClick={(e) => {
                  e.stopPropagation();
                  setOpenId(a.id);
                }}
              >
                <Badge color={PHASE_COLOR[a.phase]} />
                <span className="linli-day-time">{formatChina(a.startsAt, 'HH:mm')}</span>
                <span
                  className="linli-day-title"
                  style={a.phase === 'cancelled' ? { textDecoration: 'line-through', color: '#999' } : undefined}
                >
                  {a.title}
                </span>
              </button>
            </Tooltip>
          </li>
        ))}
        {items.length > MAX_PER_DAY && (
          <li>
            <Typography.Link
              style={{ fontSize: 12 }}
              onClick={(e) => {
                e.stopPropagation();
                setFilterDay(date);
              }}
            >
              {t('act.moreN', { count: items.length - MAX_PER_DAY })}
            </Typography.Link>
          </li>
        )}
      </ul>
    );
  };

  /** "+N 更多": switch to the list for that one day. */
  const setFilterDay = (date: Dayjs) => {
    setListRange([date, date]);
    setView('list');
  };

  return (
    <Card
      title={t('nav.activities')}
      extra={
        <Space>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'calendar', label: t('act.viewCalendar'), icon: <CalendarOutlined aria-hidden /> },
              { value: 'list', label: t('act.viewList'), icon: <UnorderedListOutlined aria-hidden /> },
            ]}
          />
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating({})}
            data-testid="create-activity"
          >
            {t('act.create')}
          </Button>
        </Space>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <TreeSelect
          allowClear
          aria-label={t('vol.community')}
          placeholder={t('vol.filterCommunity')}
          style={{ width: 200 }}
          value={filter.communityId}
          onChange={(v?: string) => setFilter((f) => ({ ...f, communityId: v ?? undefined, teamId: undefined }))}
          treeData={scope.communityTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={scope.nodesLoading}
        />
        <Select<string>
          allowClear
          aria-label={t('act.team')}
          placeholder={t('act.filterTeam')}
          style={{ width: 200 }}
          value={filter.teamId}
          onChange={(v) => setFilter((f) => ({ ...f, teamId: v ?? undefined }))}
          options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Select<string>
          allowClear
          aria-label={t('act.category')}
          placeholder={t('act.filterCategory')}
          style={{ width: 140 }}
          value={filter.category}
          onChange={(v) => setFilter((f) => ({ ...f, category: v ?? undefined }))}
          options={(settings.data?.activityCategories ?? []).map((c) => ({ value: c, label: c }))}
        />
        <Select<ActivityStatus>
          allowClear
          aria-label={t('act.status')}
          placeholder={t('act.filterStatus')}
          style={{ width: 120 }}
          value={filter.status}
          onChange={(v) => setFilter((f) => ({ ...f, status: v ?? undefined }))}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`act.status.${s}`) }))}
        />
        {view === 'list' && (
          <DatePicker.RangePicker
            aria-label={t('act.dateRange')}
            allowEmpty={[true, true]}
            value={listRange}
            onChange={(v) => setListRange(v)}
          />
        )}
      </Space>

      {view === 'calendar' ? (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <PhaseLegend />
            {ranged.isFetching && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
          </div>
          {ranged.isError ? (
            <LoadError error={ranged.error} onRetry={() => ranged.refetch()} />
          ) : (
            <Calendar
              className="linli-activity-calendar"
              value={month}
              onPanelChange={(d) => setMonth(d.startOf('month'))}
              onSelect={(d) => {
                if (!d.isSame(month, 'month')) setMonth(d.startOf('month'));
              }}
              mode="month"
              cellRender={(current, info) => (info.type === 'date' ? dayCell(current) : info.originNode)}
            />
          )}
        </>
      ) : (
        <>
          <Table<Activity>
            aria-label={t('act.table')}
            data-testid="activities-table"
            className="linli-clickable-rows"
            size="middle"
            rowKey="id"
            loading={listed.isPending}
            dataSource={listRows}
            pagination={false}
            locale={{ emptyText: listed.isError ? errorMessage(listed.error) : t('act.empty') }}
            onRow={(a) => ({ onClick: () => setOpenId(a.id) })}
            columns={[
              { title: t('act.window'), key: 'time', width: 200, render: (_, a) => formatWindow(a.startsAt, a.endsAt) },
              {
                title: t('act.title'),
                dataIndex: 'title',
                render: (v: string, a) => (
                  <Space size={4}>
                    <Typography.Link strong onClick={() => setOpenId(a.id)}>
                      {v}
                    </Typography.Link>
                    {a.seriesId && <Tag>{t('act.weekly')}</Tag>}
                  </Space>
                ),
              },
              { title: t('act.category'), dataIndex: 'category', width: 110, render: (v: string) => <Tag>{v}</Tag> },
              { title: t('vol.community'), dataIndex: 'communityName', width: 120 },
              {
                title: t('act.team'),
                dataIndex: 'teamName',
                width: 180,
                render: (v: string | null) => v ?? t('common.none'),
              },
              {
                title: t('act.slots'),
                key: 'slots',
                width: 130,
                render: (_, a) => (
                  <span>
                    {a.confirmedCount}/{a.slots}
                    {a.waitlistCount > 0 && (
                      <Typography.Text type="secondary">
                        {t('act.waitlistN', { count: a.waitlistCount })}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
              {
                title: t('act.status'),
                dataIndex: 'phase',
                width: 120,
                render: (_, a) => <PhaseTag phase={a.phase} />,
              },
            ]}
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
            <Typography.Text type="secondary" data-testid="activities-total">
              {t('common.totalOf', { total: listed.data?.pages[0]?.total ?? 0, count: listRows.length })}
            </Typography.Text>
            {listed.hasNextPage ? (
              <Button onClick={() => listed.fetchNextPage()} loading={listed.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            ) : (
              listRows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
            )}
          </div>
        </>
      )}
      <ActivityDrawer activityId={openId} onClose={() => setOpenId(null)} />
      <ActivityFormModal
        open={creating !== null}
        scope={scope}
        defaults={{ communityId: filter.communityId, teamId: filter.teamId, date: creating?.date }}
        onClose={() => setCreating(null)}
        onCreated={(items) => {
          if (items[0]) {
            setMonth(chinaDayjs(items[0].startsAt).startOf('month'));
            setOpenId(items[0].id);
          }
        }}
      />
    </Card>
  );
}
