// 任务邀请 (/tasks): invitations waiting for an answer (what, roughly where, when, why you; big 接受 / 婉拒), the tasks
// I took (开始服务 / 服务完成), and what I answered before. One tap to accept a 15-minute micro-service.
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { InfoList } from '../../components/InfoList';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { SubPage } from '../../components/SubPage';
import { useMyInvitations, useRespondInvitation, useTaskStep } from '../../features/needs/invitationQueries';
import type { MyInvitation } from '../../../shared/api-types';
import { type MessageKey, useI18n } from '../../i18n';
import { formatDateTime, formatRange } from '../../lib/time';

const STATUS_LABEL: Record<MyInvitation['status'], MessageKey> = {
  pending: 'tasks.status.pending',
  accepted: 'tasks.status.accepted',
  declined: 'tasks.status.declined',
  full: 'tasks.status.full',
  withdrawn: 'tasks.status.withdrawn',
};

function InvitationCard({ inv }: { inv: MyInvitation }) {
  const { t, locale } = useI18n();
  const respond = useRespondInvitation();
  const step = useTaskStep();
  const when =
    inv.windowStart && inv.windowEnd
      ? formatRange(inv.windowStart, inv.windowEnd, locale)
      : inv.windowStart
        ? formatDateTime(inv.windowStart, locale)
        : t('tasks.anytime');
  const answer = async (accept: boolean) => {
    if (!accept) {
      const ok = await Dialog.confirm({
        content: t('tasks.declineConfirm'),
        confirmText: t('tasks.decline'),
        cancelText: t('common.cancel'),
      });
      if (!ok) return;
    }
    try {
      const res = await respond.mutateAsync({ id: inv.id, accept });
      if (accept && !res.gotTask) await Dialog.alert({ content: res.message, confirmText: t('common.gotIt') });
      else Toast.show({ icon: res.gotTask ? 'success' : undefined, content: res.message });
    } catch (e) {
      showError(e, t);
    }
  };
  const doStep = async (which: 'start' | 'finish') => {
    try {
      await step.mutateAsync({ id: inv.id, step: which });
    } catch (e) {
      showError(e, t);
    }
  };
  return (
    <section className="card task-card" aria-label={inv.title}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        {inv.quick && (
          <Tag color="success" style={{ fontSize: '0.95em', padding: '3px 8px' }}>
            {t('tasks.quick')}
          </Tag>
        )}
        {inv.urgency !== 'normal' && (
          <Tag color="danger" style={{ fontSize: '0.95em', padding: '3px 8px' }}>
            {t(inv.urgency === 'critical' ? 'tasks.critical' : 'tasks.urgent')}
          </Tag>
        )}
        {inv.status !== 'pending' && (
          <Tag color={inv.status === 'accepted' ? 'primary' : 'default'} style={{ fontSize: '0.95em' }}>
            {t(STATUS_LABEL[inv.status])}
          </Tag>
        )}
      </div>
      <h2 className="card__title" style={{ margin: '8px 0 4px' }}>
        {inv.title}
      </h2>
      <p style={{ margin: '0 0 8px', fontSize: '1.05em' }}>{inv.description}</p>
      <InfoList
        rows={[
          { label: t('tasks.when'), value: when },
          { label: t('tasks.community'), value: `${inv.communityName} · ${inv.categoryName}` },
          { label: t('tasks.where'), value: inv.place ?? t('tasks.whereLater') },
          { label: t('tasks.why'), value: inv.because, hidden: !inv.because },
        ]}
      />
      <p style={{ color: 'var(--adm-color-weak)', margin: '6px 0' }}>
        {t('tasks.people', { n: inv.peopleNeeded, m: inv.acceptedCount })}
      </p>
      {inv.canAnswer && (
        <div style={{ display: 'flex', gap: 12 }}>
          <Button
            color="primary"
            size="large"
            style={{ flex: 2, minHeight: 56, fontSize: '1.2em' }}
            loading={respond.isPending}
            onClick={() => void answer(true)}
          >
            {t('tasks.accept')}
          </Button>
          <Button
            size="large"
            style={{ flex: 1, minHeight: 56, fontSize: '1.1em' }}
            disabled={respond.isPending}
            onClick={() => void answer(false)}
          >
            {t('tasks.decline')}
          </Button>
        </div>
      )}
      {inv.startedAt && <p>{t('tasks.started', { time: formatDateTime(inv.startedAt, locale) })}</p>}
      {inv.finishedAt && inv.minutes === null && (
        <p>{t('tasks.finished', { time: formatDateTime(inv.finishedAt, locale) })}</p>
      )}
      {inv.minutes !== null && <p>{t('tasks.credited', { minutes: inv.minutes })}</p>}
      {inv.canStart && (
        <Button
          block
          color="primary"
          size="large"
          style={{ minHeight: 56, fontSize: '1.2em' }}
          loading={step.isPending}
          onClick={() => void doStep('start')}
        >
          {t('tasks.start')}
        </Button>
      )}
      {inv.canFinish && (
        <Button
          block
          color="success"
          size="large"
          style={{ minHeight: 56, fontSize: '1.2em' }}
          loading={step.isPending}
          onClick={() => void doStep('finish')}
        >
          {t('tasks.finish')}
        </Button>
      )}
    </section>
  );
}

function Group({ title, items }: { title: string; items: MyInvitation[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h2 className="section-title" style={{ margin: '16px 4px 8px', fontSize: '1.15em' }}>
        {title}
      </h2>
      {items.map((i) => (
        <InvitationCard key={i.id} inv={i} />
      ))}
    </>
  );
}

export function TaskInboxPage() {
  const { t } = useI18n();
  const query = useMyInvitations();
  if (query.isPending)
    return (
      <SubPage title={t('tasks.title')} backTo="/">
        <Loading />
      </SubPage>
    );
  if (query.isError)
    return (
      <SubPage title={t('tasks.title')} backTo="/">
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </SubPage>
    );
  const items = query.data.items;
  // Invitations of a need that was closed or withdrawn meanwhile can no longer be answered: they go with the past.
  const pending = items.filter((i) => i.canAnswer);
  const mine = items.filter((i) => i.status === 'accepted' && (i.canStart || i.canFinish || i.minutes === null));
  const rest = items.filter((i) => !pending.includes(i) && !mine.includes(i));
  return (
    <SubPage title={t('tasks.title')} backTo="/">
      {items.length === 0 ? (
        <Empty text={t('tasks.empty')} />
      ) : (
        <>
          <Group title={t('tasks.pending')} items={pending} />
          <Group title={t('tasks.mine')} items={mine} />
          <Group title={t('tasks.past')} items={rest} />
        </>
      )}
    </SubPage>
  );
}
