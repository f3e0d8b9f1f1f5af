// 我的时长 (/me/hours): accepted and pending hours, star level and the way to the next one, my service records,
// and the PDF certificate (志愿服务记录证明) — a plain link so the session cookie goes along.
import { useNavigate } from 'react-router';
import { Button, InfiniteScroll, ProgressBar } from 'antd-mobile';
import { DownlandOutline } from 'antd-mobile-icons';
import { Empty, LoadError, Loading } from '../components/QueryStates';
import { Stars } from '../components/Stars';
import { SubPage } from '../components/SubPage';
import { RecordItem } from '../features/records/RecordItem';
import { useServiceRecords } from '../features/records/queries';
import { certificateUrl, useMyHours } from '../features/volunteers/queries';
import type { MyHoursItem } from '../features/volunteers/types';
import { useHomeDistrict } from '../features/volunteers/useVolunteerStatus';
import { useI18n } from '../i18n';
import { hoursOf } from '../lib/time';

function HoursSummary({ item }: { item: MyHoursItem }) {
  const { t } = useI18n();
  const acceptedHours = item.acceptedMinutes / 60;
  const toNext = item.nextLevelHours !== null ? Math.max(0, item.nextLevelHours - acceptedHours) : null;
  const percent = item.nextLevelHours ? Math.min(100, (acceptedHours / item.nextLevelHours) * 100) : 100;
  return (
    <section className="card hours" aria-label={t('hours.title')}>
      <div className="hours__main">
        <div>
          <p className="hours__label">{t('hours.accepted')}</p>
          <p className="hours__value" data-testid="accepted-hours">
            {hoursOf(item.acceptedMinutes)}
          </p>
        </div>
        <Stars level={item.starLevel} />
      </div>
      <p className="muted">{t('hours.pending', { h: hoursOf(item.pendingMinutes) })}</p>
      <ProgressBar percent={percent} className="hours__bar" aria-hidden="true" />
      <p className="hours__next">
        {toNext !== null
          ? t('hours.next', { stars: '★'.repeat(item.starLevel + 1), h: Math.round(toNext * 10) / 10 })
          : t('hours.top')}
      </p>
      {item.acceptedMinutes > 0 ? (
        <>
          <a className="cert-link" href={certificateUrl(item.volunteerId)} target="_blank" rel="noopener">
            <DownlandOutline aria-hidden="true" />
            {t('hours.certificate')}
          </a>
          <p className="muted">{t('hours.certificateHint')}</p>
        </>
      ) : (
        <p className="muted">{t('hours.noAccepted')}</p>
      )}
    </section>
  );
}

function MyRecords() {
  const { t } = useI18n();
  const query = useServiceRecords({ mine: true });
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <section className="card" aria-labelledby="records-title">
      <h2 id="records-title" className="card__title">
        {t('hours.records')}
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t('hours.noRecords')}</p>
      ) : (
        <ul className="plain-list">
          {items.map((r) => (
            <li key={r.id}>
              <RecordItem record={r} />
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
      )}
    </section>
  );
}

export function MyHoursPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const districtId = useHomeDistrict();
  const hours = useMyHours();

  let body;
  if (hours.isPending) body = <Loading />;
  else if (hours.isError) body = <LoadError error={hours.error} onRetry={() => void hours.refetch()} />;
  else if (hours.data.length === 0)
    body = (
      <Empty text={t('hours.notVolunteer')}>
        <Button color="primary" onClick={() => navigate('/volunteer/apply')}>
          {t('home.apply')}
        </Button>
      </Empty>
    );
  else {
    const items = [...hours.data].sort(
      (a, b) => Number(b.districtId === districtId) - Number(a.districtId === districtId),
    );
    body = (
      <>
        {items.map((item) => (
          <HoursSummary key={item.districtId} item={item} />
        ))}
        <MyRecords />
      </>
    );
  }
  return (
    <SubPage title={t('hours.title')} backTo="/me">
      {body}
    </SubPage>
  );
}
