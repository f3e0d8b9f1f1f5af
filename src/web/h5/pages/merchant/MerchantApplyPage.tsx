// 商户入驻申请 (/merchant/apply): a shop applies to join the merchant alliance (商企合伙人) — community, shop name,
// business licence number, address, category, what it offers, contact and phone, optionally the shop's position
// (for 附近商户). Review happens in the community, then filing at the street; once filed the applicant becomes
// the shop's staff and sees it on the merchant desk. The page shows my applications and their state.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Form, Input, Result, Tag, TextArea } from 'antd-mobile';
import { EnvironmentOutline } from 'antd-mobile-icons';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { ruleFrom } from '../../components/formRules';
import { SubPage } from '../../components/SubPage';
import { useCurrentUser } from '../../features/account/currentUser';
import { checkPhone } from '../../features/account/validation';
import { getPosition, type Position } from '../../features/activities/location';
import { readApplicationIds, rememberApplication } from '../../features/mall/applications';
import { MERCHANT_COLOR, MERCHANT_LABEL } from '../../features/mall/labels';
import { useApplyMerchant, useVisibleMerchants } from '../../features/mall/queries';
import type { ApplyMerchantInput, Merchant } from '../../features/mall/types';
import { useMerchantAccess } from '../../features/mall/useMerchantAccess';
import { CommunityPicker } from '../../features/org/CommunityPicker';
import { type MessageKey, useI18n } from '../../i18n';
import { formatDate } from '../../lib/time';

interface Values {
  communityId?: string;
  name?: string;
  licenceNo?: string;
  address?: string;
  category?: string;
  offerSummary?: string;
  contactName?: string;
  contactPhone?: string;
}

/** Categories offered as chips; the value sent is the Chinese name, as the community keeps its ledgers. */
const CATEGORIES: { value: string; label: MessageKey }[] = [
  { value: '理发美容', label: 'join.cat.beauty' },
  { value: '餐饮美食', label: 'join.cat.food' },
  { value: '生鲜果蔬', label: 'join.cat.fresh' },
  { value: '超市便利', label: 'join.cat.grocery' },
  { value: '家政维修', label: 'join.cat.repair' },
  { value: '洗车养车', label: 'join.cat.car' },
  { value: '教育培训', label: 'join.cat.education' },
  { value: '医疗健康', label: 'join.cat.health' },
  { value: '物业服务', label: 'join.cat.property' },
  { value: '其他', label: 'join.cat.other' },
];

const LICENCE = /^[0-9A-Z]{15,18}$/;

function ApplicationRow({ m }: { m: Merchant }) {
  const { t } = useI18n();
  const hint: Partial<Record<Merchant['status'], MessageKey>> = {
    applied: 'join.hint.applied',
    reviewed: 'join.hint.reviewed',
    filed: 'join.hint.filed',
    exited: 'join.hint.exited',
  };
  const key = hint[m.status];
  return (
    <li className="shop-row" data-testid="merchant-application">
      <div className="shop-row__top">
        <span className="shop-row__name">{m.name}</span>
        <Tag color={MERCHANT_COLOR[m.status]}>{t(MERCHANT_LABEL[m.status])}</Tag>
      </div>
      <p className="muted">
        {m.communityName} · {t('join.appliedOn', { date: formatDate(m.createdAt) })}
      </p>
      {m.status === 'rejected' && m.rejectReason && (
        <p className="form-error mt">{t('join.rejectReason', { reason: m.rejectReason })}</p>
      )}
      {key && <p className="muted">{t(key)}</p>}
    </li>
  );
}

