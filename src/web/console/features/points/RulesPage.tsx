// 积分规则: the district's earning and giving rules — district admins edit them (every version is kept),
// other admins read them; below, the history of changes with what each changed.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useEffect, useMemo } from 'react';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { LoadError } from '../../layout/LoadError';
import { useCurrentMe } from '../org/scope';
import { useVolunteeringSettings } from '../settings/queries';
import { PointsGate } from './PointsGate';
import { useLedgerHead, usePointRules, useUpdatePointRules } from './queries';
import { changeLabel, diffRules } from './rulesDiff';
import { districtAdminOf, pointsDistrictId } from './scope';
import { REPORT_CATEGORIES, type PointRules, type PointRulesVersion } from './types';

interface Row2 {
  category?: string;
  value?: number;
}

interface FormValues {
  pointsPerHour: number;
  multipliers: Row2[];
  dailyCapPoints: number | null;
  balanceCeiling: number | null;
  reports: Row2[];
  allowGifts: boolean;
  allowDonations: boolean;
  monthlyGiveLimit: number;
  expiryYears: number | null;
  closedAccountPoints: PointRules['closedAccountPoints'];
}

function toForm(r: PointRules): FormValues {
  const rows = (m: Record<string, number>) => Object.entries(m).map(([category, value]) => ({ category, value }));
  return {
    pointsPerHour: r.pointsPerHour,
    multipliers: rows(r.categoryMultipliersPct),
    dailyCapPoints: r.dailyCapPoints,
    balanceCeiling: r.balanceCeiling,
    reports: rows(r.reportRewards),
    allowGifts: r.allowGifts,
    allowDonations: r.allowDonations,
    monthlyGiveLimit: r.monthlyGiveLimit,
    expiryYears: r.expiryYears,
    closedAccountPoints: r.closedAccountPoints,
  };
}

function fromForm(v: FormValues): PointRules {
  const record = (list: Row2[] | undefined) =>
    Object.fromEntries(
      (list ?? []).filter((x) => x.category?.trim() && x.value != null).map((x) => [x.category!.trim(), x.value!]),
    );
  return {
    pointsPerHour: v.pointsPerHour,
    categoryMultipliersPct: record(v.multipliers),
    dailyCapPoints: v.dailyCapPoints ?? null,
    balanceCeiling: v.balanceCeiling ?? null,
    reportRewards: record(v.reports),
    allowGifts: !!v.allowGifts,
    allowDonations: !!v.allowDonations,
    monthlyGiveLimit: v.monthlyGiveLimit,
    expiryYears: v.expiryYears ?? null,
    closedAccountPoints: v.closedAccountPoints ?? 'community_fund',
  };
}

export function RulesPage() {
  return (
    <PointsGate>
      <Rules />
    </PointsGate>
  );
}

function Rules() {
  const me = useCurrentMe();
  const districtId = pointsDistrictId(me);
  const district = districtAdminOf(me, districtId);
  // Street and community admins do not see the district node; the public ledger head names it.
  const head = useLedgerHead(district ? null : districtId);
  const districtName = district?.nodeName ?? head.data?.districtName ?? '';
  const rules = usePointRules(districtId);

  if (rules.isPending) return <Spin />;
  if (rules.isError) return <LoadError error={rules.error} onRetry={() => rules.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <RulesForm districtId={districtId!} districtName={districtName} rules={rules.data.rules} canEdit={!!district} />
      <RulesHistory history={rules.data.history} />
    </Space>
  );
}

