// 我的报名 (/me/signups): my sign-ups with status tags and check-in/out times; today's ones link to 签到;
// finished activities say 已结束.
import { Link, useNavigate } from 'react-router';
import { Button, InfiniteScroll, Tag } from 'antd-mobile';
import { Empty, LoadError, Loading } from '../components/QueryStates';
import { SubPage } from '../components/SubPage';
import { SIGNUP_COLOR, SIGNUP_LABEL } from '../features/activities/labels';
import { useMySignUps } from '../features/activities/queries';
import type { MySignup } from '../features/activities/types';
import { useI18n } from '../i18n';
import { formatRange, formatTime, isChinaToday } from '../lib/time';

function SignupItem({ s }: { s: MySignup }) {
  const { t, locale } = useI18n();
  const activityCancelled = s.activityStatus === 'cancelled';
  const finished = s.activityPhase === 'finished';
  // Check-in and check-out close 2 hours after the end (the server's window).
  const attendanceOver = Date.now() > new Date(s.endsAt).getTime() + 2 * 3600_000;
  const canCheck =
    !activityCancelled &&
    !attendanceOver &&
    s.status === 'confirmed' &&
    !s.checkOutAt &&
    (isChinaToday(s.startsAt) || isChinaToday(s.endsAt));
  return (
    <li className="signup-item">
      <Link to={`/activities/${s.activityId}`} className="signup-item__title">
        {s.title}
      </Link>
      <p className="signup-item__line">{formatRange(s.startsAt, s.endsAt, locale)}</p>
      <p className="signup-item__line muted">{s.address}</p>
      <div className="signup-item__tags">
        {activityCancelled ? (
          <Tag color="danger">{t('signups.activityCancelled')}</Tag>
        ) : (
          <Tag color={SIGNUP_COLOR[s.status]}>{t(SIGNUP_LABEL[s.status])}</Tag>
        )}
        {finished && <Tag color="default">{t('signups.finished')}</Tag>}
        {s.audience === 'resident' && (
          <Tag color="primary" fill="outline">
            {t('act.residentEvent')}
          </Tag>
        )}
        {s.checkInAt ? (
          <Tag color="success" fill="outline">
            {t('signups.checkIn', { time: formatTime(s.checkInAt) })}
          </Tag>
        ) : (
          s.status === 'confirmed' &&
          !activityCancelled &&
          !finished && (
            <Tag color="default" fill="outline">
              {t('signups.notCheckedIn')}
            </Tag>
          )
        )}
        {s.checkOutAt && (
          <Tag color="success" fill="outline">
            {t('signups.checkOut', { time: formatTime(s.checkOutAt) })}
          </Tag>
        )}
        {canCheck && (
          <Link className="inline-action" to={`/checkin?activity=${s.activityId}`}>
            {t('signups.goCheckin')}
          </Link>
        )}
      </div>
    </li>
  );
}

export function MySignupsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useMySignUps();

  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const items = query.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <Empty text={t('signups.empty')}>
          <Button color="primary" onClick={() => navigate('/activities')}>
            {t('signups.browse')}
          </Button>
        </Empty>
      ) : (
        <>
          <ul className="plain-list signup-list">
            {items.map((s) => (
              <SignupItem key={s.id} s={s} />
            ))}
          </ul>
          <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
        </>
      );
  }
  return (
    <SubPage title={t('signups.title')} backTo="/me">
      {body}
    </SubPage>
  );
}
