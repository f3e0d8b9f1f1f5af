// 年度汇总: a year's points, hours and leveraged social resources per community under a chosen node, with the
// ranking of people and of organisations by points earned in the year (a merchant's redemption income apart),
// every team with its members' hours and points, a chart of points issued, and the Excel export.
import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { chinaNow } from '../../lib/chinaTime';
import { useDownload } from '../../lib/download';
import { hoursOf } from '../../lib/volunteering';
import { LoadError } from '../../layout/LoadError';
import { BarChart } from '../../components/BarChart';
import { orgSelectTree } from '../org/orgTreeSelect';
import { useVolunteeringScope } from '../org/scope';
import { PointsGate } from './PointsGate';
import { useYearSummary, yearSummaryExportUrl } from './queries';
import { pointsAssignments } from './scope';
import { formatYuan, type YearSummary } from './types';

type YearSummaryCommunity = YearSummary['communities'][number];

export function YearSummaryPage() {
  return (
    <PointsGate>
      <YearSummaryView />
    </PointsGate>
  );
}

interface Totals {
  pointsIssued: number;
  pointsRedeemed: number;
  pointsDonated: number;
  acceptedMinutes: number;
  leveragedFen: number;
}

function totalsOf(list: Totals[]): Totals {
  return list.reduce(
    (s, c) => ({
      pointsIssued: s.pointsIssued + c.pointsIssued,
      pointsRedeemed: s.pointsRedeemed + c.pointsRedeemed,
      pointsDonated: s.pointsDonated + c.pointsDonated,
      acceptedMinutes: s.acceptedMinutes + c.acceptedMinutes,
      leveragedFen: s.leveragedFen + c.leveragedFen,
    }),
    { pointsIssued: 0, pointsRedeemed: 0, pointsDonated: 0, acceptedMinutes: 0, leveragedFen: 0 },
  );
}

function TotalsRow({ totals, size = 'large' }: { totals: Totals; size?: 'large' | 'small' }) {
  const { t } = useI18n();
  const style = size === 'small' ? { fontSize: 18 } : { fontSize: 24 };
  const items = [
    { key: 'issued', title: t('pts.ys.issued'), value: totals.pointsIssued.toLocaleString(), suffix: t('pts.unit') },
    {
      key: 'redeemed',
      title: t('pts.ys.redeemed'),
      value: totals.pointsRedeemed.toLocaleString(),
      suffix: t('pts.unit'),
    },
    { key: 'donated', title: t('pts.ys.donated'), value: totals.pointsDonated.toLocaleString(), suffix: t('pts.unit') },
    { key: 'hours', title: t('pts.ys.hours'), value: hoursOf(totals.acceptedMinutes), suffix: 'h' },
    { key: 'leveraged', title: t('pts.ys.leveraged'), value: formatYuan(totals.leveragedFen), prefix: '¥' },
  ];
  return (
    <Row gutter={[16, 8]}>
      {items.map((it) => (
        <Col key={it.key} flex="1 1 0" style={{ minWidth: 140 }}>
          <Statistic
            title={it.title}
            value={it.value}
            prefix={it.prefix}
            suffix={it.suffix}
            styles={{ content: style }}
            data-testid={`ys-${it.key}`}
          />
        </Col>
      ))}
    </Row>
  );
}

