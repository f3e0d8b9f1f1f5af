// 名单: who signed up, their check-in/out, (after the start) 到场 / 缺席 marks by the leader, and (after the end)
// 结束登记, which checks out whoever is still checked in at the end.
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { LoadError, Loading, Empty } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { useI18n } from '../../i18n';
import { formatDateTime, formatTime } from '../../lib/time';
import { SIGNUP_COLOR, SIGNUP_LABEL } from '../activities/labels';
import { useCloseActivity, useMarkAttendance, useRoster } from '../activities/queries';
import { isAttendanceMethod, type Activity, type AttendanceMark, type RosterEntry } from '../activities/types';

function RosterRow({
  e,
  canMark,
  onMark,
  busy,
}: {
  e: RosterEntry;
  canMark: boolean;
  onMark: (present: boolean) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <li className="roster-row">
      <div className="roster-row__who">
        <span className="roster-row__name">{e.displayName}</span>
        <span className="muted">
          {e.volunteerNo ?? ''} {e.phoneMasked}
        </span>
      </div>
      <div className="roster-row__state">
        <Tag color={SIGNUP_COLOR[e.status]}>{t(SIGNUP_LABEL[e.status])}</Tag>
        {e.checkInAt ? (
          <Tag color="success" fill="outline">
            {t('signups.checkIn', { time: formatTime(e.checkInAt) })}
          </Tag>
        ) : (
          e.status === 'confirmed' && <Tag fill="outline">{t('roster.notYet')}</Tag>
        )}
        {e.checkOutAt && (
          <Tag color="success" fill="outline">
            {t('signups.checkOut', { time: formatTime(e.checkOutAt) })}
          </Tag>
        )}
        {isAttendanceMethod(e.method) && <span className="muted">{t(`roster.method.${e.method}`)}</span>}
      </div>
      {canMark && (e.status === 'confirmed' || e.status === 'no_show') && (
        <div className="roster-row__actions">
          <Button
            size="small"
            color="primary"
            fill={e.checkOutAt ? 'outline' : 'solid'}
            disabled={busy}
            onClick={() => onMark(true)}
            aria-label={`${t('roster.present')} ${e.displayName}`}
          >
            {t('roster.present')}
          </Button>
          <Button
            size="small"
            color="danger"
            fill="outline"
            disabled={busy || e.status === 'no_show'}
            onClick={() => onMark(false)}
            aria-label={`${t('roster.absent')} ${e.displayName}`}
          >
            {t('roster.absent')}
          </Button>
        </div>
      )}
    </li>
  );
}

export function RosterPanel({ activity }: { activity: Activity }) {
  const { t, locale } = useI18n();
  const roster = useRoster(activity.id);
  const mark = useMarkAttendance(activity.id);
  const close = useCloseActivity(activity.id);
  const started = activity.status === 'published' && Date.now() >= new Date(activity.startsAt).getTime();
  const ended = activity.status === 'published' && Date.now() >= new Date(activity.endsAt).getTime();

  if (roster.isPending) return <Loading />;
  if (roster.isError) return <LoadError error={roster.error} onRetry={() => void roster.refetch()} />;
  const items = roster.data.filter((e) => e.status !== 'cancelled');
  if (items.length === 0) return <Empty text={t('roster.empty')} />;

  const send = (entries: AttendanceMark[]) =>
    mark.mutate(entries, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('roster.markedOk') }),
      onError: (error) => showError(error, t),
    });
  const notCheckedIn = items.filter((e) => e.status === 'confirmed' && !e.checkInAt);
  const checkedIn = items.filter((e) => e.checkInAt).length;

  const onMarkAbsent = async (e: RosterEntry) => {
    const ok = await Dialog.confirm({
      content: `${t('roster.absent')}：${e.displayName}`,
      confirmText: t('common.confirm'),
      cancelText: t('common.cancel'),
    });
    if (ok) send([{ userId: e.userId, present: false }]);
  };

  const onClose = async () => {
    const ok = await Dialog.confirm({
      content: t('leader.closeConfirm'),
      confirmText: t('leader.closeActivity'),
      cancelText: t('common.cancel'),
    });
    if (ok)
      close.mutate(undefined, {
        onSuccess: () => Toast.show({ icon: 'success', content: t('roster.markedOk') }),
        onError: (error) => showError(error, t),
      });
  };

  return (
    <section className="card">
      {activity.closedAt && (
        <p className="muted">{t('leader.closedAt', { time: formatDateTime(activity.closedAt, locale) })}</p>
      )}
      {ended && !activity.closedAt && (
        <Button block fill="outline" className="mt" loading={close.isPending} onClick={() => void onClose()}>
          {t('leader.closeActivity')}
        </Button>
      )}
      <p className="muted">
        {t('roster.count', {
          n: items.filter((e) => e.status === 'confirmed' || e.status === 'no_show').length,
          m: checkedIn,
        })}
      </p>
      {!started && <p className="muted">{t('roster.afterStart')}</p>}
      {started && notCheckedIn.length > 0 && (
        <Button
          block
          fill="outline"
          color="primary"
          className="mt"
          loading={mark.isPending}
          onClick={() => send(notCheckedIn.map((e) => ({ userId: e.userId, present: true })))}
        >
          {t('roster.allPresent')}
        </Button>
      )}
      <ul className="plain-list">
        {items.map((e) => (
          <RosterRow
            key={e.signupId}
            e={e}
            canMark={started}
            busy={mark.isPending}
            onMark={(present) => (present ? send([{ userId: e.userId, present: true }]) : void onMarkAbsent(e))}
          />
        ))}
      </ul>
    </section>
  );
}
