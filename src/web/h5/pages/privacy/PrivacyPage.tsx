// 我的 → 个人信息: my details (masked, with a reveal of my own), a download of everything held about me (.xlsx or
// JSON), and closing my account — what is erased and what is kept, then the current password and the typed word 注销.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Form, Input, List, Toast } from 'antd-mobile';
import { DownlandOutline, ExclamationCircleOutline } from 'antd-mobile-icons';
import { FormError } from '../../components/FormError';
import { PasswordInput } from '../../components/PasswordInput';
import { SubPage } from '../../components/SubPage';
import { useCurrentUser } from '../../features/account/currentUser';
import { useI18n } from '../../i18n';
import { MY_DATA_JSON, MY_DATA_XLSX, useCloseMyAccount, useMyContact } from './queries';

interface CloseForm {
  currentPassword: string;
  confirm: string;
}

export function PrivacyPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [revealed, setRevealed] = useState(false);
  const contact = useMyContact(revealed);
  const [closing, setClosing] = useState(false);
  const close = useCloseMyAccount();
  const [form] = Form.useForm<CloseForm>();
  const full = revealed ? contact.data : undefined;

  const onClose = ({ currentPassword, confirm }: CloseForm) => {
    close.mutate(
      { currentPassword, confirm: confirm.trim() },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('privacy.closed') });
          void navigate('/login', { replace: true });
        },
      },
    );
  };

  return (
    <SubPage title={t('privacy.title')} backTo="/me">
      <p className="muted form-note" style={{ padding: '12px 16px 0', margin: 0 }}>
        {t('privacy.intro')}
      </p>
      <List header={t('privacy.mine')}>
        <List.Item extra={full?.phone ?? me.phoneMasked}>{t('privacy.phone')}</List.Item>
        <List.Item extra={(full ? full.realName : me.realNameMasked) ?? t('common.notSet')}>
          {t('privacy.realName')}
        </List.Item>
        <List.Item extra={(full ? full.idNumber : me.idNumberMasked) ?? t('common.notSet')}>
          {t('privacy.idNumber')}
        </List.Item>
        <List.Item>
          <Button
            size="small"
            fill="outline"
            loading={revealed && contact.isLoading}
            onClick={() => setRevealed(!revealed)}
          >
            {t(revealed ? 'privacy.hide' : 'privacy.reveal')}
          </Button>
        </List.Item>
      </List>

      <section className="card" aria-labelledby="privacy-held" style={{ margin: 12 }}>
        <h2 id="privacy-held" className="card__title">
          {t('privacy.held')}
        </h2>
        <p className="muted">{t('privacy.downloadNote')}</p>
        <a className="adm-button adm-button-primary adm-button-block adm-button-large" href={MY_DATA_XLSX} download>
          <DownlandOutline aria-hidden="true" /> {t('privacy.download')}
        </a>
        <p style={{ textAlign: 'center', marginBottom: 0 }}>
          <a href={MY_DATA_JSON} download="my-data.json">
            {t('privacy.downloadJson')}
          </a>
        </p>
      </section>

      <section className="card" aria-labelledby="privacy-close" style={{ margin: 12 }}>
        <h2 id="privacy-close" className="card__title">
          <ExclamationCircleOutline aria-hidden="true" /> {t('privacy.closeTitle')}
        </h2>
        <p>{t('privacy.closeErased')}</p>
        <p>{t('privacy.closeKept')}</p>
        <p>{t('privacy.closePoints')}</p>
        <p className="muted">{t('privacy.closeIrreversible')}</p>
        {!closing ? (
          <Button block color="danger" fill="outline" size="large" onClick={() => setClosing(true)}>
            {t('privacy.close')}
          </Button>
        ) : (
          <Form
            name="close-account"
            form={form}
            layout="vertical"
            requiredMarkStyle="none"
            onFinish={onClose}
            onValuesChange={() => close.error && close.reset()}
            footer={
              <>
                <FormError error={close.error} />
                <Button block type="submit" color="danger" size="large" loading={close.isPending}>
                  {t('privacy.closeSubmit')}
                </Button>
              </>
            }
          >
            <Form.Item
              name="currentPassword"
              label={t('privacy.password')}
              rules={[{ required: true, message: t('privacy.passwordRequired') }]}
            >
              <PasswordInput placeholder={t('privacy.password')} autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('privacy.confirmLabel')}
              rules={[
                {
                  validator: (_, v: string | undefined) =>
                    v?.trim() === t('privacy.confirmPhrase')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('privacy.confirmMismatch'))),
                },
              ]}
            >
              <Input placeholder={t('privacy.confirmPhrase')} autoComplete="off" />
            </Form.Item>
          </Form>
        )}
      </section>
    </SubPage>
  );
}
