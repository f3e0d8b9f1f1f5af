// 设置 (district admins): the district's volunteering settings — lists, star thresholds and attendance rules.
import { Alert, App, Button, Card, Col, Form, InputNumber, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import type { VolunteeringSettings } from '../../lib/volunteering';
import { LoadError } from '../../layout/LoadError';
import { isDistrictAdmin, useCurrentMe } from '../org/scope';
import { useUpdateVolunteeringSettings, useVolunteeringSettings } from './queries';
import { NeedCategoriesCard } from '../needs/NeedCategoriesCard';
import { StarPublicityFields } from '../stars/StarPublicityFields';

const LIST_FIELDS = ['skills', 'teamCategories', 'activityCategories'] as const;

type NumberField =
  | 'cancelDeadlineHours'
  | 'noShowLimit'
  | 'noShowWindowDays'
  | 'dailyCapMinutes'
  | 'graceMinutes'
  | 'attendanceWindowSeconds';

const NUMBER_FIELDS: { name: NumberField; min: number; max: number; unit: MessageKey; step?: number }[] = [
  { name: 'cancelDeadlineHours', min: 0, max: 168, unit: 'set.unit.hours' },
  { name: 'noShowLimit', min: 1, max: 20, unit: 'set.unit.times' },
  { name: 'noShowWindowDays', min: 1, max: 365, unit: 'set.unit.days' },
  { name: 'dailyCapMinutes', min: 15, max: 1440, unit: 'set.unit.minutes', step: 15 },
  { name: 'graceMinutes', min: 0, max: 60, unit: 'set.unit.minutes' },
  { name: 'attendanceWindowSeconds', min: 20, max: 600, unit: 'set.unit.seconds', step: 10 },
];

export function SettingsPage() {
  const { t } = useI18n();
  const me = useCurrentMe();
  const district = me.roles.find((r) => r.role === 'district_admin');
  if (!isDistrictAdmin(me) || !district) {
    return (
      <Card>
        <Result status="403" title={t('set.noAccess')} subTitle={t('set.noAccessDesc')} />
      </Card>
    );
  }
  return (
    <>
      <SettingsForm districtId={district.districtId} districtName={district.nodeName} />
      <NeedCategoriesCard districtId={district.districtId} />
    </>
  );
}

function SettingsForm({ districtId, districtName }: { districtId: string; districtName: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VolunteeringSettings>();
  const settings = useVolunteeringSettings(districtId);
  const update = useUpdateVolunteeringSettings(districtId);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data]);

  if (settings.isPending) return <Spin />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => settings.refetch()} />;

  const onFinish = (v: VolunteeringSettings) => {
    const clean = {
      ...v,
      skills: [...new Set(v.skills.map((s) => s.trim()).filter(Boolean))],
      teamCategories: [...new Set(v.teamCategories.map((s) => s.trim()).filter(Boolean))],
      activityCategories: [...new Set(v.activityCategories.map((s) => s.trim()).filter(Boolean))],
    };
    update.mutate(clean, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (err) => {
        const fields = [...LIST_FIELDS, 'starThresholdsHours', ...NUMBER_FIELDS.map((f) => f.name)];
        if (!applyFieldErrors(form, err, fields)) message.error(errorMessage(err));
      },
    });
  };

  const tagRules = (emptyAllowed: boolean) => [
    ...(emptyAllowed ? [] : [{ required: true, type: 'array' as const, min: 1, message: t('set.listRequired') }]),
    {
      validator: (_: unknown, list?: string[]) =>
        (list ?? []).some((s) => s.trim().length > 20)
          ? Promise.reject(new Error(t('set.itemTooLong')))
          : Promise.resolve(),
    },
    {
      validator: (_: unknown, list?: string[]) =>
        (list ?? []).length > 60 ? Promise.reject(new Error(t('set.listTooLong'))) : Promise.resolve(),
    },
  ];

  return (
    <Card title={t('set.title', { district: districtName })}>
      <Form<VolunteeringSettings>
        form={form}
        layout="vertical"
        name="volunteering-settings"
        onFinish={onFinish}
        style={{ maxWidth: 960 }}
      >
        <Typography.Title level={5}>{t('set.lists')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('set.listsHelp')}</Typography.Paragraph>
        {LIST_FIELDS.map((name) => (
          <Form.Item key={name} name={name} label={t(`set.${name}`)} rules={tagRules(false)}>
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              aria-label={t(`set.${name}`)}
              placeholder={t('set.tagPlaceholder')}
            />
          </Form.Item>
        ))}

        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('set.stars')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('set.starsHelp')}</Typography.Paragraph>
        <Form.List name="starThresholdsHours">
          {(fields) => (
            <Row gutter={12}>
              {fields.map((f, i) => (
                <Col key={f.key} span={4}>
                  <Form.Item
                    name={f.name}
                    label={<span style={{ color: '#faad14' }}>{'★'.repeat(i + 1)}</span>}
                    dependencies={i > 0 ? [['starThresholdsHours', i - 1]] : undefined}
                    rules={[
                      { required: true, message: t('set.required') },
                      ({ getFieldValue }) => ({
                        validator: (_, v?: number) => {
                          const prev =
                            i > 0 ? (getFieldValue(['starThresholdsHours', i - 1]) as number | undefined) : undefined;
                          if (v != null && prev != null && v <= prev)
                            return Promise.reject(new Error(t('set.starIncreasing')));
                          return Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <InputNumber
                      min={1}
                      max={100000}
                      precision={0}
                      style={{ width: '100%' }}
                      suffix={t('set.unit.hours')}
                      aria-label={t('set.starN', { n: i + 1 })}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          )}
        </Form.List>
        <StarPublicityFields />

        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('set.rules')}
        </Typography.Title>
        <Row gutter={16}>
          {NUMBER_FIELDS.map((f) => (
            <Col key={f.name} span={8}>
              <Form.Item
                name={f.name}
                label={t(`set.${f.name}`)}
                extra={t(`set.${f.name}.help`)}
                rules={[{ required: true, message: t('set.required') }]}
              >
                <InputNumber
                  min={f.min}
                  max={f.max}
                  step={f.step ?? 1}
                  precision={0}
                  style={{ width: '100%' }}
                  suffix={t(f.unit)}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('set.noteOnChange')} />
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="save-settings">
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(settings.data)}>{t('common.reset')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
