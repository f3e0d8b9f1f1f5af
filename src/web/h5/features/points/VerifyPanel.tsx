// 核验我的积分: asks the server to recompute my journals' hashes and check they are linked into the published
// chain, then says plainly whether all is well (with the chain head) or which entries failed.
import { Button } from 'antd-mobile';
import { CheckCircleFill, CloseCircleFill, InformationCircleFill } from 'antd-mobile-icons';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n';
import { HashText } from './HashText';
import { displayReason, signed } from './labels';
import { useVerifyMyJournals } from './queries';
import type { VerifyResult } from './types';

function Outcome({ result }: { result: VerifyResult }) {
  const { t } = useI18n();
  const bad = result.journals.filter((j) => !j.ok);
  let verdict;
  if (result.journals.length === 0) {
    verdict = (
      <div className="verify-result verify-result--info" role="status" data-testid="verify-result">
        <InformationCircleFill className="verify-result__icon" aria-hidden="true" />
        <p className="verify-result__text">{t('verify.mineNone')}</p>
      </div>
    );
  } else if (result.allOk && bad.length === 0) {
    verdict = (
      <div className="verify-result verify-result--ok" role="status" data-testid="verify-result">
        <CheckCircleFill className="verify-result__icon" aria-hidden="true" />
        <p className="verify-result__text">{t('verify.mineOk', { n: result.journals.length })}</p>
      </div>
    );
  } else {
    verdict = (
      <div className="verify-result verify-result--bad" role="alert" data-testid="verify-result">
        <CloseCircleFill className="verify-result__icon" aria-hidden="true" />
        <div>
          <p className="verify-result__text">{t('verify.mineBad', { bad: bad.length || result.journals.length })}</p>
          <ul className="verify-result__list">
            {bad.map((j) => (
              <li key={j.id}>
                {t('verify.badItem', { seq: j.seq, reason: displayReason(j.reason, t), amount: signed(j.amount) })}
              </li>
            ))}
          </ul>
        </div>
      </div>
    );
  }
  return (
    <>
      {verdict}
      <dl className="info">
        <div className="info__row">
          <dt className="info__label">{t('verify.chainHead')}</dt>
          <dd className="info__value">
            <HashText hash={result.head.hash} label={t('verify.chainHead')} testId="verify-head-hash" />
          </dd>
        </div>
      </dl>
      <p className="muted">{t('verify.chainCount', { n: result.head.count })}</p>
    </>
  );
}

export function VerifyPanel({ districtId }: { districtId: string }) {
  const { t } = useI18n();
  const verify = useVerifyMyJournals();
  return (
    <section className="card" aria-labelledby={`verify-${districtId}`}>
      <h2 id={`verify-${districtId}`} className="card__title">
        {t('verify.mine')}
      </h2>
      <p className="muted form-note">{t('verify.mineHint')}</p>
      {verify.data && <Outcome result={verify.data} />}
      <FormError error={verify.error} />
      <Button
        block
        color="primary"
        fill={verify.data ? 'outline' : 'solid'}
        size="large"
        className="mt"
        loading={verify.isPending}
        onClick={() => verify.mutate(districtId)}
      >
        {t('verify.mine')}
      </Button>
    </section>
  );
}