function ApplyForm({ onDone }: { onDone: (m: Merchant) => void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const apply = useApplyMerchant();
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);

  const locate = async () => {
    setLocating(true);
    setLocationFailed(false);
    try {
      setPosition(await getPosition());
    } catch {
      setLocationFailed(true);
    } finally {
      setLocating(false);
    }
  };

  const onFinish = (v: Values) => {
    const input: ApplyMerchantInput = {
      communityId: v.communityId!,
      name: v.name!.trim(),
      licenceNo: v.licenceNo!.trim(),
      address: v.address!.trim(),
      category: v.category!,
      offerSummary: v.offerSummary!.trim(),
      contactName: v.contactName!.trim(),
      contactPhone: v.contactPhone!.trim(),
    };
    if (position) {
      input.lat = Math.round(position.lat * 1e6) / 1e6;
      input.lng = Math.round(position.lng * 1e6) / 1e6;
    }
    apply.mutate(input, {
      onSuccess: (m) => {
        rememberApplication(me.id, m.id);
        onDone(m);
      },
    });
  };

  return (
    <Form
      form={form}
      name="merchant-apply"
      layout="vertical"
      requiredMarkStyle="none"
      initialValues={{ communityId: me.homeNodeId ?? undefined }}
      onFinish={onFinish}
      onValuesChange={() => apply.error && apply.reset()}
      footer={
        <>
          <FormError error={apply.error} />
          <Button block type="submit" color="primary" size="large" loading={apply.isPending}>
            {t('join.submit')}
          </Button>
        </>
      }
    >
      <Form.Header>{t('join.formTitle')}</Form.Header>
      <Form.Item
        name="communityId"
        label={t('join.community')}
        rules={[{ required: true, message: t('err.communityRequired') }]}
      >
        <CommunityPicker fallbackLabel={me.homeNodeName} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('join.name')}
        rules={[
          { required: true, whitespace: true, message: t('join.err.name') },
          { max: 40, message: t('join.err.name') },
        ]}
      >
        <Input placeholder={t('join.ph.name')} maxLength={40} clearable />
      </Form.Item>
      <Form.Item
        name="licenceNo"
        label={t('join.licence')}
        description={t('join.licenceHint')}
        normalize={(v: string | undefined) => (v ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '')}
        rules={[
          { required: true, message: t('join.err.licence') },
          { pattern: LICENCE, message: t('join.err.licence') },
        ]}
      >
        <Input
          placeholder={t('join.ph.licence')}
          maxLength={18}
          autoComplete="off"
          autoCapitalize="characters"
          clearable
        />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('join.address')}
        rules={[
          { required: true, whitespace: true, message: t('join.err.address') },
          { max: 100, message: t('join.err.address') },
        ]}
      >
        <Input placeholder={t('join.ph.address')} maxLength={100} clearable />
      </Form.Item>
      <Form.Item label={t('join.location')} description={t('join.locationHint')}>
        <div className="stack">
          {position ? (
            <p className="ok-text" data-testid="apply-position">
              {t('join.located', { lat: position.lat.toFixed(5), lng: position.lng.toFixed(5) })}
            </p>
          ) : null}
          {locationFailed && (
            <p className="form-error" role="alert">
              {t('mall.locationFailed')}
            </p>
          )}
          <div className="two-buttons">
            <Button fill="outline" color="primary" loading={locating} onClick={() => void locate()}>
              <EnvironmentOutline aria-hidden="true" /> {position ? t('join.relocate') : t('join.useLocation')}
            </Button>
            {position && (
              <Button fill="outline" onClick={() => setPosition(null)}>
                {t('join.clearLocation')}
              </Button>
            )}
          </div>
        </div>
      </Form.Item>
      <Form.Item
        name="category"
        label={t('join.category')}
        rules={[{ required: true, message: t('join.err.category') }]}
      >
        <ChipSelect<string>
          label={t('join.category')}
          options={CATEGORIES.map((c) => ({ value: c.value, label: t(c.label) }))}
        />
      </Form.Item>
      <Form.Item
        name="offerSummary"
        label={t('join.offer')}
        rules={[{ required: true, whitespace: true, message: t('join.err.offer') }]}
      >
        <TextArea placeholder={t('join.ph.offer')} maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('join.contact')}
        rules={[
          { required: true, whitespace: true, message: t('join.err.contact') },
          { max: 20, message: t('join.err.contact') },
        ]}
      >
        <Input placeholder={t('join.ph.contact')} maxLength={20} autoComplete="name" clearable />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('join.phone')} rules={[ruleFrom(checkPhone, t)]}>
        <Input placeholder={t('ph.phone')} type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" clearable />
      </Form.Item>
    </Form>
  );
}

export function MerchantApplyPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const access = useMerchantAccess();
  const visible = useVisibleMerchants();
  const [submitted, setSubmitted] = useState<Merchant | null>(null);
  const [formOpen, setFormOpen] = useState(true);

  // Mine: filed from this device, staffed by me, or — for people without a staff role, who only see filed shops
  // and their own applications — any that is not filed yet.
  const stored = new Set(readApplicationIds(me.id));
  const listed = (visible.data ?? []).filter(
    (m) => stored.has(m.id) || m.isMine || (!access.isAdmin && m.status !== 'filed'),
  );
  const apps = submitted && !listed.some((m) => m.id === submitted.id) ? [submitted, ...listed] : listed;

  return (
    <SubPage title={t('join.title')} backTo="/merchant">
      <section className="card" aria-labelledby="apply-how">
        <h2 id="apply-how" className="card__title">
          {t('join.howTitle')}
        </h2>
        <ol className="steps">
          <li>{t('join.step1')}</li>
          <li>{t('join.step2')}</li>
          <li>{t('join.step3')}</li>
        </ol>
        <p className="muted">{t('join.howNote')}</p>
      </section>

      {submitted && (
        <section className="card" role="status" data-testid="apply-result">
          <Result
            status="waiting"
            title={t('join.submittedTitle')}
            description={t('join.submittedBody', { name: submitted.name, status: t(MERCHANT_LABEL[submitted.status]) })}
          />
        </section>
      )}

      {apps.length > 0 && (
        <section className="card" aria-labelledby="apply-mine">
          <h2 id="apply-mine" className="card__title">
            {t('join.mine')}
          </h2>
          <ul className="plain-list">
            {apps.map((m) => (
              <ApplicationRow key={m.id} m={m} />
            ))}
          </ul>
          {access.isCounterStaff && (
            <Button block color="primary" fill="outline" className="mt" onClick={() => navigate('/merchant')}>
              {t('desk.title')}
            </Button>
          )}
        </section>
      )}

      {formOpen ? (
        <ApplyForm
          onDone={(m) => {
            setSubmitted(m);
            setFormOpen(false);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <div className="page-actions">
          <Button block size="large" onClick={() => setFormOpen(true)}>
            {t('join.another')}
          </Button>
        </div>
      )}
    </SubPage>
  );
}
