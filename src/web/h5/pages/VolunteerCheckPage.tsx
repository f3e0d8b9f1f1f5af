// 志愿者证核验 (/v/:volunteerId, public, no sign-in): the QR on a 志愿者证 leads here; shows whether the card is
// valid (green), suspended (amber) or unknown (red), with the masked name, number, community, stars and hours.
import { useParams } from 'react-router';
import { CheckCircleFill, ExclamationCircleFill, QuestionCircleFill } from 'antd-mobile-icons';
import { InfoList } from '../components/InfoList';
import { PublicShell } from '../components/PublicShell';
import { LoadError, Loading } from '../components/QueryStates';
import { Stars } from '../components/Stars';
import { useVerifyVolunteerCard } from '../features/volunteers/queries';
import type { VolunteerCardCheck } from '../features/volunteers/types';
import { useI18n } from '../i18n';
import { hoursOf } from '../lib/time';

function Verdict({ card }: { card: VolunteerCardCheck | null }) {
  const { t } = useI18n();
  if (!card) {
    return (
      <section className="verdict verdict--bad" role="status" data-testid="vcheck-verdict">
        <QuestionCircleFill className="verdict__icon" aria-hidden="true" />
        <h2 className="verdict__title">{t('vcheck.notFound')}</h2>
        <p>{t('vcheck.notFoundHint')}</p>
      </section>
    );
  }
  const valid = card.status === 'approved';
  return (
    <>
      <section
        className={`verdict ${valid ? 'verdict--ok' : 'verdict--warn'}`}
        role="status"
        data-testid="vcheck-verdict"
      >
        {valid ? (
          <CheckCircleFill className="verdict__icon" aria-hidden="true" />
        ) : (
          <ExclamationCircleFill className="verdict__icon" aria-hidden="true" />
        )}
        <h2 className="verdict__title">{valid ? t('vcheck.valid') : t('vcheck.suspended')}</h2>
        {!valid && <p>{t('vcheck.suspendedHint')}</p>}
      </section>
      <section className="card" aria-label={t('card.title')}>
        <InfoList
          rows={[
            { label: t('card.name'), value: card.nameMasked },
            { label: t('card.no'), value: <span className="vcard__no">{card.volunteerNo ?? '—'}</span> },
            { label: t('card.community'), value: card.communityName },
            { label: t('card.stars'), value: <Stars level={card.starLevel} /> },
            { label: t('card.hours'), value: `${hoursOf(card.acceptedMinutes)} ${t('hours.unitH')}` },
          ]}
        />
      </section>
    </>
  );
}

export function VolunteerCheckPage() {
  const { volunteerId = '' } = useParams();
  const { t } = useI18n();
  const query = useVerifyVolunteerCard(volunteerId);
  return (
    <PublicShell title={t('vcheck.title')}>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Verdict card={query.data} />
      )}
      <p className="verify__footer muted">{t('vcheck.footer')}</p>
    </PublicShell>
  );
}
