// The matching panel of the need drawer: volunteers ranked for the need (score, factor bars, reasons as tags), tick
// and invite (optionally as a 15-minute quick task), the invitations with their answers, and staff confirming the
// service was done (completeNeed). Staff in scope only.
import { App, Button, Checkbox, Empty, Popconfirm, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type {
  CompletedNeed,
  InviteBody,
  MatchedVolunteer,
  MatchResult,
  NeedDetail,
  NeedInvitationItem,
  NeedInvitations,
} from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { LoadError } from '../../layout/LoadError';
import { needKeys } from './queries';

export interface MatchingPanelProps {
  needId: string;
  need: NeedDetail;
}

const FACTORS = ['skill', 'proximity', 'availability', 'reliability', 'fairness'] as const;

const matchKeys = {
  matches: (id: string) => [...needKeys.all, 'matches', id] as const,
  invitations: (id: string) => [...needKeys.all, 'invitations', id] as const,
};

const INVITE_COLOR: Record<NeedInvitationItem['status'], string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'default',
  full: 'default',
  withdrawn: 'default',
};

function useMatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: matchKeys.matches(id),
    queryFn: () => api<MatchResult>('GET', `/api/v1/needs/${encodeURIComponent(id)}/matches?limit=20`),
    enabled,
  });
}

function useInvitations(id: string) {
  return useQuery({
    queryKey: matchKeys.invitations(id),
    queryFn: () => api<NeedInvitations>('GET', `/api/v1/needs/${encodeURIComponent(id)}/invitations`),
  });
}

function useInvite(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) =>
      api<NeedInvitations>('POST', `/api/v1/needs/${encodeURIComponent(id)}/invitations`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: needKeys.all }),
  });
}

function useComplete(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<CompletedNeed>('POST', `/api/v1/needs/${encodeURIComponent(id)}/complete`, {}),
    onSettled: () => qc.invalidateQueries({ queryKey: needKeys.all }),
  });
}

function FactorBars({ v }: { v: MatchedVolunteer }) {
  const { t } = useI18n();
  return (
    <div style={{ minWidth: 150 }}>
      {FACTORS.map((f) => (
        <div key={f} style={{ display: 'flex', alignItems: 'center', gap: 6, lineHeight: '16px' }}>
          <span style={{ width: 34, fontSize: 12, color: '#666' }}>{t(`match.factor.${f}`)}</span>
          <Progress
            percent={v.factors[f]}
            size="small"
            showInfo={false}
            style={{ margin: 0, flex: 1 }}
            aria-label={`${t(`match.factor.${f}`)} ${v.factors[f]}`}
          />
        </div>
      ))}
    </div>
  );
}

function RankedList({ need }: { need: NeedDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const matches = useMatches(need.id, true);
  const invite = useInvite(need.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [quick, setQuick] = useState(false);
  if (matches.isError) return <LoadError error={matches.error} onRetry={() => void matches.refetch()} />;
  const items = matches.data?.items ?? [];
  const send = async () => {
    try {
      const res = await invite.mutateAsync({ userIds: selected, quick });
      message.success(t('match.inviteDone', { n: res.items.filter((i) => selected.includes(i.userId)).length }));
      setSelected([]);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('match.intro')}
        {matches.data && ` ${t('match.considered', { n: matches.data.considered })}`}
      </Typography.Paragraph>
      <Table<MatchedVolunteer>
        aria-label={t('match.table')}
        size="small"
        rowKey="userId"
        loading={matches.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty description={t('match.empty')} /> }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (v) => ({ disabled: v.invitation !== null, 'aria-label': v.name }),
        }}
        columns={[
          {
            title: t('match.name'),
            key: 'name',
            render: (_, v) => (
              <Space direction="vertical" size={0}>
                <span>
                  {v.name}
                  {v.invitation && (
                    <Tag color="blue" style={{ marginLeft: 6 }}>
                      {t('match.invited')}
                    </Tag>
                  )}
                </span>
                <span style={{ color: '#888', fontSize: 12 }}>
                  {v.volunteerNo ?? ''} {v.communityName} · {t(`match.proximity.${v.proximity}`)}
                </span>
              </Space>
            ),
          },
          {
            title: t('match.score'),
            key: 'score',
            width: 200,
            render: (_, v) => (
              <Space align="start">
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {v.total}
                </Typography.Text>
                <FactorBars v={v} />
              </Space>
            ),
          },
          {
            title: t('match.reasons'),
            key: 'reasons',
            render: (_, v) => (
              <Tooltip title={v.because}>
                <Space size={[4, 4]} wrap>
                  {v.reasons.map((r) => (
                    <Tag
                      key={r.key}
                      color={r.factor === 'skill' ? 'green' : r.factor === 'fairness' ? 'purple' : 'blue'}
                    >
                      {r.text}
                    </Tag>
                  ))}
                </Space>
              </Tooltip>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Checkbox checked={quick} onChange={(e) => setQuick(e.target.checked)}>
          {t('match.quick')}
        </Checkbox>
        <Button type="primary" disabled={selected.length === 0} loading={invite.isPending} onClick={() => void send()}>
          {selected.length === 0 ? t('match.selectHint') : t('match.invite', { n: selected.length })}
        </Button>
      </Space>
    </>
  );
}

function Invitations({ need }: { need: NeedDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useInvitations(need.id);
  const complete = useComplete(need.id);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data || q.data.items.length === 0) return null;
  const data = q.data;
  const confirm = async () => {
    try {
      await complete.mutateAsync();
      message.success(t('invites.completed'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <h3 style={{ marginTop: 24 }}>
        {t('invites.title')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
          {t('invites.summary', { n: data.peopleNeeded, m: data.acceptedCount })}
        </Typography.Text>
        {data.quick && (
          <Tag color="green" style={{ marginLeft: 8 }}>
            {t('invites.quick')}
          </Tag>
        )}
      </h3>
      <Table<NeedInvitationItem>
        aria-label={t('invites.table')}
        size="small"
        rowKey="id"
        dataSource={data.items}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('match.name'), dataIndex: 'volunteerName' },
          { title: t('match.score'), dataIndex: 'score', width: 70 },
          {
            title: '',
            key: 'status',
            render: (_, i) => <Tag color={INVITE_COLOR[i.status]}>{t(`invites.status.${i.status}`)}</Tag>,
          },
          { title: t('invites.started'), key: 'started', render: (_, i) => formatChina(i.startedAt, 'MM-DD HH:mm') },
          { title: t('invites.finished'), key: 'finished', render: (_, i) => formatChina(i.finishedAt, 'MM-DD HH:mm') },
          {
            title: t('invites.minutes'),
            key: 'minutes',
            render: (_, i) => (i.minutes === null ? '' : t('invites.minutesN', { n: i.minutes })),
          },
        ]}
      />
      {need.status === 'in_service' && (
        <Popconfirm title={t('invites.completeAsk')} onConfirm={() => confirm()}>
          <Button type="primary" style={{ marginTop: 12 }} loading={complete.isPending}>
            {t('invites.complete')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}

export function MatchingPanel({ need }: MatchingPanelProps) {
  const { t } = useI18n();
  if (!need.canManage) return null;
  const ranking = need.status === 'triaged' || need.status === 'dispatched';
  const tracking = ranking || ['matched', 'in_service', 'done', 'evaluated'].includes(need.status);
  if (!tracking) return null;
  return (
    <section aria-label={t('match.title')} style={{ marginTop: 24 }}>
      {ranking && (
        <>
          <h3>{t('match.title')}</h3>
          <RankedList need={need} />
        </>
      )}
      <Invitations need={need} />
    </section>
  );
}
