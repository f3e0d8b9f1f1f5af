// 积分流水 / 冲正: the district's public ledger (names masked, as residents see it) filtered by community and
// month; an admin corrects a journal only by adding a reversing journal, never by editing it.
import { Alert, App, Button, Card, DatePicker, Space, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { ReasonModal } from '../../components/ReasonModal';
import { isDistrictAdmin, useVolunteeringScope } from '../org/scope';
import { REASON_MAX, REASON_MIN } from './AwardPointsModal';
import { PointsGate } from './PointsGate';
import { useLedgerHead, usePublicJournals, useReverseJournal } from './queries';
import { pointsDistrictId } from './scope';
import { JOURNAL_TYPE_COLOR, signed, type JournalType, type PublicJournal } from './types';

export function JournalsPage() {
  return (
    <PointsGate>
      <Journals />
    </PointsGate>
  );
}

/** A hash cut to its head; the whole on hover and copy. */
export function ShortHash({ hash, size = 10 }: { hash: string; size?: number }) {
  return (
    <Tooltip title={<span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{hash}</span>}>
      <Typography.Text copyable={{ text: hash }} style={{ fontFamily: 'monospace', fontSize: 12 }} type="secondary">
        {hash.slice(0, size)}…
      </Typography.Text>
    </Tooltip>
  );
}

export function JournalTypeTag({ type }: { type: JournalType }) {
  const { t } = useI18n();
  return <Tag color={JOURNAL_TYPE_COLOR[type] ?? 'default'}>{t(`pts.type.${type}`)}</Tag>;
}

function Journals() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const districtId = pointsDistrictId(scope.me);
  // undefined: not chosen yet (a community admin starts on their community); null: all communities.
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const communityId = picked === undefined ? scope.onlyCommunityId : (picked ?? undefined);
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [reversing, setReversing] = useState<PublicJournal | null>(null);
  /** Journals reversed from this page (id → seq of the reversal), so they cannot be reversed again by mistake. */
  const [reversedHere, setReversedHere] = useState<Record<string, number>>({});
  const journals = usePublicJournals(districtId, { communityId, month: month?.format('YYYY-MM') });
  const head = useLedgerHead(districtId);
  const reverse = useReverseJournal();
  const rows = useMemo(() => journals.data?.pages.flatMap((p) => p.items) ?? [], [journals.data]);

  const reversedBy = useMemo(() => {
    const m = new Map<string, number>(Object.entries(reversedHere));
    for (const r of rows) if (r.type === 'reverse' && r.reversesId) m.set(r.reversesId, r.seq);
    return m;
  }, [rows, reversedHere]);

  // The server refuses journals outside the actor's reach; offer the action only where it can succeed.
  const districtWide = isDistrictAdmin(scope.me);
  const reachable = useMemo(() => new Set(scope.communities.map((c) => c.name)), [scope.communities]);
  const canReverse = (j: PublicJournal) =>
    j.type !== 'reverse' && (districtWide || (!!j.communityName && reachable.has(j.communityName)));

  const onReverse = async (reason: string) => {
    const j = reversing!;
    const seen = new Set(rows.map((r) => r.seq));
    try {
      const rev = await reverse.mutateAsync({ id: j.id, reason });
      // The server answers a second reversal with the first one (its key is the journal): say so.
      const earlier = seen.has(rev.seq) || rev.reason !== `冲正：${reason}`;
      if (earlier) message.warning(t('pts.jr.reverseAlready', { seq: rev.seq }));
      else message.success(t('pts.jr.reverseOk', { seq: rev.seq }));
      setReversedHere((m) => ({ ...m, [j.id]: rev.seq }));
      setReversing(null);
    } catch (err) {
      message.error(errorMessage(err));
      throw err;
    }
  };

  return (
    <Card
      title={t('nav.pointsJournals')}
      extra={
        head.data && (
          <Space size={6} data-testid="ledger-head">
            <Typography.Text type="secondary">{t('pts.jr.head', { count: head.data.count })}</Typography.Text>
            <ShortHash hash={head.data.hash} size={12} />
          </Space>
        )
      }
    >
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <TreeSelect
          allowClear
          aria-label={t('pts.jr.community')}
          placeholder={t('pts.jr.filterCommunity')}
          style={{ width: 220 }}
          value={communityId}
          onChange={(v?: string) => setPicked(v ?? null)}
          treeData={scope.communityTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={scope.nodesLoading}
        />
        <DatePicker
          picker="month"
          allowClear
          aria-label={t('pts.jr.month')}
          placeholder={t('pts.jr.filterMonth')}
          value={month}
          onChange={(v) => setMonth(v)}
        />
        <Typography.Text type="secondary">{t('pts.jr.publicNote')}</Typography.Text>
      </Space>
      <Table<PublicJournal>
        aria-label={t('pts.jr.table')}
        data-testid="journals-table"
        size="middle"
        rowKey="id"
        loading={journals.isPending && !!districtId}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: journals.isError ? errorMessage(journals.error) : t('pts.jr.empty') }}
        columns={[
          {
            title: t('pts.jr.seq'),
            dataIndex: 'seq',
            width: 70,
            render: (v: number) => (
              <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>#{v}</Typography.Text>
            ),
          },
          { title: t('pts.jr.date'), dataIndex: 'date', width: 110 },
          {
            title: t('pts.jr.type'),
            dataIndex: 'type',
            width: 140,
            render: (v: JournalType, j) => (
              <Space size={2} wrap>
                <JournalTypeTag type={v} />
                {reversedBy.has(j.id) && (
                  <Tooltip title={t('pts.jr.reversedBy', { seq: reversedBy.get(j.id)! })}>
                    <Tag color="red" variant="filled">
                      {t('pts.jr.reversed')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('pts.jr.community'),
            dataIndex: 'communityName',
            width: 110,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('pts.jr.parties'),
            key: 'parties',
            width: 200,
            render: (_, j) => (
              <Space orientation="vertical" size={0}>
                {j.parties.length === 0 && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
                {j.parties.map((p, i) => (
                  <span key={i} style={{ whiteSpace: 'nowrap' }}>
                    {p.name}{' '}
                    <Typography.Text
                      strong
                      type={p.amount < 0 ? 'danger' : 'success'}
                      style={{ fontVariantNumeric: 'tabular-nums' }}
                    >
                      {signed(p.amount)}
                    </Typography.Text>
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('pts.jr.reason'),
            dataIndex: 'reason',
            render: (v: string) => <Typography.Text style={{ wordBreak: 'break-word' }}>{v}</Typography.Text>,
          },
          { title: t('pts.jr.hash'), dataIndex: 'hash', width: 140, render: (v: string) => <ShortHash hash={v} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_, j) =>
              canReverse(j) ? (
                reversedBy.has(j.id) ? (
                  <Typography.Text type="secondary">{t('pts.jr.reversed')}</Typography.Text>
                ) : (
                  <Typography.Link
                    type="danger"
                    onClick={() => setReversing(j)}
                    data-testid={`reverse-${j.seq}`}
                    aria-label={t('pts.jr.reverseTitle', { seq: j.seq })}
                  >
                    {t('pts.jr.reverse')}
                  </Typography.Link>
                )
              ) : null,
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary">
          {t('common.totalOf', { total: journals.data?.pages[0]?.total ?? 0, count: rows.length })}
        </Typography.Text>
        {journals.hasNextPage ? (
          <Button onClick={() => journals.fetchNextPage()} loading={journals.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>
      <ReasonModal
        open={!!reversing}
        title={reversing ? t('pts.jr.reverseTitle', { seq: reversing.seq }) : ''}
        description={
          reversing && (
            <>
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('pts.jr.reverseDesc')} />
              <span>
                #{reversing.seq} · {reversing.date} · {t(`pts.type.${reversing.type}`)} ·{' '}
                {reversing.parties.map((p) => `${p.name} ${signed(p.amount)}`).join('，')} · {reversing.reason}
              </span>
            </>
          )
        }
        label={t('pts.jr.reverseReason')}
        placeholder={t('pts.jr.reverseReasonPlaceholder')}
        okText={t('pts.jr.reverseOkText')}
        minLength={REASON_MIN}
        maxLength={REASON_MAX}
        onCancel={() => setReversing(null)}
        onSubmit={onReverse}
      />
    </Card>
  );
}
