// After a voucher is redeemed: 评价 (1–5 stars and a comment, once) and 投诉商户 (counts in the merchant's annual
// evaluation).
import { useState } from 'react';
import { Button, TextArea, Toast } from 'antd-mobile';
import { FormError } from '../../components/FormError';
import { StarInput } from '../../components/StarInput';
import { useI18n } from '../../i18n';
import { useComplainMerchant, useRateVoucher } from './queries';
import type { Voucher } from './types';

const COMMENT_MAX = 300;
const COMPLAINT_MAX = 500;

export function RateVoucherPanel({ voucher }: { voucher: Voucher }) {
  const { t } = useI18n();
  const rate = useRateVoucher(voucher.id);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [missingScore, setMissingScore] = useState(false);

  const onSubmit = () => {
    if (!score) return setMissingScore(true);
    rate.mutate(
      { score, comment: comment.trim() || undefined },
      { onSuccess: () => Toast.show({ icon: 'success', content: t('voucher.rated') }) },
    );
  };

  return (
    <section className="card" aria-labelledby="voucher-rate">
      <h2 id="voucher-rate" className="card__title">
        {t('voucher.rateTitle')}
      </h2>
      {voucher.rated ? (
        <p className="ok-text" data-testid="voucher-rated">
          {t('voucher.ratedAlready')}
        </p>
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
          <label className="field-label" htmlFor="voucher-rate-comment">
            {t('voucher.rateCommentLabel')}
          </label>
          <TextArea
            id="voucher-rate-comment"
            placeholder={t('voucher.rateComment')}
            value={comment}
            onChange={setComment}
            maxLength={COMMENT_MAX}
            autoSize={{ minRows: 2, maxRows: 4 }}
            className="boxed-input"
          />
          <FormError error={rate.error} />
          <Button block color="primary" size="large" loading={rate.isPending} onClick={onSubmit}>
            {t('voucher.rateSubmit')}
          </Button>
        </div>
      )}
    </section>
  );
}

export function ComplainPanel({ voucher, merchantId }: { voucher: Voucher; merchantId: string }) {
  const { t } = useI18n();
  const complain = useComplainMerchant();
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState('');
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);

  const onSubmit = () => {
    if (!content.trim()) return setMissing(true);
    complain.mutate(
      { merchantId, orderId: voucher.id, content: content.trim() },
      {
        onSuccess: () => {
          setSent(true);
          setOpen(false);
          setContent('');
          Toast.show({ icon: 'success', content: t('voucher.complained') });
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="voucher-complain">
      <h2 id="voucher-complain" className="card__title">
        {t('voucher.complainTitle')}
      </h2>
      {sent && (
        <p className="ok-text" role="status">
          {t('voucher.complained')}
        </p>
      )}
      {open ? (
        <div className="stack">
          <p className="muted">{t('voucher.complainHint', { merchant: voucher.merchantName ?? '' })}</p>
          <label className="field-label" htmlFor="voucher-complaint">
            {t('voucher.complainLabel')}
          </label>
          <TextArea
            id="voucher-complaint"
            placeholder={t('voucher.complainContent')}
            value={content}
            onChange={(v) => {
              setContent(v);
              setMissing(false);
            }}
            maxLength={COMPLAINT_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            className="boxed-input"
          />
          {missing && (
            <p className="form-error" role="alert">
              {t('voucher.complainRequired')}
            </p>
          )}
          <FormError error={complain.error} />
          <div className="two-buttons">
            <Button size="large" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="danger" size="large" loading={complain.isPending} onClick={onSubmit}>
              {t('voucher.complainSubmit')}
            </Button>
          </div>
        </div>
      ) : (
        <Button block color="danger" fill="outline" size="large" onClick={() => setOpen(true)}>
          {t('voucher.complain')}
        </Button>
      )}
    </section>
  );
}
