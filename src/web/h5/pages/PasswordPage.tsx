// 修改密码: current password, new password twice. The server ends the person's other sessions.
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Toast } from 'antd-mobile';
import { FormError } from '../components/FormError';
import { PasswordInput } from '../components/PasswordInput';
import { SubPage } from '../components/SubPage';
import { ruleFrom } from '../components/formRules';
import { accountKeys, useChangePassword } from '../features/account/queries';
import { checkNewPassword } from '../features/account/validation';
import { useI18n } from '../i18n';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordForm>();

  const onFinish = ({ currentPassword, newPassword }: PasswordForm) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('password.success') });
          // If the server ended this session too, the guard notices and sends the person to sign in.
          void qc.invalidateQueries({ queryKey: accountKeys.me() });
          navigate('/me');
        },
      },
    );
  };

  return (
    <SubPage title={t('password.title')} backTo="/me">
      <Form
        name="password"
        form={form}
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={onFinish}
        onValuesChange={() => change.error && change.reset()}
        footer={
          <>
            <p className="muted form-note">{t('password.note')}</p>
            <FormError error={change.error} />
            <Button block type="submit" color="primary" size="large" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </>
        }
      >
        <Form.Item
          name="currentPassword"
          label={t('field.currentPassword')}
          rules={[{ required: true, message: t('err.passwordRequired') }]}
        >
          <PasswordInput placeholder={t('ph.currentPassword')} autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('field.newPassword')}
          description={t('register.passwordHint')}
          dependencies={['currentPassword']}
          rules={[
            ruleFrom(checkNewPassword, t),
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && value === form.getFieldValue('currentPassword')) throw new Error(t('err.passwordSame'));
              },
            },
          ]}
        >
          <PasswordInput placeholder={t('ph.newPassword2')} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('field.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value) throw new Error(t('err.passwordRequired'));
                if (value !== form.getFieldValue('newPassword')) throw new Error(t('err.passwordMismatch'));
              },
            },
          ]}
        >
          <PasswordInput placeholder={t('ph.confirmNewPassword')} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
