// 注册: phone, display name, password twice, home community, privacy consent. Signs in on success.
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { Button, Checkbox, Dialog, Form, Input, Toast } from 'antd-mobile';
import { AuthLayout } from '../components/AuthLayout';
import { FormError } from '../components/FormError';
import { PasswordInput } from '../components/PasswordInput';
import { ruleFrom } from '../components/formRules';
import { useMe, useRegister } from '../features/account/queries';
import { checkDisplayName, checkNewPassword, checkPhone, DISPLAY_NAME_MAX } from '../features/account/validation';
import { CommunityPicker, useHasCommunities } from '../features/org/CommunityPicker';
import { useElderMode } from '../elder';
import { useI18n } from '../i18n';

interface RegisterForm {
  phone: string;
  displayName: string;
  password: string;
  confirm: string;
  communityId?: string;
  agree: boolean;
}

/** The consent checkbox with a link that opens the privacy note (the link must not tick the box). */
function AgreeField({ value, onChange }: { value?: boolean; onChange?: (checked: boolean) => void }) {
  const { t } = useI18n();
  const showPrivacy = () =>
    void Dialog.alert({
      title: t('register.privacyTitle'),
      content: <p className="privacy-text">{t('register.privacyBody')}</p>,
      confirmText: t('register.privacyOk'),
    });
  return (
    <div className="agree">
      <Checkbox checked={!!value} onChange={onChange}>
        {t('register.agree')}
      </Checkbox>
      <button type="button" className="link-button" onClick={showPrivacy}>
        {t('register.privacyLink')}
      </button>
    </div>
  );
}

export function RegisterPage() {
  const { t, locale } = useI18n();
  const { elderMode } = useElderMode();
  const navigate = useNavigate();
  const me = useMe();
  const register = useRegister();
  const hasCommunities = useHasCommunities();
  const [form] = Form.useForm<RegisterForm>();
  const [justRegistered, setJustRegistered] = useState(false);

  if (me.data && !justRegistered) return <Navigate to="/" replace />;

  const onFinish = (values: RegisterForm) => {
    register.mutate(
      {
        phone: values.phone.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        communityId: values.communityId,
        preferences: { locale, elderMode },
      },
      {
        onSuccess: () => {
          setJustRegistered(true);
          Toast.show({ icon: 'success', content: t('register.success') });
          void navigate('/', { replace: true });
        },
      },
    );
  };

  return (
    <AuthLayout title={t('register.title')} subtitle={t('register.subtitle')}>
      <Form
        name="register"
        form={form}
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={onFinish}
        onValuesChange={() => register.error && register.reset()}
        footer={
          <>
            <FormError error={register.error} />
            <Button block type="submit" color="primary" size="large" loading={register.isPending}>
              {t('register.submit')}
            </Button>
            <p className="auth__switch">
              {t('register.hasAccount')} <Link to="/login">{t('register.toLogin')}</Link>
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
            autoComplete="tel"
            clearable
          />
        </Form.Item>
        <Form.Item name="displayName" label={t('field.displayName')} rules={[ruleFrom(checkDisplayName, t)]}>
          <Input placeholder={t('ph.displayName')} maxLength={DISPLAY_NAME_MAX} autoComplete="nickname" clearable />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('field.password')}
          description={t('register.passwordHint')}
          rules={[ruleFrom(checkNewPassword, t)]}
        >
          <PasswordInput placeholder={t('ph.newPassword')} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('field.confirmPassword')}
          dependencies={['password']}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value) throw new Error(t('err.passwordRequired'));
                if (value !== form.getFieldValue('password')) throw new Error(t('err.passwordMismatch'));
              },
            },
          ]}
        >
          <PasswordInput placeholder={t('ph.confirmPassword')} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="communityId"
          label={t('field.community')}
          description={hasCommunities === false ? t('register.noCommunities') : undefined}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value && hasCommunities !== false) throw new Error(t('err.communityRequired'));
              },
            },
          ]}
        >
          <CommunityPicker />
        </Form.Item>
        <Form.Item
          name="agree"
          rules={[
            {
              validator: async (_rule, value: boolean | undefined) => {
                if (!value) throw new Error(t('err.agreeRequired'));
              },
            },
          ]}
        >
          <AgreeField />
        </Form.Item>
      </Form>
    </AuthLayout>
  );
}