/** Rows of "category → number" (multipliers, report rewards) with add/remove and no repeated category. */
function CategoryRows({
  name,
  label,
  help,
  options,
  unit,
  max,
  addText,
  readOnly,
}: {
  name: 'multipliers' | 'reports';
  label: string;
  help: string;
  options: string[];
  unit: string;
  max: number;
  addText: string;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {label}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" size={8} style={{ display: 'flex' }}>
                <Form.Item
                  name={[f.name, 'category']}
                  rules={[
                    { required: true, whitespace: true, message: t('pts.rules.categoryRequired') },
                    { max: 20, message: t('common.maxChars', { n: 20 }) },
                    ({ getFieldValue }) => ({
                      validator: (_, v?: string) => {
                        const all = ((getFieldValue(name) ?? []) as Row2[]).map((r) => r?.category?.trim());
                        return v && all.filter((c) => c === v.trim()).length > 1
                          ? Promise.reject(new Error(t('pts.rules.categoryDuplicate')))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <AutoComplete
                    style={{ width: 200 }}
                    aria-label={t('pts.rules.category')}
                    placeholder={t('pts.rules.category')}
                    options={options.map((o) => ({ value: o }))}
                    showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
                  />
                </Form.Item>
                <Typography.Text type="secondary">→</Typography.Text>
                <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: t('pts.rules.required') }]}>
                  <InputNumber
                    min={0}
                    max={max}
                    precision={0}
                    style={{ width: 140 }}
                    suffix={unit}
                    aria-label={`${label} ${unit}`}
                  />
                </Form.Item>
                {!readOnly && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => remove(f.name)}
                    aria-label={t('pts.rules.remove')}
                  />
                )}
              </Space>
            ))}
            {fields.length === 0 && (
              <Typography.Paragraph type="secondary" style={{ fontStyle: 'italic' }}>
                {t('pts.rules.noRows')}
              </Typography.Paragraph>
            )}
            {!readOnly && (
              <Form.Item>
                <Button
                  type="dashed"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ value: name === 'multipliers' ? 100 : 5 })}
                >
                  {addText}
                </Button>
              </Form.Item>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}

