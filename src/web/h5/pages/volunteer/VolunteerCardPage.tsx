// 志愿者证 (/volunteer/card): number, masked name, community, star level, accepted hours and a QR code of
// ${origin}/v/<volunteer id> (the public check page, /v/:volunteerId). People who are not (yet) approved are
// pointed to the application.
import { useNavigate } from 'react-router';
import { Button, Result } from 'antd-mobile';
import { QRCodeSVG } from 'qrcode.react';
import { LoadError, Loading } from '../../components/QueryStates';
import { Stars } from '../../components/Stars';
import { HeldStars, MyStarStatus } from '../../features/stars/MyStarStatus';
import { useStarLevels } from '../../features/stars/queries';
import { SubPage } from '../../components/SubPage';
import { useVolunteerStatus } from '../../features/volunteers/useVolunteerStatus';
import { useI18n } from '../../i18n';
import { hoursOf } from '../../lib/time';

export function VolunteerCardPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { volunteer, approved, isLoading, error, refetch } = useVolunteerStatus();
  // The level held after publicity (公示), with the status of a promotion under way.
  const stars = useStarLevels(!!approved);
  const star = stars.data?.items.find((i) => i.volunteerId === approved?.id);

  let body;
  if (isLoading) body = <Loading />;
  else if (error) body = <LoadError error={error} onRetry={() => void refetch()} />;
  else if (!approved)
    body = (
      <div>
        <Result
          status={volunteer?.status === 'pending' ? 'waiting' : 'info'}
          title={t('card.notVolunteer')}
          description={volunteer?.status === 'pending' ? t('card.pending') : undefined}
        />
        <div className="page-actions">
          <Button block color="primary" size="large" onClick={() => navigate('/volunteer/apply')}>
            {volunteer ? t('home.apply') + ' · ' + t(`vstatus.${volunteer.status}`) : t('home.apply')}
          </Button>
        </div>
      </div>
    );
  else {
    const no = approved.volunteerNo ?? '';
    body = (
      <article className="vcard" aria-label={t('card.title')}>
        <header className="vcard__head">
          <span className="vcard__logo" aria-hidden="true">
            邻
          </span>
          <div>
            <p className="vcard__org">{t('app.name')}</p>
            <h2 className="vcard__title">{t('card.title')}</h2>
          </div>
        </header>
        <dl className="vcard__fields">
          <div>
            <dt>{t('card.name')}</dt>
            <dd data-testid="card-name">{approved.realNameMasked}</dd>
          </div>
          <div>
            <dt>{t('card.no')}</dt>
            <dd className="vcard__no" data-testid="volunteer-no">
              {no}
            </dd>
          </div>
          <div>
            <dt>{t('card.community')}</dt>
            <dd>{approved.communityName}</dd>
          </div>
          <div>
            <dt>{t('card.stars')}</dt>
            <dd>{star ? <HeldStars level={star.effectiveLevel} /> : <Stars level={approved.starLevel} />}</dd>
          </div>
          <div>
            <dt>{t('card.hours')}</dt>
            <dd>
              {hoursOf(approved.acceptedMinutes)} {t('hours.unitH')}
            </dd>
          </div>
        </dl>
        {star && <MyStarStatus item={star} />}
        {approved.id && (
          <div className="vcard__qr">
            <QRCodeSVG
              value={`${location.origin}/v/${encodeURIComponent(approved.id)}`}
              size={184}
              marginSize={2}
              title={`${t('card.no')} ${no}`}
              data-testid="card-qr"
            />
            <p className="muted">{t('card.qrHint')}</p>
          </div>
        )}
      </article>
    );
  }

  return (
    <SubPage title={t('card.title')} backTo="/">
      {body}
    </SubPage>
  );
}
