// 证明核验 (/verify/:certNo, public, no sign-in): the QR on a 志愿服务记录证明 leads here; shows whether the
// certificate is valid, revoked or unknown, with the masked name, volunteer number, hours, issuer and date.
import { useParams } from 'react-router';
import { CheckCircleFill, CloseCircleFill, QuestionCircleFill } from 'antd-mobile-icons';
import { InfoList } from '../components/InfoList';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoadError, Loading } from '../components/QueryStates';
import { useVerifyCertificate } from '../features/volunteers/queries';
import type { CertificateCheck } from '../features/volunteers/types';
import { useI18n } from '../i18n';
import { formatDate, formatMinutes } from '../lib/time';

function Verdict({ check, certNo }: { check: CertificateCheck | null; certNo: string }) {
  const { t, locale } = useI18n();
  if (!check) {
    return (
      <section className="verdict verdict--bad" role="status">
        <QuestionCircleFill className="verdict__icon" aria-hidden="true" />
        <h2 className="verdict__title">{t('verify.notFound')}</h2>
        <p>{t('verify.notFoundHint', { certNo })}</p>
      </section>
    );
  }
  const valid = check.status === 'valid';
  return (
    <>
      <section className={`verdict ${valid ? 'verdict--ok' : 'verdict--bad'}`} role="status">
        {valid ? (
          <CheckCircleFill className="verdict__icon" aria-hidden="true" />
        ) : (
          <CloseCircleFill className="verdict__icon" aria-hidden="true" />
        )}
        <h2 className="verdict__title">{valid ? t('verify.valid') : t('verify.revoked')}</h2>
      </section>
      <section className="card">
        <InfoList
          rows={[
            { label: t('verify.certNo'), value: check.certNo },
            { label: t('verify.name'), value: check.volunteerNameMasked },
            { label: t('verify.volunteerNo'), value: check.volunteerNo },
            { label: t('verify.hours'), value: formatMinutes(check.minutes, locale) },
            { label: t('verify.issuer'), value: check.issuer },
            { label: t('verify.issuedAt'), value: formatDate(check.issuedAt) },
            {
              label: t('verify.revokedAt'),
              value: check.revokedAt ? formatDate(check.revokedAt) : '',
              hidden: !check.revokedAt,
            },
            { label: t('verify.revokeReason'), value: check.revokeReason, hidden: !check.revokeReason },
          ]}
        />
      </section>
    </>
  );
}

export function VerifyPage() {
  const { certNo = '' } = useParams();
  const { t } = useI18n();
  const query = useVerifyCertificate(certNo);
  return (
    <div className="verify">
      <header className="verify__head">
        <div className="hero__brand">
          <span className="hero__logo" aria-hidden="true">
            邻
          </span>
          {t('app.name')}
        </div>
        <LanguageSwitch compact />
      </header>
      <h1 className="verify__title">{t('verify.title')}</h1>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Verdict check={query.data} certNo={certNo} />
      )}
      <p className="verify__footer muted">{t('verify.footer')}</p>
    </div>
  );
}
