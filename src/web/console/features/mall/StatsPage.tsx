// 核销统计: vouchers and points redeemed per merchant (and per community supermarket) over a date range, as a
// table and a column chart. Dates are China calendar days; the range includes both ends.
import { Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { chinaIso, chinaNow } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { BarChart } from '../../components/BarChart';
import { MallGate } from './MallGate';
import { useRedemptionStats } from './queries';
import type { RedemptionStat } from './types';

export function StatsPage() {
  return (
    <MallGate>
      <Stats />
    </MallGate>
  );
}

/** Columns the chart shows before it gets too crowded to read; the table lists everyone. */
const CHART_MAX = 12;

function Stats() {
  const { t } = useI18n();
  const today = chinaNow().startOf('day');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [today.startOf('month'), today]);
  const from = chinaIso(range[0].startOf('day'));
  const to = chinaIso(range[1].add(1, 'day').startOf('day'));
  const stats = useRedemptionStats(from, to);

  const rows = useMemo(
    () => [...(stats.data?.items ?? [])].sort((a, b) => b.points - a.points || b.vouchers - a.vouchers),
    [stats.data],
  );
  const total = useMemo(
    () =>
      rows.reduce((s, r) => ({ vouchers: s.vouchers + r.vouchers, points: s.points + r.points }), {
        vouchers: 0,
        points: 0,
      }),
    [rows],
  );
  const keyOf = (r: RedemptionStat) => r.merchantId ?? `supermarket:${r.merchantName}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('nav.mallStats')}
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            aria-label={t('mall.st.range')}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            disabledDate={(d) => d.isAfter(today, 'day')}
            presets={[
              { label: t('mall.st.thisMonth'), value: [today.startOf('month'), today] },
              {
                label: t('mall.st.lastMonth'),
                value: [
                  today.subtract(1, 'month').startOf('month'),
                  today.subtract(1, 'month').endOf('month').startOf('day'),
                ],
              },
              { label: t('mall.st.last30'), value: [today.subtract(29, 'day'), today] },
              { label: t('mall.st.thisYear'), value: [today.startOf('year'), today] },
            ]}
            data-testid="stats-range"
          />
        }
      >
        <Row gutter={[16, 8]}>
          <Col flex="1 1 0" style={{ minWidth: 140 }}>
            <Statistic
              title={t('mall.st.vouchers')}
              value={total.vouchers}
              suffix={t('mall.s.vouchersUnit')}
              loading={stats.isPending}
              data-testid="stats-vouchers"
            />
          </Col>
          <Col flex="1 1 0" style={{ minWidth: 140 }}>
            <Statistic
              title={t('mall.st.points')}
              value={total.points.toLocaleString()}
              suffix={t('mall.pointsUnit')}
              loading={stats.isPending}
              data-testid="stats-points"
            />
          </Col>
          <Col flex="1 1 0" style={{ minWidth: 140 }}>
            <Statistic title={t('mall.st.places')} value={rows.length} loading={stats.isPending} />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('mall.st.note')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('mall.st.chart')} size="small">
        <BarChart
          title={t('mall.st.chart')}
          unit={t('mall.pointsUnit')}
          data={rows.slice(0, CHART_MAX).map((r) => ({ key: keyOf(r), label: r.merchantName, value: r.points }))}
          emptyText={stats.isError ? errorMessage(stats.error) : t('mall.st.empty')}
        />
        {rows.length > CHART_MAX && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('mall.st.chartTop', { n: CHART_MAX })}
          </Typography.Text>
        )}
      </Card>
      <Card title={t('mall.st.table')} size="small">
        <Table<RedemptionStat>
          aria-label={t('mall.st.table')}
          data-testid="stats-table"
          size="small"
          rowKey={keyOf}
          loading={stats.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: stats.isError ? errorMessage(stats.error) : t('mall.st.empty') }}
          columns={[
            { title: '#', key: 'i', width: 56, render: (_, __, i) => i + 1 },
            {
              title: t('mall.st.place'),
              key: 'name',
              render: (_, r) => r.merchantName,
            },
            { title: t('mall.st.vouchers'), dataIndex: 'vouchers', width: 120, align: 'right' },
            {
              title: t('mall.st.points'),
              dataIndex: 'points',
              width: 120,
              align: 'right',
              render: (v: number) => v.toLocaleString(),
            },
            {
              title: t('mall.st.share'),
              key: 'share',
              width: 100,
              align: 'right',
              render: (_, r) =>
                total.points > 0 ? `${((r.points / total.points) * 100).toFixed(1)}%` : t('common.none'),
            },
          ]}
          summary={() =>
            rows.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('mall.s.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Typography.Text strong>{total.vouchers}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Typography.Text strong>{total.points.toLocaleString()}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  100%
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </Space>
  );
}
