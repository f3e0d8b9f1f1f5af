// 账本核验: recompute the district's hash chain and every balance, and show whether the ledger is intact;
// any problem is listed with the journal where the chain breaks. District admins only (the chain is district-wide).
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Spin, Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { LoadError } from '../../layout/LoadError';
import { useCurrentMe } from '../org/scope';
import { PointsGate } from './PointsGate';
import { useLedgerVerification } from './queries';
import { districtAdminOf, pointsDistrictId } from './scope';
import type { LedgerVerification } from './types';

type Problem = LedgerVerification['problems'][number];

export function VerificationPage() {
  return (
    <PointsGate>
      <Verification />
    </PointsGate>
  );
}

function Verification() {
  const { t, locale } = useI18n();
  const me = useCurrentMe();
  const districtId = pointsDistrictId(me);
  const admin = districtAdminOf(me, districtId);
  const check = useLedgerVerification(admin ? districtId : null);

  if (!admin) {
    return (
      <Card>
        <Result status="403" title={t('pts.vf.onlyDistrict')} subTitle={t('pts.vf.onlyDistrictDesc')} />
      </Card>
    );
  }

  const d = check.data;
  const chain = d?.districts.find((x) => x.districtId === districtId);
  const recheck = (
    <Button
      icon={<ReloadOutlined aria-hidden />}
      onClick={() => check.refetch()}
      loading={check.isFetching}
      data-testid="verify-again"
    >
      {t('pts.vf.recheck')}
    </Button>
  );

  return (
    <Card title={t('pts.vf.title', { district: admin.nodeName })} extra={recheck}>
      {check.isPending ? (
        <Spin tip={t('pts.vf.running')}>
          <div style={{ height: 200 }} />
        </Spin>
      ) : check.isError ? (
        <LoadError error={check.error} onRetry={() => check.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Result
            style={{ padding: '24px 0 8px' }}
            status={d!.ok ? 'success' : 'error'}
            icon={
              d!.ok ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f' }} />
              )
            }
            title={
              <span
                data-testid="verification-status"
                data-ok={d!.ok ? 'true' : 'false'}
                style={{ color: d!.ok ? '#389e0d' : '#cf1322', fontSize: 28 }}
              >
                {d!.ok ? t('pts.vf.ok') : t('pts.vf.bad')}
              </span>
            }
            subTitle={d!.ok ? t('pts.vf.okDesc') : t('pts.vf.badDesc', { count: d!.problems.length })}
          />
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              {
                key: 'journals',
                label: t('pts.vf.journals'),
                children: <span data-testid="verification-journals">{chain?.journals ?? 0}</span>,
              },
              { key: 'accounts', label: t('pts.vf.accounts'), children: d!.accounts },
              {
                key: 'head',
                label: t('pts.vf.headHash'),
                span: 2,
                children: chain ? (
                  <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                    {chain.headHash}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('pts.vf.noJournals')}</Typography.Text>
                ),
              },
              {
                key: 'at',
                label: t('pts.vf.checkedAt'),
                span: 2,
                children: formatDateTime(new Date(check.dataUpdatedAt).toISOString(), locale),
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('pts.vf.problems')}</Typography.Title>
            <Table<Problem>
              size="small"
              aria-label={t('pts.vf.problems')}
              data-testid="verification-problems"
              rowKey={(p) => `${p.journalId ?? ''}:${p.seq ?? ''}:${p.problem}`}
              dataSource={d!.problems}
              pagination={false}
              locale={{ emptyText: t('pts.vf.noProblems') }}
              columns={[
                {
                  title: t('pts.vf.journalId'),
                  dataIndex: 'journalId',
                  width: 260,
                  render: (v: string | null) =>
                    v ? (
                      <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
                        {v}
                      </Typography.Text>
                    ) : (
                      t('common.none')
                    ),
                },
                {
                  title: t('pts.vf.seq'),
                  dataIndex: 'seq',
                  width: 80,
                  render: (v: number | null) => (v == null ? t('common.none') : `#${v}`),
                },
                { title: t('pts.vf.problem'), dataIndex: 'problem' },
              ]}
            />
          </div>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('pts.vf.cli')} <Typography.Text code>linli verify-ledger</Typography.Text>
          </Typography.Paragraph>
        </Space>
      )}
    </Card>
  );
}