function CommunityCard({ c }: { c: YearSummaryCommunity }) {
  const { t } = useI18n();
  const idle =
    c.people.length === 0 &&
    c.organisations.length === 0 &&
    c.teams.length === 0 &&
    c.pointsIssued === 0 &&
    c.pointsRedeemed === 0 &&
    c.acceptedMinutes === 0 &&
    c.leveragedFen === 0;
  if (idle) {
    // Nothing happened here this year: one line instead of empty tables.
    return (
      <Card
        title={c.communityName}
        size="small"
        data-testid="ys-community"
        extra={<Typography.Text type="secondary">{t('pts.ys.idle')}</Typography.Text>}
        styles={{ body: { display: 'none' } }}
      />
    );
  }
  return (
    <Card title={c.communityName} size="small" data-testid="ys-community">
      <TotalsRow totals={c} size="small" />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('pts.ys.ranking')}</Typography.Title>
          <Table
            size="small"
            rowKey="userId"
            aria-label={`${c.communityName} ${t('pts.ys.ranking')}`}
            dataSource={c.people}
            pagination={c.people.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: t('pts.ys.noPeople') }}
            columns={[
              {
                title: t('pts.ys.rank'),
                dataIndex: 'rank',
                width: 64,
                render: (r: number) => (r <= 3 ? <Tag color={['gold', 'default', 'orange'][r - 1]}>{r}</Tag> : r),
              },
              { title: t('pts.ys.name'), dataIndex: 'name' },
              {
                title: t('pts.ys.points'),
                dataIndex: 'points',
                width: 100,
                align: 'right',
                render: (v: number) => v.toLocaleString(),
              },
              {
                title: t('pts.ys.hoursCol'),
                dataIndex: 'minutes',
                width: 110,
                align: 'right',
                render: (m: number) => hoursOf(m),
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>{t('pts.ys.orgs')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('pts.ys.orgRankHint')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="accountId"
            aria-label={`${c.communityName} ${t('pts.ys.orgs')}`}
            dataSource={c.organisations}
            pagination={c.organisations.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: t('pts.ys.noOrgs') }}
            columns={[
              { title: t('pts.ys.rank'), dataIndex: 'rank', width: 56 },
              { title: t('pts.ys.orgName'), dataIndex: 'name' },
              {
                title: t('pts.ys.orgKind'),
                dataIndex: 'kind',
                width: 80,
                render: (k: string) =>
                  k === 'team' || k === 'partner'
                    ? t(`pts.owner.${k}`)
                    : k === 'merchant'
                      ? t('pts.ys.kind.merchant')
                      : k,
              },
              {
                title: t('pts.ys.orgPoints'),
                dataIndex: 'points',
                width: 100,
                align: 'right',
                render: (v: number) => v.toLocaleString(),
              },
              {
                title: t('pts.ys.contributions'),
                dataIndex: 'contributionsFen',
                width: 110,
                align: 'right',
                render: (f: number) => formatYuan(f),
              },
              {
                title: t('pts.ys.orgIncome'),
                dataIndex: 'redemptionIncome',
                width: 90,
                align: 'right',
                render: (v: number, o) =>
                  o.kind === 'merchant' || v !== 0 ? (
                    <Typography.Text type="secondary">{v.toLocaleString()}</Typography.Text>
                  ) : null,
              },
            ]}
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('pts.ys.teams')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="teamId"
        aria-label={`${c.communityName} ${t('pts.ys.teams')}`}
        dataSource={c.teams}
        pagination={c.teams.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: t('pts.ys.noTeams') }}
        columns={[
          { title: t('pts.ys.teamName'), dataIndex: 'name' },
          { title: t('pts.ys.members'), dataIndex: 'members', width: 80, align: 'right' },
          {
            title: t('pts.ys.memberHours'),
            dataIndex: 'memberMinutes',
            width: 140,
            align: 'right',
            render: (m: number) => hoursOf(m),
          },
          {
            title: t('pts.ys.memberPoints'),
            dataIndex: 'memberPoints',
            width: 120,
            align: 'right',
            render: (v: number) => v.toLocaleString(),
          },
          {
            title: t('pts.ys.teamPoints'),
            dataIndex: 'teamPoints',
            width: 120,
            align: 'right',
            render: (v: number) => v.toLocaleString(),
          },
        ]}
      />
    </Card>
  );
}

function YearSummaryView() {
  const { t } = useI18n();
  const scope = useVolunteeringScope();
  const { download, busy } = useDownload();
  const tree = useMemo(
    () => orgSelectTree(scope.nodes, { selectableKinds: ['district', 'street', 'community'] }),
    [scope.nodes],
  );
  const [picked, setPicked] = useState<string | null>(null);
  // Until one is picked: the node of the person's first admin role (their whole reach).
  const nodeId = picked ?? pointsAssignments(scope.me)[0]?.nodeId ?? null;
  const [year, setYear] = useState<Dayjs>(() => chinaNow().startOf('year'));
  const summary = useYearSummary(nodeId, year.year());
  const communities = summary.data?.communities ?? [];
  const totals = useMemo(() => totalsOf(communities), [communities]);
  const nodeName = summary.data?.nodeName ?? '';

  const onExport = () => {
    if (nodeId)
      void download(yearSummaryExportUrl(nodeId, year.year()), `${nodeName}${year.year()}年度积分汇总.xlsx`, 'export');
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('nav.pointsYearSummary')}
        extra={
          <Space wrap>
            <TreeSelect
              aria-label={t('pts.ys.node')}
              placeholder={t('pts.ys.pickNode')}
              style={{ width: 220 }}
              value={nodeId ?? undefined}
              onChange={(v?: string) => v && setPicked(v)}
              treeData={tree}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={scope.nodesLoading}
              data-testid="ys-node"
            />
            <DatePicker
              picker="year"
              allowClear={false}
              aria-label={t('pts.ys.year')}
              value={year}
              onChange={(v) => v && setYear(v)}
              disabledDate={(d) => d.isAfter(dayjs(), 'year')}
              data-testid="ys-year"
            />
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={onExport}
              loading={busy === 'export'}
              disabled={!summary.data}
              data-testid="ys-export"
            >
              {t('pts.ys.export')}
            </Button>
          </Space>
        }
      >
        {summary.isPending && nodeId ? (
          <Spin />
        ) : summary.isError ? (
          <LoadError error={summary.error} onRetry={() => summary.refetch()} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('pts.ys.totalOf', { node: nodeName, year: year.year(), count: communities.length })}
            </Typography.Paragraph>
            <TotalsRow totals={totals} />
          </>
        )}
      </Card>
      {summary.data && communities.length > 0 && (
        <Card title={t('pts.ys.chartTitle')} size="small">
          <BarChart
            title={t('pts.ys.chartTitle')}
            unit={t('pts.unit')}
            data={communities.map((c) => ({ key: c.communityId, label: c.communityName, value: c.pointsIssued }))}
          />
        </Card>
      )}
      {summary.data && communities.length === 0 && (
        <Card>
          <Empty description={t('pts.ys.empty')} />
        </Card>
      )}
      {communities.map((c) => (
        <CommunityCard key={c.communityId} c={c} />
      ))}
    </Space>
  );
}