function RulesForm({
  districtId,
  districtName,
  rules,
  canEdit,
}: {
  districtId: string;
  districtName: string;
  rules: PointRules;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdatePointRules(districtId);
  const settings = useVolunteeringSettings(districtId);

  useEffect(() => {
    form.setFieldsValue(toForm(rules));
  }, [rules]);

  const onFinish = (v: FormValues) =>
    update.mutate(fromForm(v), {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (err) => {
        if (
          !applyFieldErrors(form, err, [
            'pointsPerHour',
            'dailyCapPoints',
            'balanceCeiling',
            'monthlyGiveLimit',
            'expiryYears',
          ])
        ) {
          message.error(errorMessage(err));
        }
      },
    });

  const unitPoints = t('pts.unit');
  return (
    <Card title={t('pts.rules.title', { district: districtName })}>
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pts.rules.readOnly')}
          data-testid="rules-readonly"
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="point-rules"
        disabled={!canEdit}
        initialValues={toForm(rules)}
        onFinish={onFinish}
        style={{ maxWidth: 960 }}
      >
        <Typography.Title level={5}>{t('pts.rules.earning')}</Typography.Title>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="pointsPerHour"
              label={t('pts.rules.pointsPerHour')}
              extra={t('pts.rules.pointsPerHourHelp')}
              rules={[{ required: true, message: t('pts.rules.required') }]}
            >
              <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} suffix={unitPoints} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="dailyCapPoints"
              label={t('pts.rules.dailyCapPoints')}
              extra={t('pts.rules.dailyCapPointsHelp')}
            >
              <InputNumber
                min={1}
                max={1_000_000}
                precision={0}
                style={{ width: '100%' }}
                suffix={unitPoints}
                placeholder={t('pts.rules.unlimited')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="balanceCeiling"
              label={t('pts.rules.balanceCeiling')}
              extra={t('pts.rules.balanceCeilingHelp')}
            >
              <InputNumber
                min={1}
                max={100_000_000}
                precision={0}
                style={{ width: '100%' }}
                suffix={unitPoints}
                placeholder={t('pts.rules.unlimited')}
              />
            </Form.Item>
          </Col>
        </Row>
        <CategoryRows
          name="multipliers"
          label={t('pts.rules.categoryMultipliersPct')}
          help={t('pts.rules.multipliersHelp')}
          options={settings.data?.activityCategories ?? []}
          unit="%"
          max={1000}
          addText={t('pts.rules.addMultiplier')}
          readOnly={!canEdit}
        />
        <CategoryRows
          name="reports"
          label={t('pts.rules.reportRewards')}
          help={t('pts.rules.reportRewardsHelp')}
          options={REPORT_CATEGORIES}
          unit={unitPoints}
          max={10_000}
          addText={t('pts.rules.addReport')}
          readOnly={!canEdit}
        />
        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('pts.rules.giving')}
        </Typography.Title>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="allowGifts"
              label={t('pts.rules.allowGifts')}
              valuePropName="checked"
              extra={t('pts.rules.allowGiftsHelp')}
            >
              <Switch aria-label={t('pts.rules.allowGifts')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="allowDonations"
              label={t('pts.rules.allowDonations')}
              valuePropName="checked"
              extra={t('pts.rules.allowDonationsHelp')}
            >
              <Switch aria-label={t('pts.rules.allowDonations')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="monthlyGiveLimit"
              label={t('pts.rules.monthlyGiveLimit')}
              extra={t('pts.rules.monthlyGiveLimitHelp')}
              rules={[{ required: true, message: t('pts.rules.required') }]}
            >
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} suffix={unitPoints} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('pts.rules.expiry')}
        </Typography.Title>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="expiryYears" label={t('pts.rules.expiryYears')} extra={t('pts.rules.expiryYearsHelp')}>
              <InputNumber
                min={1}
                max={20}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('pts.rules.unitYears')}
                placeholder={t('pts.rules.never')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="closedAccountPoints"
              label={t('pts.rules.closedAccountPoints')}
              extra={t('pts.rules.closedAccountPointsHelp')}
            >
              <Select
                options={[
                  { value: 'community_fund', label: t('pts.rules.closed.community_fund') },
                  { value: 'forfeit', label: t('pts.rules.closed.forfeit') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        {canEdit && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('pts.rules.noteOnChange')} />
            <Space>
              <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="save-point-rules">
                {t('common.save')}
              </Button>
              <Button onClick={() => form.setFieldsValue(toForm(rules))}>{t('common.reset')}</Button>
            </Space>
          </>
        )}
      </Form>
    </Card>
  );
}

function RulesHistory({ history }: { history: PointRulesVersion[] }) {
  const { t, locale } = useI18n();
  // Newest first: each version is compared with the one before it (the next row).
  const rows = useMemo(
    () =>
      history.map((h, i) => {
        const before = history[i + 1];
        return { ...h, changes: before ? diffRules(before.rules, h.rules, t) : null };
      }),
    [history, t],
  );
  return (
    <Card title={t('pts.rules.history')}>
      <Table
        aria-label={t('pts.rules.history')}
        data-testid="rules-history"
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('pts.rules.historyEmpty') }}
        expandable={{
          expandedRowRender: (h) => (
            <Row gutter={16}>
              {h.changes && h.changes.length > 0 && (
                <Col span={12}>
                  <Typography.Text type="secondary">{t('pts.rules.changes')}</Typography.Text>
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {h.changes.map((c, i) => (
                      <li key={i}>{changeLabel(c, t)}</li>
                    ))}
                  </ul>
                </Col>
              )}
              <Col span={h.changes && h.changes.length > 0 ? 12 : 24}>
                <Typography.Text type="secondary">{t('pts.rules.fullJson')}</Typography.Text>
                <pre className="linli-json">{JSON.stringify(h.rules, null, 2)}</pre>
              </Col>
            </Row>
          ),
        }}
        columns={[
          {
            title: t('pts.rules.changedAt'),
            dataIndex: 'changedAt',
            width: 180,
            render: (v: string) => formatDateTime(v, locale),
          },
          {
            title: t('pts.rules.changedBy'),
            dataIndex: 'changedBy',
            width: 120,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('pts.rules.changes'),
            key: 'changes',
            render: (_, h) => {
              if (!h.changes) return <Typography.Text type="secondary">{t('pts.rules.initial')}</Typography.Text>;
              if (h.changes.length === 0)
                return <Typography.Text type="secondary">{t('pts.rules.noChange')}</Typography.Text>;
              const shown = h.changes.slice(0, 3).map((c) => changeLabel(c, t));
              return (
                <span>
                  {shown.join('；')}
                  {h.changes.length > 3 && (
                    <Typography.Text type="secondary">
                      {t('pts.rules.moreChanges', { count: h.changes.length - 3 })}
                    </Typography.Text>
                  )}
                </span>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
