// 申请调解 (/mediation/new): what the dispute is about (big buttons), what happened, who the other side is (a name,
// their phone if known: a neighbour with an account sees the case too) and how the mediator reaches me.
import { Link, useNavigate } from 'react-router';
import { Button, Form, Input, TextArea, Toast } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { Empty } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useCurrentUser } from '../../features/account/currentUser';
import { DISPUTE_TYPES, TYPE_LABEL } from '../../features/mediation/labels';
import { useOpenMediationCase } from '../../features/mediation/queries';
import type { DisputeType } from '../../../shared/api-types';
import { useI18n } from '../../i18n';

interface Values {
  type?: DisputeType;
  description?: string;
  otherName?: string;
  otherPhone?: string;
  myPhone?: string;
}

const PHONE = /^1[3-9]\d{9}$/;

export function NewMediationPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const open = useOpenMediationCase();
  const [form] = Form.useForm<Values>();

  if (!me.homeNodeId) {
    return (
      <SubPage title={t('med.new.title')} backTo="/mediation">
        <Empty text={t('med.new.noHome')}>
          <Link to="/me/profile">{t('med.new.setHome')}</Link>
        </Empty>
      </SubPage>
    );
  }

  const phoneRule = {
    validator: (_: unknown, v?: string) =>
      !v || PHONE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('med.new.phoneFormat'))),
  };

  const onFinish = async (v: Values) => {
    const c = await open
      .mutateAsync({
        type: v.type!,
        description: v.description!.trim(),
        otherParties: [{ name: v.otherName!.trim(), phone: v.otherPhone?.trim() || undefined }],
        myPhone: v.myPhone?.trim() || undefined,
      })
      .catch(() => null);
    if (c) {
      Toast.show({ icon: 'success', content: t('med.new.done') });
      void navigate(`/mediation/${c.id}`, { replace: true });
    }
  };

  return (
    <SubPage title={t('med.new.title')} backTo="/mediation">
      <Form
        form={form}
        name="mediation-new"
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={(v: Values) => void onFinish(v)}
        onValuesChange={() => {
          if (open.error) open.reset();
        }}
        footer={
          <>
            <FormError error={open.error} />
            <Button block type="submit" color="primary" size="large" loading={open.isPending}>
              {t('med.new.submit')}
            </Button>
          </>
        }
      >
        <Form.Header>{t('med.new.intro')}</Form.Header>
        <Form.Item
          name="type"
          label={t('med.new.type')}
          rules={[{ required: true, message: t('med.new.typeRequired') }]}
        >
          <ChipSelect<DisputeType>
            label={t('med.new.type')}
            options={DISPUTE_TYPES.map((d) => ({ value: d, label: t(TYPE_LABEL[d]) }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('med.new.description')}
          rules={[{ required: true, whitespace: true, message: t('med.new.descriptionRequired') }]}
        >
          <TextArea placeholder={t('med.new.descriptionPh')} rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="otherName"
          label={t('med.new.otherName')}
          rules={[{ required: true, whitespace: true, message: t('med.new.otherNameRequired') }]}
        >
          <Input placeholder={t('med.new.otherNamePh')} maxLength={30} clearable />
        </Form.Item>
        <Form.Item name="otherPhone" label={t('med.new.otherPhone')} rules={[phoneRule]}>
          <Input placeholder={t('med.new.otherPhonePh')} type="tel" inputMode="numeric" maxLength={11} clearable />
        </Form.Item>
        <Form.Item name="myPhone" label={t('med.new.myPhone')} rules={[phoneRule]}>
          <Input placeholder={t('med.new.myPhonePh')} type="tel" inputMode="numeric" maxLength={11} clearable />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
