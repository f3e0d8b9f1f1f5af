// 调解: the mediation lead's cases of their community and a mediator's own (a drawer per case: parties, threads,
// sessions, assignment, closing), and the anonymous statistics for staff of a community and above.
import { Alert, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MediationCaseSummary, MediationState } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { LoadError } from '../../layout/LoadError';
import { useCurrentMe } from '../org/scope';
import { handlesCases, readsStats } from './access';
import { CaseDrawer } from './CaseDrawer';
import { OpenCaseModal } from './OpenCaseModal';
import { STATES, STATUS_COLOR, statusKey, typeKey } from './labels';
import { useMediationCases } from './queries';
import { StatsPanel } from './StatsPanel';

function CasesTab() {
  const { t } = useI18n();
  const me = useCurrentMe();
  const [status, setStatus] = useState<MediationState | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const lead = me.roles.some((r) => r.role === 'mediation_lead');
  const cases = useMediationCases(status);
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{t('med.filter.status')}</Typography.Text>
        <Select<MediationState | 'all'>
          style={{ width: 160 }}
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('med.filter.all') },
            ...STATES.map((s) => ({ value: s, label: t(statusKey(s)) })),
          ]}
        />
        {lead && (
          <Button type="primary" onClick={() => setRegistering(true)}>
            {t('med.open.title')}
          </Button>
        )}
      </Space>
      {cases.isError ? (
        <LoadError error={cases.error} onRetry={() => cases.refetch()} />
      ) : (
        <Table<MediationCaseSummary>
          rowKey="id"
          loading={cases.isPending}
          dataSource={items}
          locale={{ emptyText: t('med.empty') }}
          pagination={false}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('med.col.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatChina(v) },
            { title: t('med.col.community'), dataIndex: 'communityName' },
            { title: t('med.col.type'), dataIndex: 'type', render: (v: string) => t(typeKey(v)) },
            {
              title: t('med.col.status'),
              dataIndex: 'status',
              render: (v: MediationState) => <Tag color={STATUS_COLOR[v]}>{t(statusKey(v))}</Tag>,
            },
            { title: t('med.col.mediators'), dataIndex: 'mediatorNames', render: (v: string[]) => v.join('、') },
            {
              title: t('med.col.as'),
              key: 'as',
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.isLead && <Tag color="gold">{t('med.as.lead')}</Tag>}
                  {r.isMediator && <Tag color="cyan">{t('med.as.mediator')}</Tag>}
                  {r.isParty && <Tag>{t('med.as.party')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      )}
      <CaseDrawer id={open} onClose={() => setOpen(null)} />
      <OpenCaseModal
        me={me}
        open={registering}
        onClose={(id) => {
          setRegistering(false);
          if (id) setOpen(id);
        }}
      />
    </>
  );
}

export function MediationPage() {
  const { t } = useI18n();
  const me = useCurrentMe();
  const tabs = [
    ...(handlesCases(me) ? [{ key: 'cases', label: t('med.tab.cases'), children: <CasesTab /> }] : []),
    ...(readsStats(me) ? [{ key: 'stats', label: t('med.tab.stats'), children: <StatsPanel /> }] : []),
  ];
  return (
    <Card title={t('med.title')}>
      <Alert type="info" showIcon title={t('med.privacy')} style={{ marginBottom: 12 }} />
      <Tabs items={tabs} />
    </Card>
  );
}
