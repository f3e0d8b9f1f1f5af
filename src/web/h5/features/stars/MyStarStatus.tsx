// My star level on the volunteer card: the level held (no grey stars when none), a level in publicity (公示) or
// under objection, a falsified-hours block, and how many hours to the next level; a link to the public list.
import { Link } from 'react-router';
import type { StarLevels } from '../../../shared/api-types';
import { useI18n } from '../../i18n';

type Item = StarLevels['items'][number];

/** The held level as ★★ (nothing grey), or 暂无星级. */
export function HeldStars({ level }: { level: number }) {
  const { t } = useI18n();
  if (level <= 0) return <span className="muted">{t('stars.none')}</span>;
  return (
    <span className="stars" role="img" aria-label={t('stars.held') + ' ' + String(level)}>
      <span className="stars__on">{'★'.repeat(level)}</span>
    </span>
  );
}

export function MyStarStatus({ item }: { item: Item }) {
  const { t } = useI18n();
  const next = item.thresholdsHours[item.effectiveLevel];
  const hoursLeft = next === undefined ? null : Math.max(0, Math.ceil(next - item.acceptedMinutes / 60));
  return (
    <div className="muted" data-testid="my-star-status">
      {item.current?.status === 'in_publicity' && (
        <p>{t('stars.inPublicity', { level: item.current.level, until: item.current.publicityUntil })}</p>
      )}
      {item.current?.status === 'objected' && <p>{t('stars.objectedMine', { level: item.current.level })}</p>}
      {item.blockedUntil && <p>{t('stars.blocked', { until: item.blockedUntil.slice(0, 10) })}</p>}
      {!item.current && !item.blockedUntil && hoursLeft !== null && hoursLeft > 0 && (
        <p>{t('stars.next', { hours: hoursLeft, level: item.effectiveLevel + 1 })}</p>
      )}
      <p>
        <Link to="/stars/publicity">{t('stars.seePublicity')}</Link>
      </p>
    </div>
  );
}
