// Phone + password login for staff.
import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { PHONE_PATTERN } from '../../lib/org';
import { PRIMARY_COLOR } from '../../theme';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { useLogin, useMe, type LoginInput } from './queries';
import { SetNewPassword } from './SetNewPassword';

export function LoginPage() {
  const { t } = useI18n();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/org';

  const mustChange = me.data?.mustChangePassword === true;
  if (me.data && !mustChange) return <Navigate to={target} replace />;

  const onFinish = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: (res) => {
        if (!res.user.mustChangePassword) void navigate(target, { replace: true });
      },
    });

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(180deg, #fff4ee 0%, #f5f6f8 60%)',
        padding: 16,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, boxShadow: '0 6px 24px rgba(0,0,0,0.06)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <div
            aria-hidden
            style={{
              width: 44,
              height: 44,
              margin: '0 auto 12px',
              borderRadius: 10,
              background: PRIMARY_COLOR,
              color: '#fff',
              fontSize: 22,
              fontWeight: 600,
              lineHeight: '44px',
            }}
          >
            邻
          </div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        {mustChange ? (
          <SetNewPassword />
        ) : (
          <Form<LoginInput> layout="vertical" name="login" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item
              label={t('login.phone')}
              name="phone"
              rules={[
                { required: true, message: t('login.phoneRequired') },
                { pattern: PHONE_PATTERN, message: t('login.phoneInvalid') },
              ]}
            >
              <Input
                prefix={<MobileOutlined aria-hidden />}
                maxLength={11}
                inputMode="numeric"
                autoComplete="username"
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            {login.isError && (
              <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />
            )}
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
