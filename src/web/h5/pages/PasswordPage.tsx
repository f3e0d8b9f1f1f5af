// 修改密码: current password, new password twice. The server ends the person's other sessions.
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../shared/types';
import { Button, Form, Toast } from 'antd-mobile';
import { FormError } from '../components/FormError';
import { PasswordInput } from '../components/PasswordInput';
import { SubPage } from '../components/SubPage';
import { ruleFrom } from '../components/formRules';
import { accountKeys, useChangePassword, useMe } from '../features/account/queries';
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
  // Signed in with a temporary password from the staff: this page comes first and there is nowhere to go back to.
  const forced = useMe().data?.mustChangePassword === true;

  const onFinish = ({ currentPassword, newPassword }: PasswordForm) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('password.success') });
          // If the server ended this session too, the guard notices and sends the person to sign in.
          // The flag is cleared at once, so the guard does not send the person back here before the refetch lands.
          qc.setQueryData<Me | null>(accountKeys.me(), (old) => (old ? { ...old, mustChangePassword: false } : old));
          void qc.invalidateQueries({ queryKey: accountKeys.me() });
          void navigate(forced ? '/' : '/me', { replace: forced });
        },
      },
    );
  };

  return (
    <SubPage title={t(forced ? 'password.forcedTitle' : 'password.title')} backTo="/me">
      {forced && (
        <p className="form-note" role="status" style={{ padding: '12px 16px 0', margin: 0 }}>
          {t('password.forcedNote')}
        </p>
      )}
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
          label={t(forced ? 'field.temporaryPassword' : 'field.currentPassword')}
          rules={[{ required: true, message: t('err.passwordRequired') }]}
        >
          <PasswordInput
            placeholder={t(forced ? 'ph.temporaryPassword' : 'ph.currentPassword')}
            autoComplete="current-password"
          />
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
