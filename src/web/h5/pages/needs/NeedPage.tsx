// 需求详情 (/needs/:id): what was asked, its progress as a timeline of states, withdraw (before a volunteer took
// it) and rating (after it is done).
import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Dialog, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { FormError } from '../../components/FormError';
import { InfoList } from '../../components/InfoList';
import { LoadError, Loading } from '../../components/QueryStates';
import { StarInput } from '../../components/StarInput';
import { Stars } from '../../components/Stars';
import { SubPage } from '../../components/SubPage';
import { CategoryMark } from '../../features/needs/CategoryMark';
import { ConfirmDoneCard } from '../../features/needs/ConfirmDoneCard';
import { NEED_STATUS_COLOR, NEED_STATUS_LABEL, URGENCY_LABEL } from '../../features/needs/labels';
import { useNeed, useRateNeed, useWithdrawNeed } from '../../features/needs/queries';
import type { NeedDetail } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatDateTime, formatRange } from '../../lib/time';

function RateForm({ need }: { need: NeedDetail }) {
  const { t } = useI18n();
  const rate = useRateNeed();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const submit = async () => {
    const ok = await rate
      .mutateAsync({ id: need.id, body: { rating, comment: comment.trim() || null } })
      .then(() => true)
      .catch(() => false);
    if (ok) Toast.show({ icon: 'success', content: t('needs.detail.rated') });
  };
  return (
    <section className="card" aria-labelledby="need-rate">
      <h2 id="need-rate" className="card__title">
        {t('needs.detail.rate')}
      </h2>
      <StarInput value={rating} onChange={setRating} label={t('needs.detail.rateLabel')} />
      <TextArea
        placeholder={t('needs.detail.comment')}
        aria-label={t('needs.detail.comment')}
        value={comment}
        onChange={setComment}
        rows={2}
        maxLength={500}
      />
      <FormError error={rate.error} />
      <Button
        block
        color="primary"
        size="large"
        disabled={rating === 0}
        loading={rate.isPending}
        onClick={() => void submit()}
      >
        {t('needs.detail.rateSubmit')}
      </Button>
    </section>
  );
}

function NeedBody({ need }: { need: NeedDetail }) {
  const { t, locale } = useI18n();
  const withdraw = useWithdrawNeed();
  const when =
    need.windowStart && need.windowEnd
      ? formatRange(need.windowStart, need.windowEnd, locale)
      : need.windowStart
        ? formatDateTime(need.windowStart, locale)
        : t('needs.detail.anytime');
  const onWithdraw = async () => {
    const ok = await Dialog.confirm({
      content: t('needs.detail.withdrawConfirm'),
      confirmText: t('needs.detail.withdraw'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    const done = await withdraw
      .mutateAsync({ id: need.id, body: {} })
      .then(() => true)
      .catch(() => false);
    if (done) Toast.show({ content: t('needs.detail.withdrawn') });
  };
  return (
    <>
      <section className="card">
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <CategoryMark category={need.category} name={need.categoryName} size={52} />
          <div>
            <h2 className="card__title" style={{ margin: 0 }}>
              {need.title}
            </h2>
            <Tag color={NEED_STATUS_COLOR[need.status]} style={{ fontSize: '1em', padding: '4px 10px', marginTop: 6 }}>
              {t(NEED_STATUS_LABEL[need.status])}
            </Tag>
          </div>
        </div>
        <p style={{ whiteSpace: 'pre-wrap', fontSize: '1.05em' }}>{need.description}</p>
        <InfoList
          rows={[
            { label: t('needs.detail.category'), value: need.categoryName },
            { label: t('needs.detail.when'), value: when },
            { label: t('needs.detail.where'), value: need.place ?? '', hidden: !need.place },
            { label: t('needs.detail.urgency'), value: t(URGENCY_LABEL[need.urgency]) },
            { label: t('needs.detail.people'), value: t('needs.detail.peopleN', { n: need.peopleNeeded }) },
          ]}
        />
        {need.recordedByUserId && <p style={{ color: 'var(--adm-color-weak)' }}>{t('needs.detail.recordedBy')}</p>}
      </section>

      {need.status === 'in_service' && <ConfirmDoneCard need={need} />}
      {need.canRate && <RateForm need={need} />}
      {need.rating !== null && (
        <section className="card" aria-labelledby="need-rating">
          <h2 id="need-rating" className="card__title">
            {t('needs.detail.yourRating')}
          </h2>
          <Stars level={need.rating} />
          {need.ratingComment && <p>{need.ratingComment}</p>}
        </section>
      )}

      <section className="card" aria-labelledby="need-progress">
        <h2 id="need-progress" className="card__title">
          {t('needs.detail.progress')}
        </h2>
        <Steps direction="vertical" current={need.timeline.length - 1}>
          {need.timeline.map((s) => (
            <Steps.Step
              key={`${s.to}-${s.at}`}
              title={t(NEED_STATUS_LABEL[s.to])}
              description={
                <>
                  {formatDateTime(s.at, locale)}
                  {s.reason && <div>{t('needs.detail.reason', { reason: s.reason })}</div>}
                </>
              }
            />
          ))}
        </Steps>
      </section>

      {need.canWithdraw && (
        <div style={{ margin: '0 12px 24px' }}>
          <FormError error={withdraw.error} />
          <Button
            block
            size="large"
            color="danger"
            fill="outline"
            loading={withdraw.isPending}
            onClick={() => void onWithdraw()}
          >
            {t('needs.detail.withdraw')}
          </Button>
        </div>
      )}
    </>
  );
}

export function NeedPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const query = useNeed(id);
  return (
    <SubPage title={t('needs.detail.title')} backTo="/needs">
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <NeedBody need={query.data} />
      )}
    </SubPage>
  );
}
