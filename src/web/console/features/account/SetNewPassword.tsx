// Signed in with a temporary password (staff reset it, or `linli create-district` printed it): the server answers 403
// to everything but changing it, so the console asks for a new password before anything else.
import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { Me } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { accountKeys } from './queries';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The server's rule (platform/passwords.ts): letters and digits, or a passphrase of 16+ characters; 8–128. */
const PASSWORD_RULE = /^(?:(?=.*[A-Za-z])(?=.*\d).{8,128}|.{16,128})$/su;

export function SetNewPassword() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) =>
      api<void>('POST', '/api/v1/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    // Clearing the flag lets the login page move on; the next /me read confirms it.
    onSuccess: () =>
      qc.setQueryData<Me | null>(accountKeys.me, (old) => (old ? { ...old, mustChangePassword: false } : old)),
  });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('login.mustChangeTitle')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('login.mustChangeNote')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="set-new-password"
        onFinish={(v) => change.mutate(v)}
        requiredMark={false}
      >
        <Form.Item
          label={t('login.temporaryPassword')}
          name="currentPassword"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('login.newPassword')}
          name="newPassword"
          extra={t('login.passwordRule')}
          rules={[
            { required: true, message: t('login.passwordRequired') },
            { pattern: PASSWORD_RULE, message: t('login.passwordRule') },
          ]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('login.confirmPassword')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('login.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('login.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" />
        </Form.Item>
        {change.isError && (
          <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />
        )}
        <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="set-new-password">
          {t('login.setPassword')}
        </Button>
      </Form>
    </>
  );
}
