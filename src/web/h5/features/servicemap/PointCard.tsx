// A service point's card: name, kind, open now or not, the week's hours (today marked), address, the business
// phone as a big tap-to-call button, and what it offers.
import { Button } from 'antd-mobile';
import type { NearbyServicePoint } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import {
  CATEGORY_LABEL,
  CATEGORY_STYLE,
  chinaWeekday,
  dayText,
  distanceText,
  WEEKDAY_LABEL,
  WEEKDAYS,
} from './categories';

export function PointCard({ point: p, onClose }: { point: NearbyServicePoint; onClose: () => void }) {
  const { t, locale } = useI18n();
  const today = chinaWeekday();
  const sep = locale === 'en' ? ', ' : '、';
  const hasHours = WEEKDAYS.some((d) => p.hours[d].length > 0);
  return (
    <section id="smap-card" className="card smap-card" aria-labelledby="smap-card-title" data-testid="map-card">
      <div className="smap-card__head">
        <span className="smap-row__icon" style={{ background: CATEGORY_STYLE[p.category].colour }} aria-hidden="true">
          {CATEGORY_STYLE[p.category].glyph}
        </span>
        <div className="smap-card__titles">
          <h2 id="smap-card-title" className="smap-card__name">
            {p.name}
          </h2>
          <p className="smap-card__meta">
            {t(CATEGORY_LABEL[p.category])} · {distanceText(t, p.distanceMetres, p.walkingMinutes)}
          </p>
        </div>
        <span className={`smap-open${p.openNow ? ' smap-open--yes' : ''}`} data-testid="map-card-open">
          {p.openNow === null ? t('map.unknownHours') : p.openNow ? t('map.open') : t('map.closed')}
        </span>
      </div>
      <dl className="smap-card__facts">
        <dt>{t('map.address')}</dt>
        <dd>{p.address}</dd>
        {hasHours && (
          <>
            <dt>{t('map.hours')}</dt>
            <dd>
              <ul className="smap-hours">
                {WEEKDAYS.map((d) => (
                  <li key={d} className={d === today ? 'smap-hours__today' : undefined}>
                    <span>{t(WEEKDAY_LABEL[d])}</span>
                    <span>{dayText(t, p.hours[d], sep)}</span>
                  </li>
                ))}
              </ul>
              {p.hoursNote && <p className="smap-card__note">{p.hoursNote}</p>}
            </dd>
          </>
        )}
      </dl>
      {p.description && <p className="smap-card__desc">{p.description}</p>}
      <div className="smap-card__actions">
        {p.contactPhone && (
          <a className="smap-call" href={`tel:${p.contactPhone.replace(/[^0-9+]/g, '')}`} data-testid="map-call">
            {t('map.call', { phone: p.contactPhone })}
          </a>
        )}
        <Button block size="large" onClick={onClose}>
          {t('map.close')}
        </Button>
      </div>
    </section>
  );
}
