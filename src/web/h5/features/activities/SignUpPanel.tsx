// The sign-up area of an activity page: 报名 / 报名候补 / 已报名 / 候补第 n 位 / 取消报名 (with the deadline),
// and 去签到 while it runs. Refusals (time clash, sign-up paused, missing skills…) are shown in a dialog; a resident
// refused a volunteer activity is offered 申请成为志愿者 instead of a dead end.
import { useNavigate } from 'react-router';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { showError } from '../../components/showError';
import { ApiError } from '../../../shared/api';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import { useCancelSignUp, useSignUp } from './queries';
import type { Activity } from './types';

/** Same window as the server: check-in opens 30 min before the start, attendance closes 2 h after the end. */
const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000;
const ATTENDANCE_CLOSES_AFTER_MS = 120 * 60_000;

export function SignUpPanel({ activity }: { activity: Activity }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const signUp = useSignUp(activity.id);
  const cancel = useCancelSignUp(activity.id);
  const a = activity;
  const mine = a.mySignup && a.mySignup.status !== 'cancelled' ? a.mySignup : null;
  const beforeStart = a.phase === 'open' || a.phase === 'closed';
  const canCancel = beforeStart && Date.now() < new Date(a.cancelDeadline).getTime();
  const deadline = formatDateTime(a.cancelDeadline, locale);
  const now = Date.now();
  const attendanceOpen =
    now >= new Date(a.startsAt).getTime() - CHECKIN_OPENS_BEFORE_MS &&
    now <= new Date(a.endsAt).getTime() + ATTENDANCE_CLOSES_AFTER_MS;

  if (a.phase === 'cancelled' || a.phase === 'draft') return null;
  // Afterwards the rating and the service record say what matters; only a no-show is worth repeating.
  if (a.phase === 'finished' && !attendanceOpen && mine?.status !== 'no_show') return null;

  const onSignUp = () =>
    signUp.mutate(undefined, {
      onSuccess: (answer) =>
        Toast.show({
          icon: 'success',
          content:
            answer.status === 'waitlisted'
              ? t('act.waitlistedOk', { n: answer.position ?? a.waitlistCount + 1 })
              : t('act.signedUpOk'),
        }),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'NOT_A_VOLUNTEER') {
          Dialog.show({
            title: t('common.failTitle'),
            content: t('act.volunteerOnly'),
            closeOnAction: true,
            actions: [
              { key: 'apply', text: t('act.becomeVolunteer'), bold: true, onClick: () => navigate('/volunteer/apply') },
              { key: 'cancel', text: t('common.cancel') },
            ],
          });
          return;
        }
        showError(error, t);
      },
    });

  const onCancel = async () => {
    const ok = await Dialog.confirm({
      content: (
        <div>
          <p>{t('act.cancelConfirm')}</p>
          <p className="muted">{t('act.cancelDeadlineNote', { time: deadline })}</p>
        </div>
      ),
      confirmText: t('act.cancelSignUp'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    cancel.mutate(undefined, {
      onSuccess: () => Toast.show({ content: t('act.cancelledOk') }),
      onError: (error) => showError(error, t),
    });
  };

  if (mine) {
    return (
      <section className="signup-panel" aria-label={t('act.signUp')}>
        <div className="signup-panel__state">
          {mine.status === 'confirmed' && (
            <Tag color="success" className="signup-panel__tag">
              {t('act.signedUp')}
            </Tag>
          )}
          {mine.status === 'waitlisted' && (
            <Tag color="warning" className="signup-panel__tag">
              {t('act.waitlistPos', { n: mine.position ?? '?' })}
            </Tag>
          )}
          {mine.status === 'no_show' && (
            <Tag color="danger" className="signup-panel__tag">
              {t('act.noShow')}
            </Tag>
          )}
          {beforeStart && mine.status !== 'no_show' && (
            <span className="muted">
              {canCancel ? t('act.cancelDeadlineNote', { time: deadline }) : t('act.cancelClosed', { time: deadline })}
            </span>
          )}
        </div>
        {attendanceOpen && mine.status === 'confirmed' && (
          <Button block color="primary" size="large" onClick={() => navigate(`/checkin?activity=${a.id}`)}>
            {t('signups.goCheckin')}
          </Button>
        )}
        {canCancel && mine.status !== 'no_show' && (
          <Button block color="danger" fill="outline" size="large" loading={cancel.isPending} onClick={onCancel}>
            {t('act.cancelSignUp')}
          </Button>
        )}
      </section>
    );
  }

  if (a.phase === 'open') {
    const full = a.confirmedCount >= a.slots;
    return (
      <section className="signup-panel" aria-label={t('act.signUp')}>
        <Button block color="primary" size="large" loading={signUp.isPending} onClick={onSignUp}>
          {full ? t('act.signUpWaitlist') : t('act.signUp')}
        </Button>
      </section>
    );
  }

  if (a.phase === 'closed' || a.phase === 'ongoing') {
    return (
      <section className="signup-panel" aria-label={t('act.signUp')}>
        <Button block size="large" disabled>
          {t('act.signupClosed')}
        </Button>
      </section>
    );
  }
  return null;
}
