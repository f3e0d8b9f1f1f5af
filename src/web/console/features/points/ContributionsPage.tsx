// 共建贡献: record what a team, partner unit or filed merchant contributed to a co-build project (labour, goods, money, valued
// in yuan and stored in fen) and credit its points account; the resulting balance is shown at once.
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { newIdempotencyKey } from '../../lib/idempotency';
import { useVolunteeringScope } from '../org/scope';
import { useMerchants } from '../mall/queries';
import { useTeamOptions } from '../teams/queries';
import { PointsGate } from './PointsGate';
import { usePartnerOptions, useRecordContribution } from './queries';
import { pointsDistrictId } from './scope';
import {
  formatYuan,
  yuanToFen,
  type ContributionKind,
  type ContributionOrgType,
  type ContributionResult,
} from './types';

interface Values {
  orgType: ContributionOrgType;
  orgId?: string;
  kind: ContributionKind;
  valueYuan?: number;
  project?: string;
  description?: string;
  points?: number;
}

const KINDS: ContributionKind[] = ['labour', 'goods', 'money'];

export function ContributionsPage() {
  return (
    <PointsGate>
      <Contributions />
    </PointsGate>
  );
}

function Contributions() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const districtId = pointsDistrictId(scope.me);
  const [form] = Form.useForm<Values>();
  const orgType = Form.useWatch('orgType', form) ?? 'team';
  const valueYuan = Form.useWatch('valueYuan', form);
  const teams = useTeamOptions({ districtId: districtId ?? undefined }, !!districtId);
  const partners = usePartnerOptions();
  const merchants = useMerchants(orgType === 'merchant' ? districtId : null);
  const record = useRecordContribution();
  // One key per contribution: kept across retries of the same entry, renewed after it is recorded.
  const keyRef = useRef(newIdempotencyKey());
  const [done, setDone] = useState<(ContributionResult & { project: string; valueFen: number; at: number })[]>([]);

  const orgOptions = useMemo(
    () =>
      orgType === 'team'
        ? (teams.data ?? []).map((x) => ({ value: x.id, label: x.name, hint: `${x.communityName} · ${x.category}` }))
        : orgType === 'merchant'
          ? // Only filed (在册) merchants hold a points account the server credits.
            (merchants.data ?? [])
              .filter((m) => m.status === 'filed')
              .map((m) => ({ value: m.id, label: m.name, hint: `${m.communityName} · ${m.category}` }))
          : (partners.data ?? [])
              .filter((p) => !p.archived)
              .map((p) => ({ value: p.id, label: p.name, hint: `${p.nodeName} · ${t(`partner.cat.${p.category}`)}` })),
    [orgType, teams.data, partners.data, merchants.data, t],
  );
  const orgLoading =
    orgType === 'team'
      ? teams.isPending && !!districtId
      : orgType === 'merchant'
        ? merchants.isPending && !!districtId
        : partners.isPending;
  const placeholderKey = {
    team: 'pts.ct.orgPlaceholderTeam',
    partner: 'pts.ct.orgPlaceholderPartner',
    merchant: 'pts.ct.orgPlaceholderMerchant',
  } as const;
  const emptyKey = { team: 'pts.ct.noTeams', partner: 'pts.ct.noPartners', merchant: 'pts.ct.noMerchants' } as const;

  const onFinish = async (v: Values) => {
    const valueFen = yuanToFen(v.valueYuan ?? 0);
    try {
      const res = await record.mutateAsync({
        orgType: v.orgType,
        orgId: v.orgId!,
        kind: v.kind,
        valueFen,
        project: v.project!.trim(),
        description: (v.description ?? '').trim(),
        points: v.points!,
        idempotencyKey: keyRef.current,
      });
      keyRef.current = newIdempotencyKey();
      setDone((list) => [{ ...res, project: v.project!.trim(), valueFen, at: Date.now() }, ...list]);
      message.success(t('pts.ct.ok'));
      form.resetFields(['project', 'description', 'valueYuan', 'points']);
    } catch (err) {
      if (!applyFieldErrors(form, err, ['orgId', 'kind', 'project', 'description', 'points'])) {
        message.error(errorMessage(err));
      }
    }
  };

  const last = done[0];

  return (
    <Row gutter={16} align="top">
      <Col xs={24} xl={14}>
        <Card title={t('pts.ct.title')}>
          <Typography.Paragraph type="secondary">{t('pts.ct.help')}</Typography.Paragraph>
          <Form<Values>
            form={form}
            layout="vertical"
            name="contribution"
            initialValues={{ orgType: 'team', kind: 'labour' }}
            onFinish={(v) => void onFinish(v)}
            style={{ maxWidth: 640 }}
          >
            <Form.Item name="orgType" label={t('pts.ct.orgType')}>
              <Radio.Group
                optionType="button"
                onChange={() => form.setFieldValue('orgId', undefined)}
                options={[
                  { value: 'team', label: t('pts.ct.orgType.team') },
                  { value: 'partner', label: t('pts.ct.orgType.partner') },
                  { value: 'merchant', label: t('pts.ct.orgType.merchant') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="orgId"
              label={t('pts.ct.org')}
              rules={[{ required: true, message: t('pts.ct.orgRequired') }]}
            >
              <Select<string>
                aria-label={t('pts.ct.org')}
                placeholder={t(placeholderKey[orgType])}
                loading={orgLoading}
                showSearch={{ optionFilterProp: 'label' }}
                options={orgOptions.map((o) => ({ value: o.value, label: o.label, hint: o.hint }))}
                optionRender={(o) => (
                  <Space size={8}>
                    <span>{o.label}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {(o.data as { hint: string }).hint}
                    </Typography.Text>
                  </Space>
                )}
                notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(emptyKey[orgType])} />}
              />
            </Form.Item>
            <Form.Item name="kind" label={t('pts.ct.kind')}>
              <Radio.Group options={KINDS.map((k) => ({ value: k, label: t(`pts.ct.kind.${k}`) }))} />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  name="valueYuan"
                  label={t('pts.ct.value')}
                  extra={
                    valueYuan != null
                      ? t('pts.ct.valueFen', { fen: yuanToFen(valueYuan).toLocaleString() })
                      : t('pts.ct.valueHelp')
                  }
                  rules={[{ required: true, message: t('pts.ct.valueRequired') }]}
                >
                  <InputNumber<number>
                    min={0}
                    max={100_000_000}
                    precision={2}
                    step={100}
                    prefix="¥"
                    suffix={t('pts.ct.yuan')}
                    style={{ width: '100%' }}
                    aria-label={t('pts.ct.value')}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="points"
                  label={t('pts.ct.points')}
                  rules={[{ required: true, message: t('pts.ct.pointsRequired') }]}
                >
                  <InputNumber
                    min={1}
                    max={1_000_000}
                    precision={0}
                    style={{ width: '100%' }}
                    suffix={t('pts.unit')}
                    aria-label={t('pts.ct.points')}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="project"
              label={t('pts.ct.project')}
              rules={[
                { required: true, whitespace: true, message: t('pts.ct.projectRequired') },
                { max: 60, message: t('common.maxChars', { n: 60 }) },
              ]}
            >
              <Input maxLength={60} placeholder={t('pts.ct.projectPlaceholder')} />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('pts.ct.description')}
              rules={[{ max: 300, message: t('common.maxChars', { n: 300 }) }]}
            >
              <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('pts.ct.descriptionPlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="contribution-submit">
              {t('pts.ct.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('pts.ct.recent')}>
          {last && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="contribution-result"
              title={t('pts.ct.resultTitle', {
                name: last.accountName,
                points: last.journal.amount,
                balance: last.balance.toLocaleString(),
              })}
              description={t('pts.ct.resultDesc', { seq: last.journal.seq, reason: last.journal.reason })}
            />
          )}
          <Table
            size="small"
            rowKey={(d) => d.journal.id}
            aria-label={t('pts.ct.recent')}
            dataSource={done}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pts.ct.none')} /> }}
            columns={[
              { title: '#', key: 'seq', width: 56, render: (_, d) => d.journal.seq },
              {
                title: t('pts.ct.org'),
                key: 'org',
                render: (_, d) => (
                  <span>
                    {d.accountName}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {d.project} · ¥{formatYuan(d.valueFen)}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: t('pts.ct.points'),
                key: 'points',
                width: 70,
                align: 'right',
                render: (_, d) => <Typography.Text type="success">+{d.journal.amount}</Typography.Text>,
              },
              {
                title: t('pts.acc.balance'),
                key: 'balance',
                width: 90,
                align: 'right',
                render: (_, d) => d.balance.toLocaleString(),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
