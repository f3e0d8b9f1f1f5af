// 转赠亲属 (/me/points/gift?district=…): mobile number of a direct relative, the relation, the points; a confirm
// dialog, then one gift with one idempotency key (kept for a retry after a network error).
import { useNavigate } from 'react-router';
import { Button, Dialog, Form, Input, Toast } from 'antd-mobile';
import { ApiError } from '../../../shared/api';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { ruleFrom } from '../../components/formRules';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { checkPhone } from '../../features/account/validation';
import { RELATION_LABEL } from '../../features/points/labels';
import { PointsField } from '../../features/points/PointsField';
import { useGiftPoints } from '../../features/points/queries';
import { RELATIONS, type MyPointsItem, type Relation } from '../../features/points/types';
import { useChosenAccount } from '../../features/points/useChosenAccount';
import { useGiveFlow } from '../../features/points/useGiveFlow';
import { useI18n } from '../../i18n';

interface GiftValues {
  toPhone?: string;
  relation?: Relation;
  points?: number;
}

function GiftForm({ account }: { account: MyPointsItem }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<GiftValues>();
  const flow = useGiveFlow(useGiftPoints());
  // An unknown number answers 404 "人员不存在"; say what it means here.
  const error =
    flow.error instanceof ApiError && flow.error.status === 404
      ? new ApiError(404, flow.error.code, t('gift.unknownPhone'))
      : flow.error;

  const onFinish = async (values: GiftValues) => {
    const input = {
      districtId: account.districtId,
      toPhone: values.toPhone!.trim(),
      relation: values.relation!,
      points: values.points!,
    };
    const ok = await Dialog.confirm({
      title: t('gift.confirmTitle'),
      content: t('gift.confirm', {
        n: input.points,
        relation: t(RELATION_LABEL[input.relation]),
        phone: input.toPhone,
      }),
      confirmText: t('gift.submit'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    const journal = await flow.run(input);
    if (journal) {
      Toast.show({ icon: 'success', content: t('gift.done', { n: input.points }) });
      void navigate(`/me/points?district=${encodeURIComponent(account.districtId)}`, { replace: true });
    }
  };

  return (
    <Form
      form={form}
      name="points-gift"
      layout="vertical"
      requiredMarkStyle="none"
      initialValues={{ points: Math.max(1, Math.min(10, account.balance)) }}
      onFinish={onFinish}
      onValuesChange={() => flow.error && flow.clearError()}
      footer={
        <>
          <FormError error={error} />
          <Button block type="submit" color="primary" size="large" loading={flow.pending}>
            {t('gift.submit')}
          </Button>
        </>
      }
    >
      <Form.Header>{t('gift.intro')}</Form.Header>
      <Form.Item name="toPhone" label={t('gift.phone')} rules={[ruleFrom(checkPhone, t)]}>
        <Input
          placeholder={t('gift.ph.phone')}
          type="tel"
          inputMode="numeric"
          maxLength={11}
          autoComplete="off"
          clearable
        />
      </Form.Item>
      <Form.Item
        name="relation"
        label={t('gift.relation')}
        rules={[{ required: true, message: t('gift.relationRequired') }]}
      >
        <ChipSelect<Relation>
          label={t('gift.relation')}
          options={RELATIONS.map((r) => ({ value: r, label: t(RELATION_LABEL[r]) }))}
        />
      </Form.Item>
      <PointsField account={account} label={t('gift.points')} />
    </Form>
  );
}

export function GiftPage() {
  const { t } = useI18n();
  const { points, account } = useChosenAccount();
  let body;
  if (points.isPending) body = <Loading />;
  else if (points.isError) body = <LoadError error={points.error} onRetry={() => void points.refetch()} />;
  else if (!account) body = <Empty text={t('give.noAccount')} />;
  else if (!account.rules.allowGifts) body = <Empty text={t('gift.disabled')} />;
  else body = <GiftForm account={account} />;
  return (
    <SubPage title={t('gift.title')} backTo="/me/points">
      {body}
    </SubPage>
  );
}
