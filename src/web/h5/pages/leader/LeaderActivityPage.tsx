// 活动管理 (/leader/activities/:id): 签到码 (rotating QR + 6 digits, full screen), 名单 (check-ins, 到场/缺席)
// and 确认时长 (confirm or return pending records); publish a draft or cancel the activity.
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Space, Tabs, Tag, Toast } from 'antd-mobile';
import { askReason } from '../../components/askReason';
import { LoadError, Loading } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { SubPage } from '../../components/SubPage';
import { PHASE_COLOR, PHASE_LABEL } from '../../features/activities/labels';
import { useActivity, useCancelActivity, usePublishActivity } from '../../features/activities/queries';
import type { Activity } from '../../features/activities/types';
import { AttendanceCodePanel } from '../../features/leader/AttendanceCodePanel';
import { ConfirmRecordsPanel } from '../../features/leader/ConfirmRecordsPanel';
import { RosterPanel } from '../../features/leader/RosterPanel';
import { useI18n } from '../../i18n';
import { formatRange } from '../../lib/time';

type Tab = 'code' | 'roster' | 'confirm';

function Header({ a }: { a: Activity }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const publish = usePublishActivity(a.id);
  const cancel = useCancelActivity(a.id);
  const onCancel = async () => {
    const reason = await askReason({ title: t('leader.cancelActivity'), placeholder: t('leader.cancelReason'), t });
    if (reason === null) return;
    cancel.mutate(reason, {
      onSuccess: () => Toast.show({ content: t('leader.cancelledOk') }),
      onError: (e) => showError(e, t),
    });
  };
  const canCancel = a.status !== 'cancelled' && (a.phase === 'draft' || a.phase === 'open' || a.phase === 'closed');
  return (
    <header className="card detail__head">
      <Space wrap>
        <Tag color={PHASE_COLOR[a.phase]} fill="outline">
          {t(PHASE_LABEL[a.phase])}
        </Tag>
        <span className="muted">{t('act.places', { n: a.confirmedCount, slots: a.slots })}</span>
      </Space>
      <h2 className="detail__title">{a.title}</h2>
      <p className="detail__time">{formatRange(a.startsAt, a.endsAt, locale)}</p>
      <p className="muted">{a.address}</p>
      <div className="two-buttons">
        {a.status === 'draft' && (
          <Button
            color="primary"
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(undefined, {
                onSuccess: () => Toast.show({ icon: 'success', content: t('leader.publishedOk') }),
                onError: (e) => showError(e, t),
              })
            }
          >
            {t('leader.publish')}
          </Button>
        )}
        <Button onClick={() => navigate(`/activities/${a.id}`)}>{t('act.detail')}</Button>
        {canCancel && (
          <Button color="danger" fill="outline" loading={cancel.isPending} onClick={() => void onCancel()}>
            {t('leader.cancelActivity')}
          </Button>
        )}
      </div>
    </header>
  );
}

export function LeaderActivityPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = useActivity(id);
  const tab = (params.get('tab') as Tab | null) ?? 'code';

  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const a = query.data;
    const live = a.status === 'published';
    body = (
      <>
        <Header a={a} />
        <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })} className="leader-tabs">
          <Tabs.Tab title={t('leader.tabCode')} key="code">
            {live ? <AttendanceCodePanel activity={a} /> : <p className="muted pad">{t(PHASE_LABEL[a.phase])}</p>}
          </Tabs.Tab>
          <Tabs.Tab title={t('leader.tabRoster')} key="roster">
            <RosterPanel activity={a} />
          </Tabs.Tab>
          <Tabs.Tab title={t('leader.tabConfirm')} key="confirm">
            <ConfirmRecordsPanel activityId={a.id} />
          </Tabs.Tab>
        </Tabs>
      </>
    );
  }
  return (
    <SubPage title={t('leader.title')} backTo="/leader">
      {body}
    </SubPage>
  );
}
