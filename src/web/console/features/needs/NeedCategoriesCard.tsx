// 需求类别 (district admins, in 设置): the need categories residents and staff choose from — a stable key, a name,
// and the volunteer skills each matches (matching ranks volunteers by them). Saved in one PATCH, audited.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../shared/api';
import type { NeedCategory } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { LoadError } from '../../layout/LoadError';
import { useVolunteeringSettings } from '../settings/queries';
import { needKeys } from './queries';

interface Values {
  categories: NeedCategory[];
}

const path = (districtId: string) => `/api/v1/districts/${encodeURIComponent(districtId)}/need-settings`;

export function NeedCategoriesCard({ districtId }: { districtId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const settings = useQuery({
    queryKey: ['settings', 'needs', districtId],
    queryFn: () => api<Values>('GET', path(districtId)),
  });
  const skills = useVolunteeringSettings(districtId).data?.skills ?? [];
  const save = useMutation({
    mutationFn: (v: Values) => api<Values>('PATCH', path(districtId), v),
    onSuccess: (s) => {
      qc.setQueryData(['settings', 'needs', districtId], s);
      void qc.invalidateQueries({ queryKey: needKeys.all });
    },
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data]);

  if (settings.isPending) return <Spin />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => settings.refetch()} />;

  const onFinish = (v: Values) => {
    const categories = v.categories.map((c) => ({ key: c.key.trim(), name: c.name.trim(), skills: c.skills ?? [] }));
    save.mutate(
      { categories },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => {
          if (!applyFieldErrors(form, err, ['categories'])) message.error(errorMessage(err));
        },
      },
    );
  };

  return (
    <Card title={t('needs.cat.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('needs.cat.intro')}</Typography.Paragraph>
      <Form<Values> form={form} onFinish={onFinish} data-testid="need-categories">
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item
                    name={[f.name, 'key']}
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,29}$/, message: t('needs.cat.keyRule') }]}
                  >
                    <Input placeholder={t('needs.cat.key')} aria-label={t('needs.cat.key')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[{ required: true, whitespace: true, max: 20, message: t('needs.cat.nameRule') }]}
                  >
                    <Input placeholder={t('needs.cat.name')} aria-label={t('needs.cat.name')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'skills']}>
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('needs.cat.skills')}
                      aria-label={t('needs.cat.skills')}
                      style={{ width: 320 }}
                      options={skills.map((s) => ({ value: s, label: s }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('needs.cat.remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <div>
                <Button
                  type="dashed"
                  onClick={() => add({ key: '', name: '', skills: [] })}
                  icon={<PlusOutlined aria-hidden />}
                >
                  {t('needs.cat.add')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(settings.data)}>{t('common.reset')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
