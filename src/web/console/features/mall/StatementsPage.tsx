// 结算: a merchant's monthly statement — vouchers redeemed, points, the agreed cash value per point and the amount
// the fund pays — closed (frozen) after the month ends and exported to Excel.
import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { chinaNow, formatChina } from '../../lib/chinaTime';
import { useDownload } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { LoadError } from '../../layout/LoadError';
import { useVolunteeringScope } from '../org/scope';
import { formatYuan } from '../points/types';
import { MallGate } from './MallGate';
import { MerchantStatusTag } from './MerchantsPage';
import { yuanPerPointText } from './money';
import { statementExportUrl, useCloseStatement, useMerchantStatement, useMerchants } from './queries';
import { mallDistrictId, mallRights } from './scope';
import type { StatementLine } from './types';

export function StatementsPage() {
  return (
    <MallGate>
      <Statements />
    </MallGate>
  );
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function Statements() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const districtId = mallDistrictId(scope.me);
  const merchants = useMerchants(districtId);
  const { download, busy } = useDownload();
  const close = useCloseStatement();
  const [params, setParams] = useSearchParams();

  const nodeById = useMemo(() => new Map(scope.nodes.map((n) => [n.id, n])), [scope.nodes]);
  // Merchants that settle with the person's communities: filed ones, and exited ones for their last months.
  const options = useMemo(
    () =>
      (merchants.data ?? [])
        .filter(
          (m) =>
            (m.status === 'filed' || m.status === 'exited') && mallRights(scope.me, nodeById.get(m.communityId)).manage,
        )
        .sort((a, b) =>
          a.status === b.status ? a.name.localeCompare(b.name, 'zh-CN') : a.status === 'filed' ? -1 : 1,
        ),
    [merchants.data, scope.me, nodeById],
  );
  const currentMonth = chinaNow().format('YYYY-MM');
  const lastMonth = chinaNow().subtract(1, 'month').format('YYYY-MM');
  const asked = params.get('merchant');
  const merchantId = asked && options.some((m) => m.id === asked) ? asked : (options[0]?.id ?? null);
  const merchant = options.find((m) => m.id === merchantId);
  const monthParam = params.get('month');
  // Last month by default: the one that is ready to close.
  const month = monthParam && MONTH.test(monthParam) && monthParam <= currentMonth ? monthParam : lastMonth;
  const statement = useMerchantStatement(merchantId, month);
  const s = statement.data;

  const setParam = (key: 'merchant' | 'month', value: string) =>
    setParams(
      (p) => {
        p.set(key, value);
        return p;
      },
      { replace: true },
    );

  const notOver = month >= currentMonth;
  const nextMonthStart = dayjs(`${month}-01`).add(1, 'month').format('YYYY-MM-DD');
  const closeBlocked = !s
    ? t('common.loading')
    : s.closed
      ? t('mall.s.alreadyClosed', { at: formatChina(s.closedAt) })
      : notOver
        ? t('mall.s.notOver', { date: nextMonthStart })
        : null;

  const onClose = async () => {
    if (!merchantId) return;
    try {
      const res = await close.mutateAsync({ merchantId, month });
      message.success(t('mall.s.closedOk', { name: res.merchantName, month: res.month }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const lineYuan = (l: StatementLine) => formatYuan(l.points * (s?.fenPerPoint ?? 0));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('nav.mallStatements')}
        extra={
          <Space wrap>
            <Select<string>
              aria-label={t('mall.s.merchant')}
              placeholder={t('mall.s.pickMerchant')}
              style={{ width: 240 }}
              value={merchantId ?? undefined}
              onChange={(v) => setParam('merchant', v)}
              loading={merchants.isPending && !!districtId}
              showSearch={{ optionFilterProp: 'label' }}
              options={options.map((m) => ({
                value: m.id,
                label: m.name,
                status: m.status,
                community: m.communityName,
              }))}
              optionRender={(o) => (
                <Space size={8}>
                  <span>{o.label}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {(o.data as { community: string }).community}
                    {(o.data as { status: string }).status === 'exited' ? ` · ${t('mall.m.status.exited')}` : ''}
                  </Typography.Text>
                </Space>
              )}
              notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mall.s.noMerchants')} />}
              data-testid="statement-merchant"
            />
            <DatePicker
              picker="month"
              allowClear={false}
              aria-label={t('mall.s.month')}
              value={dayjs(`${month}-01`)}
              onChange={(v: Dayjs | null) => v && setParam('month', v.format('YYYY-MM'))}
              disabledDate={(d) => d.format('YYYY-MM') > currentMonth}
              data-testid="statement-month"
            />
            <Tooltip title={closeBlocked}>
              <span>
                <Popconfirm
                  title={t('mall.s.closeConfirm', { name: s?.merchantName ?? '', month })}
                  description={<div style={{ maxWidth: 300 }}>{t('mall.s.closeConfirmDesc')}</div>}
                  okText={t('mall.s.close')}
                  cancelText={t('common.cancel')}
                  disabled={!!closeBlocked}
                  onConfirm={onClose}
                >
                  <Button
                    icon={<LockOutlined aria-hidden />}
                    disabled={!!closeBlocked}
                    loading={close.isPending}
                    data-testid="statement-close"
                  >
                    {t('mall.s.close')}
                  </Button>
                </Popconfirm>
              </span>
            </Tooltip>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!s}
              loading={busy === 'export'}
              onClick={() =>
                merchantId &&
                void download(
                  statementExportUrl(merchantId, month),
                  `${s?.merchantName ?? ''}-${month}-结算单.xlsx`,
                  'export',
                )
              }
              data-testid="statement-export"
            >
              {t('mall.s.export')}
            </Button>
          </Space>
        }
      >
        {!merchantId ? (
          merchants.isPending && !!districtId ? (
            <Spin />
          ) : merchants.isError ? (
            <LoadError error={merchants.error} onRetry={() => merchants.refetch()} />
          ) : (
            <Empty description={t('mall.s.noMerchants')} />
          )
        ) : statement.isPending ? (
          <Spin />
        ) : statement.isError ? (
          <LoadError error={statement.error} onRetry={() => statement.refetch()} />
        ) : (
          s && (
            <>
              <Space size={8} wrap style={{ marginBottom: 16 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('mall.s.heading', { name: s.merchantName, month: s.month })}
                </Typography.Title>
                {s.closed ? (
                  <Tooltip title={t('mall.s.closedAt', { at: formatChina(s.closedAt) })}>
                    <Tag color="green" icon={<LockOutlined aria-hidden />} data-testid="statement-state">
                      {t('mall.s.closed')}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Tag color="gold" data-testid="statement-state">
                    {t('mall.s.open')}
                  </Tag>
                )}
                {merchant && merchant.status !== 'filed' && <MerchantStatusTag m={merchant} />}
              </Space>
              <Row gutter={[16, 8]} data-testid="statement-totals">
                <Col flex="1 1 0" style={{ minWidth: 130 }}>
                  <Statistic title={t('mall.s.vouchers')} value={s.vouchers} suffix={t('mall.s.vouchersUnit')} />
                </Col>
                <Col flex="1 1 0" style={{ minWidth: 130 }}>
                  <Statistic
                    title={t('mall.s.points')}
                    value={s.points.toLocaleString()}
                    suffix={t('mall.pointsUnit')}
                  />
                </Col>
                <Col flex="1 1 0" style={{ minWidth: 160 }}>
                  <Statistic
                    title={t('mall.s.rate')}
                    value={s.fenPerPoint === 0 ? t('mall.donatedShort') : yuanPerPointText(s.fenPerPoint)}
                    suffix={s.fenPerPoint === 0 ? undefined : t('mall.yuanPerPointUnit')}
                  />
                </Col>
                <Col flex="1 1 0" style={{ minWidth: 160 }}>
                  <Statistic
                    title={t('mall.s.amount')}
                    value={formatYuan(s.amountFen)}
                    prefix="¥"
                    styles={{ content: { color: '#cf1322' } }}
                    data-testid="statement-amount"
                  />
                </Col>
                <Col flex="1.4 1 0" style={{ minWidth: 200 }}>
                  <Statistic
                    title={t('mall.s.fund')}
                    value={s.fundName ?? (s.fenPerPoint === 0 ? t('mall.s.noFundNeeded') : t('mall.s.noFund'))}
                    styles={{ content: { fontSize: 16 } }}
                  />
                </Col>
              </Row>
              {!s.closed && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
                  {notOver ? t('mall.s.liveNote', { date: nextMonthStart }) : t('mall.s.readyNote')}
                </Typography.Paragraph>
              )}
            </>
          )
        )}
      </Card>
      {s && merchantId && (
        <Card title={t('mall.s.lines')} size="small">
          <Table<StatementLine>
            aria-label={t('mall.s.lines')}
            data-testid="statement-lines"
            size="small"
            rowKey="orderId"
            dataSource={s.lines}
            pagination={s.lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            locale={{ emptyText: t('mall.s.noLines') }}
            columns={[
              { title: '#', key: 'i', width: 56, render: (_, __, i) => i + 1 },
              {
                title: t('mall.s.redeemedAt'),
                dataIndex: 'redeemedAt',
                width: 170,
                render: (v: string) => formatChina(v),
              },
              { title: t('mall.s.item'), dataIndex: 'title' },
              { title: t('mall.s.linePoints'), dataIndex: 'points', width: 100, align: 'right' },
              { title: t('mall.s.lineYuan'), key: 'yuan', width: 130, align: 'right', render: (_, l) => lineYuan(l) },
              {
                title: t('mall.s.orderId'),
                dataIndex: 'orderId',
                width: 140,
                render: (v: string) => (
                  <Typography.Text
                    type="secondary"
                    copyable={{ text: v }}
                    style={{ fontFamily: 'monospace', fontSize: 12 }}
                  >
                    {v.slice(-8)}
                  </Typography.Text>
                ),
              },
            ]}
            summary={() =>
              s.lines.length > 0 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <Typography.Text strong>{t('mall.s.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <Typography.Text strong>{s.points.toLocaleString()}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    <Typography.Text strong>{formatYuan(s.amountFen)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} />
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      )}
    </Space>
  );
}
