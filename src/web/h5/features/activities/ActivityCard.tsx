// One activity in a list: title, phase, China time, place, team, places left / waitlist, my sign-up.
import { Link } from 'react-router';
import { Tag } from 'antd-mobile';
import { ClockCircleOutline, EnvironmentOutline, TeamOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { formatRange } from '../../lib/time';
import { PHASE_COLOR, PHASE_LABEL, SIGNUP_COLOR, SIGNUP_LABEL } from './labels';
import type { Activity } from './types';

export function ActivityCard({ activity, to }: { activity: Activity; to?: string }) {
  const { t, locale } = useI18n();
  const a = activity;
  const full = a.confirmedCount >= a.slots;
  const mine = a.mySignup && a.mySignup.status !== 'cancelled' ? a.mySignup : null;
  return (
    <Link className="act-card" to={to ?? `/activities/${a.id}`} aria-label={a.title}>
      <div className="act-card__top">
        <h3 className="act-card__title">{a.title}</h3>
        <Tag color={PHASE_COLOR[a.phase]} fill="outline" className="act-card__phase">
          {t(PHASE_LABEL[a.phase])}
        </Tag>
      </div>
      <p className="act-card__line">
        <ClockCircleOutline aria-hidden="true" />
        <span>{formatRange(a.startsAt, a.endsAt, locale)}</span>
      </p>
      <p className="act-card__line">
        <EnvironmentOutline aria-hidden="true" />
        <span>{a.address}</span>
      </p>
      {a.teamName && (
        <p className="act-card__line">
          <TeamOutline aria-hidden="true" />
          <span>{a.teamName}</span>
        </p>
      )}
      <div className="act-card__bottom">
        <span className={`act-card__places${full ? ' act-card__places--full' : ''}`}>
          {t('act.places', { n: a.confirmedCount, slots: a.slots })}
          {a.waitlistCount > 0 && ` · ${t('act.waitlist', { n: a.waitlistCount })}`}
        </span>
        <span className="act-card__tags">
          {a.audience === 'resident' && <Tag color="primary">{t('act.residentEvent')}</Tag>}
          <Tag color="default" fill="outline">
            {a.category}
          </Tag>
          {mine && (
            <Tag color={SIGNUP_COLOR[mine.status]}>
              {mine.status === 'waitlisted' && mine.position
                ? t('act.waitlistPos', { n: mine.position })
                : t(SIGNUP_LABEL[mine.status])}
            </Tag>
          )}
        </span>
      </div>
    </Link>
  );
}
