// 登录: phone + password. Client checks catch typos; the server's message covers wrong passwords and locks.
import { Link, Navigate, useLocation } from 'react-router';
import { Button, Dialog, Form, Input, Toast } from 'antd-mobile';
import { AuthLayout } from '../components/AuthLayout';
import { FormError } from '../components/FormError';
import { PasswordInput } from '../components/PasswordInput';
import { ruleFrom } from '../components/formRules';
import { useLogin, useMe } from '../features/account/queries';
import { checkPhone } from '../features/account/validation';
import { useI18n } from '../i18n';

interface LoginForm {
  phone: string;
  password: string;
}

function safeReturnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();

  if (me.data) return <Navigate to={safeReturnPath(location.state)} replace />;

  // No self-service reset without an SMS channel: the community's staff reset it (resetPassword) and hand over a
  // temporary password, which must be changed at the next sign-in.
  const showForgotHelp = () =>
    void Dialog.alert({
      title: t('login.forgotTitle'),
      content: (
        <>
          <p>{t('login.forgotBody')}</p>
          <p className="muted">{t('login.forgotSms')}</p>
        </>
      ),
      confirmText: t('login.forgotOk'),
    });

  const onFinish = ({ phone, password }: LoginForm) => {
    login.mutate(
      { phone: phone.trim(), password },
      { onSuccess: () => Toast.show({ icon: 'success', content: t('login.success') }) },
    );
  };

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <Form
        name="login"
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={onFinish}
        onValuesChange={() => login.error && login.reset()}
        footer={
          <>
            <FormError error={login.error} />
            <Button block type="submit" color="primary" size="large" loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <p className="auth__switch">
              {t('login.noAccount')} <Link to="/register">{t('login.toRegister')}</Link>
            </p>
            <p className="auth__switch">
              <Button fill="none" size="small" color="primary" onClick={showForgotHelp} data-testid="forgot-password">
                {t('login.forgot')}
              </Button>
            </p>
          </>
        }
      >
        <Form.Item name="phone" label={t('field.phone')} rules={[ruleFrom(checkPhone, t)]}>
          <Input
            placeholder={t('ph.phone')}
            type="tel"
            inputMode="numeric"
            maxLength={11}
            autoComplete="username"
            clearable
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('field.password')}
          rules={[{ required: true, message: t('err.passwordRequired') }]}
        >
          <PasswordInput placeholder={t('ph.password')} autoComplete="current-password" />
        </Form.Item>
      </Form>
    </AuthLayout>
  );
}
