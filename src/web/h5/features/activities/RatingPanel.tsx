// 评价 after an activity: participants rate the activity, residents rate the volunteers' service (1–5 + comment).
import { useState } from 'react';
import { Button, TextArea, Toast } from 'antd-mobile';
import { FormError } from '../../components/FormError';
import { StarInput } from '../../components/StarInput';
import { useI18n } from '../../i18n';
import { useRate, useRatings } from './queries';
import type { Activity, RatingTarget } from './types';

const COMMENT_MAX = 200;

export function RatingPanel({ activity }: { activity: Activity }) {
  const { t } = useI18n();
  const participated = !!activity.mySignup && ['confirmed', 'no_show'].includes(activity.mySignup.status);
  const target: RatingTarget = participated ? 'activity' : 'service';
  const ratings = useRatings(activity.id);
  const rate = useRate(activity.id);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [missingScore, setMissingScore] = useState(false);
  const rated = ratings.data?.mine?.includes(target) ?? false;
  const title = target === 'activity' ? t('rate.activityTitle') : t('rate.serviceTitle');

  const onSubmit = () => {
    if (!score) {
      setMissingScore(true);
      return;
    }
    rate.mutate(
      { target, score, comment: comment.trim() || undefined },
      { onSuccess: () => Toast.show({ icon: 'success', content: t('rate.done') }) },
    );
  };

  return (
    <section className="card" aria-labelledby="rate-title">
      <h2 id="rate-title" className="card__title">
        {title}
      </h2>
      {ratings.data?.summary.map((s) => (
        <p key={s.target} className="muted">
          {t('rate.summary', { target: t(`rate.target.${s.target}`), avg: s.average.toFixed(1), n: s.count })}
        </p>
      ))}
      {rated ? (
        <p className="ok-text">{t('rate.already')}</p>
      ) : (
        <div className="stack">
          <StarInput
            label={t('rate.score')}
            value={score}
            onChange={(v) => {
              setScore(v);
              setMissingScore(false);
            }}
          />
          {missingScore && (
            <p className="form-error" role="alert">
              {t('rate.scoreRequired')}
            </p>
          )}
          <TextArea
            placeholder={t('rate.comment')}
            value={comment}
            onChange={setComment}
            maxLength={COMMENT_MAX}
            autoSize={{ minRows: 2, maxRows: 4 }}
            className="boxed-input"
          />
          <FormError error={rate.error} />
          <Button block color="primary" loading={rate.isPending} onClick={onSubmit}>
            {t('rate.submit')}
          </Button>
        </div>
      )}
    </section>
  );
}
