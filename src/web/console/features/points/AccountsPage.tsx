// 积分账户: the points accounts in scope — people, organisations (teams, partner units) and system accounts —
// with their balances; award points to a person from a row, or to anyone in scope from the top button.
import { GiftOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { AwardPointsModal, type AwardTarget } from './AwardPointsModal';
import { PointsGate } from './PointsGate';
import { usePointAccounts } from './queries';
import type { AccountKind, PointAccount } from './types';

const KIND_COLOR: Record<AccountKind, string> = { person: 'green', org: 'geekblue', system: 'default' };

/** The purpose label: an organisation's main account is its own, not a person's. */
function purposeKey(a: PointAccount): MessageKey {
  if (a.purpose === 'main') return a.kind === 'org' ? 'pts.purpose.orgMain' : 'pts.purpose.main';
  if (a.purpose === 'issuance' || a.purpose === 'fund' || a.purpose === 'supermarket')
    return `pts.purpose.${a.purpose}`;
  return 'pts.purpose.other';
}

function ownerKey(ownerType: string): MessageKey | null {
  return ownerType === 'team' || ownerType === 'partner' || ownerType === 'community' || ownerType === 'district'
    ? `pts.owner.${ownerType}`
    : null;
}

export function AccountsPage() {
  return (
    <PointsGate>
      <Accounts />
    </PointsGate>
  );
}

function Accounts() {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<AccountKind | 'all'>('all');
  const [awardOpen, setAwardOpen] = useState(false);
  // Kept while the modal closes, so its title does not change during the animation.
  const [target, setTarget] = useState<AwardTarget | null>(null);
  const openAward = (to: AwardTarget | null) => {
    setTarget(to);
    setAwardOpen(true);
  };
  const accounts = usePointAccounts({ q, kind: kind === 'all' ? undefined : kind });
  const rows = useMemo(() => accounts.data?.pages.flatMap((p) => p.items) ?? [], [accounts.data]);

  return (
    <Card
      title={t('nav.pointsAccounts')}
      extra={
        <Button
          type="primary"
          icon={<GiftOutlined aria-hidden />}
          onClick={() => openAward(null)}
          data-testid="award-open"
        >
          {t('pts.award')}
        </Button>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          aria-label={t('pts.acc.search')}
          placeholder={t('pts.acc.search')}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            if (!e.target.value) setQ(undefined);
          }}
          onSearch={(v) => setQ(v.trim() || undefined)}
          enterButton={t('common.search')}
        />
        <Segmented<AccountKind | 'all'>
          aria-label={t('pts.acc.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'person', label: t('pts.kind.person') },
            { value: 'org', label: t('pts.kind.org') },
            { value: 'system', label: t('pts.kind.system') },
          ]}
        />
      </Space>
      <Table<PointAccount>
        aria-label={t('pts.acc.table')}
        data-testid="accounts-table"
        size="middle"
        rowKey="id"
        loading={accounts.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: accounts.isError ? errorMessage(accounts.error) : t('pts.acc.empty') }}
        columns={[
          {
            title: t('pts.acc.name'),
            dataIndex: 'name',
            render: (v: string, a) => {
              const owner = a.kind !== 'person' ? ownerKey(a.ownerType) : null;
              return (
                <Space size={6}>
                  <Typography.Text strong={a.kind !== 'system'}>{v}</Typography.Text>
                  {owner && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(owner)}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('pts.acc.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: AccountKind) => <Tag color={KIND_COLOR[k] ?? 'default'}>{t(`pts.kind.${k}`)}</Tag>,
          },
          { title: t('pts.acc.purpose'), key: 'purpose', width: 130, render: (_, a) => t(purposeKey(a)) },
          {
            title: t('pts.acc.balance'),
            dataIndex: 'balance',
            width: 150,
            align: 'right',
            render: (b: number, a) => (
              <Space size={4}>
                <Typography.Text
                  strong
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                  type={b < 0 ? 'secondary' : undefined}
                >
                  {b.toLocaleString()}
                </Typography.Text>
                {a.purpose === 'issuance' && (
                  <Tooltip title={t('pts.acc.issuanceHelp')}>
                    <InfoCircleOutlined aria-label={t('pts.acc.issuanceHelp')} style={{ color: '#999' }} />
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_, a) =>
              a.kind === 'person' && a.ownerType === 'user' ? (
                <Typography.Link
                  onClick={() => openAward({ userId: a.ownerId, name: a.name })}
                  data-testid={`award-row-${a.id}`}
                  aria-label={`${t('pts.award')} ${a.name}`}
                >
                  {t('pts.award')}
                </Typography.Link>
              ) : null,
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary">
          {t('common.totalOf', { total: accounts.data?.pages[0]?.total ?? 0, count: rows.length })}
        </Typography.Text>
        {accounts.hasNextPage && (
          <Button onClick={() => accounts.fetchNextPage()} loading={accounts.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </div>
      <AwardPointsModal open={awardOpen} target={target} onClose={() => setAwardOpen(false)} />
    </Card>
  );
}
