// 随手拍设置 (district admins, a tab of the 随手拍 page): the categories with the points a confirmed report earns
// (0: none, e.g. 市长热线 relays), each person's daily cap of report points, the time limits per level before a
// report escalates (grid → community → street), the days before an unanswered fix counts as confirmed, and how many
// people's flags hide a report from the public board. Saved in one PATCH, audited (settings.update).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../shared/api';
import type { ReportSettings } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { LoadError } from '../../layout/LoadError';
import { reportKeys } from './queries';

const path = (districtId: string) => `/api/v1/districts/${encodeURIComponent(districtId)}/report-settings`;
const NUMBERS = [
  { name: 'dailyCapPoints', max: 10_000 },
  { name: 'gridHours', max: 24 * 30 },
  { name: 'communityHours', max: 24 * 30 },
  { name: 'streetHours', max: 24 * 90 },
  { name: 'autoConfirmDays', max: 60 },
  { name: 'flagThreshold', max: 50 },
] as const;

export function ReportSettingsCard({ districtId }: { districtId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReportSettings>();
  const key = [...reportKeys.all, 'settings', districtId];
  const settings = useQuery({ queryKey: key, queryFn: () => api<ReportSettings>('GET', path(districtId)) });
  const save = useMutation({
    mutationFn: (v: ReportSettings) => api<ReportSettings>('PATCH', path(districtId), v),
    onSuccess: (s) => {
      qc.setQueryData(key, s);
      void qc.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.isPending) return <Spin />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => settings.refetch()} />;

  const onFinish = (v: ReportSettings) => {
    const body = {
      ...v,
      categories: v.categories.map((c) => ({ key: c.key.trim(), name: c.name.trim(), points: c.points ?? 0 })),
    };
    save.mutate(body, {
      onSuccess: () => void message.success(t('rpt.set.saved')),
      onError: (err) => {
        if (!applyFieldErrors(form, err, ['categories', ...NUMBERS.map((n) => n.name)]))
          message.error(errorMessage(err));
      },
    });
  };

  return (
    <Card size="small" data-testid="report-settings">
      <Typography.Paragraph type="secondary">{t('rpt.set.intro')}</Typography.Paragraph>
      <Form<ReportSettings> form={form} onFinish={onFinish} layout="vertical" name="report-settings">
        <Typography.Title level={5}>{t('rpt.set.categories')}</Typography.Title>
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item
                    style={{ marginBottom: 8 }}
                    name={[f.name, 'key']}
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,29}$/, message: t('rpt.set.keyRule') }]}
                  >
                    <Input placeholder={t('rpt.set.key')} aria-label={t('rpt.set.key')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    style={{ marginBottom: 8 }}
                    name={[f.name, 'name']}
                    rules={[{ required: true, whitespace: true, max: 20, message: t('rpt.set.nameRule') }]}
                  >
                    <Input placeholder={t('rpt.set.name')} aria-label={t('rpt.set.name')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    style={{ marginBottom: 8 }}
                    name={[f.name, 'points']}
                    rules={[{ required: true, message: t('rpt.set.pointsRule') }]}
                  >
                    <InputNumber
                      min={0}
                      max={1000}
                      precision={0}
                      aria-label={t('rpt.set.points')}
                      suffix={t('rpt.set.pointsUnit')}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('rpt.set.remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ key: '', name: '', points: 0 })}
                icon={<PlusOutlined aria-hidden />}
              >
                {t('rpt.set.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Space wrap size={16} style={{ marginTop: 16 }}>
          {NUMBERS.map((n) => (
            <Form.Item
              key={n.name}
              name={n.name}
              label={t(`rpt.set.${n.name}`)}
              rules={[{ required: true, message: t('rpt.set.numberRule') }]}
            >
              <InputNumber min={n.name === 'dailyCapPoints' ? 0 : 1} max={n.max} precision={0} style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(settings.data)}>{t('common.reset')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
