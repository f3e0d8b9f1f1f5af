// 捐赠给社区基金 (/me/points/donate?district=…): points to my home community's public-welfare fund; a confirm
// dialog, then one donation with one idempotency key (kept for a retry after a network error).
import { Link, useNavigate } from 'react-router';
import { Button, Dialog, Form, Toast } from 'antd-mobile';
import { FormError } from '../../components/FormError';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useCurrentUser } from '../../features/account/currentUser';
import { useDistrictOf } from '../../features/org/queries';
import { PointsField } from '../../features/points/PointsField';
import { useDonatePoints } from '../../features/points/queries';
import type { MyPointsItem } from '../../features/points/types';
import { useChosenAccount } from '../../features/points/useChosenAccount';
import { useGiveFlow } from '../../features/points/useGiveFlow';
import { useI18n } from '../../i18n';

function DonateForm({
  account,
  communityId,
  communityName,
}: {
  account: MyPointsItem;
  communityId: string;
  communityName: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ points?: number }>();
  const flow = useGiveFlow(useDonatePoints());

  const onFinish = async (values: { points?: number }) => {
    const input = { communityId, points: values.points! };
    const ok = await Dialog.confirm({
      title: t('donate.confirmTitle'),
      content: t('donate.confirm', { n: input.points, community: communityName }),
      confirmText: t('donate.submit'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    const journal = await flow.run(input);
    if (journal) {
      Toast.show({ icon: 'success', content: t('donate.done', { n: input.points }) });
      void navigate(`/me/points?district=${encodeURIComponent(account.districtId)}`, { replace: true });
    }
  };

  return (
    <Form
      form={form}
      name="points-donate"
      layout="vertical"
      requiredMarkStyle="none"
      initialValues={{ points: Math.max(1, Math.min(10, account.balance)) }}
      onFinish={onFinish}
      onValuesChange={() => flow.error && flow.clearError()}
      footer={
        <>
          <FormError error={flow.error} />
          <Button block type="submit" color="primary" size="large" loading={flow.pending}>
            {t('donate.submit')}
          </Button>
        </>
      }
    >
      <Form.Header>{t('donate.intro', { community: communityName })}</Form.Header>
      <Form.Item label={t('donate.community')}>
        <span className="give-target">{t('donate.fund', { community: communityName })}</span>
      </Form.Item>
      <PointsField account={account} label={t('donate.points')} />
    </Form>
  );
}

export function DonatePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { points, account } = useChosenAccount();
  const homeDistrict = useDistrictOf(me.homeNodeId);
  let body;
  if (points.isPending) body = <Loading />;
  else if (points.isError) body = <LoadError error={points.error} onRetry={() => void points.refetch()} />;
  else if (!account) body = <Empty text={t('give.noAccount')} />;
  else if (!account.rules.allowDonations) body = <Empty text={t('donate.disabled')} />;
  else if (!me.homeNodeId || !me.homeNodeName)
    body = (
      <Empty text={t('donate.noCommunity')}>
        <Link className="inline-action" to="/me/profile">
          {t('home.setCommunity')}
        </Link>
      </Empty>
    );
  else if (homeDistrict && homeDistrict !== account.districtId)
    body = <Empty text={t('donate.otherDistrict', { district: account.districtName })} />;
  else body = <DonateForm account={account} communityId={me.homeNodeId} communityName={me.homeNodeName} />;
  return (
    <SubPage title={t('donate.title')} backTo="/me/points">
      {body}
    </SubPage>
  );
}
