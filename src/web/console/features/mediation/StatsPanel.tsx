// 调解统计: anonymous counts by month opened, dispute type and outcome; cells below the threshold show as “<3”.
import { DatePicker, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { LoadError } from '../../layout/LoadError';
import { statusKey, typeKey } from './labels';
import { useMediationStats } from './queries';

type Row = { key: string; month: string; type: string; [outcome: string]: string | number | null };

const OUTCOMES = ['open', 'agreement', 'referred', 'failed', 'withdrawn'] as const;

export function StatsPanel() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM');
  const to = range?.[1]?.format('YYYY-MM');
  const stats = useMediationStats(from, to);
  if (stats.isError) return <LoadError error={stats.error} onRetry={() => stats.refetch()} />;
  const min = stats.data?.minCell ?? 3;
  // One row per month and type, one column per outcome.
  const rows = new Map<string, Row>();
  for (const c of stats.data?.cells ?? []) {
    const key = `${c.month}|${c.type}`;
    const row = rows.get(key) ?? { key, month: c.month, type: c.type };
    row[c.outcome] = c.count;
    rows.set(key, row);
  }
  const cell = (v: number | null | undefined) =>
    v === undefined ? '—' : v === null ? t('med.stats.small', { min }) : String(v);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('med.stats.hint', { min })}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{t('med.stats.range')}</Typography.Text>
        <DatePicker.RangePicker picker="month" value={range} onChange={(v) => setRange(v)} allowClear />
      </Space>
      <Table<Row>
        rowKey="key"
        size="small"
        loading={stats.isPending}
        dataSource={[...rows.values()]}
        locale={{ emptyText: t('med.stats.empty') }}
        pagination={false}
        columns={[
          { title: t('med.stats.month'), dataIndex: 'month' },
          { title: t('med.col.type'), dataIndex: 'type', render: (v: string) => t(typeKey(v)) },
          ...OUTCOMES.map((o) => ({
            title: t(statusKey(o)),
            dataIndex: o,
            align: 'right' as const,
            render: (v: number | null | undefined) => cell(v),
          })),
        ]}
      />
    </>
  );
}
