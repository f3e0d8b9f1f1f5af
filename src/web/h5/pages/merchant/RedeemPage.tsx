// 核销兑换券 (/merchant/redeem?mode=scan|type): scan the resident's voucher QR code with the camera (the check-in
// scanner, voucher prefix "LINLI-V.") or type the 8-character short code; lookupVoucher shows what it is, whose it
// is and any problem; a big 确认核销 redeems it with a redeemKey made once per confirmation (reused when retrying
// after a network error). After 核销成功 the page is straight away ready for the next voucher (连续核销: the
// scanner restarts and ignores the voucher just done while it is still in view).
import { lazy, type ReactNode, Suspense, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Input, type InputRef } from 'antd-mobile';
import { CheckCircleFill, CloseCircleFill } from 'antd-mobile-icons';
import { ChipSelect } from '../../components/ChipSelect';
import { InfoList } from '../../components/InfoList';
import { errorText } from '../../components/showError';
import { SubPage } from '../../components/SubPage';
import { useProviderName } from '../../features/mall/ItemCard';
import { useLookupVoucher, useRedeemVoucher, useTodayRedemptions } from '../../features/mall/queries';
import { type RedeemPreview, type Voucher, VOUCHER_QR_PREFIX } from '../../features/mall/types';
import { useKeyedWrite } from '../../features/mall/useKeyedWrite';
import { isUncertainFailure } from '../../features/points/idempotency';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import { reloadOnce } from '../../../shared/lazyPages';

const QrScanner = lazy(
  reloadOnce(() => import('../../features/activities/QrScanner').then((m) => ({ default: m.QrScanner }))),
);

type Mode = 'scan' | 'type';
type Step =
  | { name: 'input' }
  | { name: 'looking'; code: string }
  | { name: 'lookupFailed'; code: string; error: unknown }
  | { name: 'preview'; code: string; preview: RedeemPreview }
  | { name: 'refused'; code: string; preview: RedeemPreview; error: unknown };

interface Done {
  voucher: Voucher;
  holderName: string;
  /** The scanned payload or typed code, ignored by the scanner for a moment (it is still in front of the camera). */
  code: string;
  at: number;
}

const IGNORE_SAME_MS = 8_000;
const CODE_LENGTH = 8;

/** A typed short code: capitals and digits only (spaces and dashes dropped); a pasted QR payload is kept as is. */
function normalise(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith(VOUCHER_QR_PREFIX)) return trimmed;
  return trimmed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, CODE_LENGTH);
}

function BigError({ title, message, children }: { title: string; message: string; children?: ReactNode }) {
  return (
    <section className="redeem-verdict redeem-verdict--bad" role="alert" data-testid="redeem-error">
      <CloseCircleFill className="redeem-verdict__icon" aria-hidden="true" />
      <p className="redeem-verdict__title">{title}</p>
      <p className="redeem-verdict__message">{message}</p>
      {children}
    </section>
  );
}

function PreviewCard({ preview: p }: { preview: RedeemPreview }) {
  const { t, locale } = useI18n();
  const provider = useProviderName();
  return (
    <section className="card redeem-preview" aria-labelledby="redeem-title">
      <h2 id="redeem-title" className="redeem-preview__title">
        {p.title}
      </h2>
      <p className="redeem-preview__points">{t('points.n', { n: p.points })}</p>
      <InfoList
        rows={[
          { label: t('redeem.holder'), value: <strong data-testid="redeem-holder">{p.holderName}</strong> },
          { label: t('mall.provider'), value: provider({ kind: p.kind, merchantName: p.merchantName }) },
          { label: t('voucher.codeLabel'), value: <span className="mono">{p.shortCode}</span> },
          { label: t('voucher.expires'), value: formatDateTime(p.expiresAt, locale) },
        ]}
      />
    </section>
  );
}

export function RedeemPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const mode: Mode = params.get('mode') === 'type' ? 'type' : 'scan';
  const [step, setStep] = useState<Step>({ name: 'input' });
  const [done, setDone] = useState<Done | null>(null);
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);
  const inputRef = useRef<InputRef>(null);
  const lookup = useLookupVoucher();
  const redeem = useRedeemVoucher();
  const write = useKeyedWrite<Voucher>(t('redeem.retryBody'));
  const today = useTodayRedemptions();

  const setMode = (next: Mode) => {
    setParams({ mode: next }, { replace: true });
    setStep({ name: 'input' });
  };

  const next = () => {
    setStep({ name: 'input' });
    setCode('');
    setCodeProblem(null);
    if (mode === 'type') setTimeout(() => inputRef.current?.focus(), 0);
  };

  const look = async (value: string) => {
    setDone(null);
    setStep({ name: 'looking', code: value });
    try {
      const preview = await lookup.mutateAsync(value);
      setStep({ name: 'preview', code: value, preview });
    } catch (error) {
      setStep({ name: 'lookupFailed', code: value, error });
    }
  };

  const onTyped = () => {
    const value = normalise(code);
    if (!value.startsWith(VOUCHER_QR_PREFIX) && value.length !== CODE_LENGTH) {
      setCodeProblem(t('redeem.codeFormat'));
      return;
    }
    setCodeProblem(null);
    void look(value);
  };

  const onConfirm = async (codeToRedeem: string, preview: RedeemPreview) => {
    const result = await write.run(codeToRedeem, (redeemKey) => redeem.mutateAsync({ code: codeToRedeem, redeemKey }));
    if (result.ok) {
      setDone({ voucher: result.value, holderName: preview.holderName, code: codeToRedeem, at: Date.now() });
      next();
    } else {
      setStep({ name: 'refused', code: codeToRedeem, preview, error: result.error });
    }
  };

  // The voucher just redeemed is probably still in front of the camera: do not look it up again at once.
  const accept = (payload: string) => !(done && done.code === payload && Date.now() - done.at < IGNORE_SAME_MS);

  const retryLabel = mode === 'scan' ? t('redeem.scanAgain') : t('redeem.typeAgain');

  let body;
  switch (step.name) {
    case 'input':
      body =
        mode === 'scan' ? (
          <section className="card" aria-labelledby="redeem-scan">
            <h2 id="redeem-scan" className="card__title">
              {done ? t('redeem.scanNext') : t('redeem.scanTitle')}
            </h2>
            <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
              <QrScanner
                key={done?.at ?? 0}
                prefix={VOUCHER_QR_PREFIX}
                accept={accept}
                onScan={(payload) => void look(payload)}
                texts={{
                  hint: t('redeem.scanHint'),
                  notOurs: t('redeem.notVoucher'),
                  denied: t('redeem.cameraDenied'),
                  unsupported: t('redeem.cameraUnsupported'),
                }}
              />
            </Suspense>
          </section>
        ) : (
          <section className="card" aria-labelledby="redeem-type">
            <h2 id="redeem-type" className="card__title">
              {done ? t('redeem.typeNext') : t('redeem.typeTitle')}
            </h2>
            <label className="field-label" htmlFor="redeem-code">
              {t('redeem.codeField')}
            </label>
            <Input
              id="redeem-code"
              ref={inputRef}
              className="code-input voucher-code-input"
              placeholder={t('redeem.ph.code')}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              enterKeyHint="search"
              value={code}
              onChange={(v) => {
                setCode(
                  v.trim().startsWith(VOUCHER_QR_PREFIX)
                    ? v
                    : v
                        .toUpperCase()
                        .replace(/[^0-9A-Z\s-]/g, '')
                        .slice(0, 12),
                );
                setCodeProblem(null);
              }}
              onEnterPress={onTyped}
            />
            {codeProblem && (
              <p className="form-error mt" role="alert">
                {codeProblem}
              </p>
            )}
            <Button block color="primary" size="large" className="mt" onClick={onTyped}>
              {t('redeem.lookup')}
            </Button>
          </section>
        );
      break;
    case 'looking':
      body = (
        <section className="card" aria-busy="true">
          <p className="redeem-looking" role="status">
            {t('redeem.looking')}
          </p>
        </section>
      );
      break;
    case 'lookupFailed':
      body = (
        <BigError title={t('redeem.cannot')} message={errorText(step.error, t)}>
          <div className="redeem-verdict__actions">
            <Button block size="large" onClick={next}>
              {retryLabel}
            </Button>
          </div>
        </BigError>
      );
      break;
    case 'preview': {
      const p = step.preview;
      body = (
        <>
          {p.redeemable && <PreviewCard preview={p} />}
          {p.redeemable ? (
            <div className="redeem-confirm">
              <Button
                block
                size="large"
                className="btn-redeem"
                loading={write.pending}
                disabled={write.pending}
                onClick={() => void onConfirm(step.code, p)}
              >
                {t('redeem.confirm')}
              </Button>
              <Button block size="large" fill="outline" className="mt" disabled={write.pending} onClick={next}>
                {t('common.cancel')}
              </Button>
            </div>
          ) : (
            <>
              <BigError title={t('redeem.cannot')} message={p.problem ?? t('err.generic')}>
                <div className="redeem-verdict__actions">
                  <Button block size="large" onClick={next}>
                    {t('redeem.next')}
                  </Button>
                </div>
              </BigError>
              <PreviewCard preview={p} />
            </>
          )}
        </>
      );
      break;
    }
    case 'refused':
      body = (
        <>
          <BigError title={t('redeem.failed')} message={errorText(step.error, t)}>
            <div className="redeem-verdict__actions">
              {isUncertainFailure(step.error) && (
                // Same code, same key: if the first attempt did go through, this answers the same success.
                <Button
                  block
                  size="large"
                  className="mb"
                  loading={write.pending}
                  onClick={() => void onConfirm(step.code, step.preview)}
                >
                  {t('give.retry')}
                </Button>
              )}
              <Button block size="large" onClick={next}>
                {t('redeem.next')}
              </Button>
            </div>
          </BigError>
          <PreviewCard preview={step.preview} />
        </>
      );
      break;
  }

  return (
    <SubPage title={t('redeem.title')} backTo="/merchant">
      <div className="pad-x">
        <ChipSelect<Mode>
          label={t('redeem.mode')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'scan', label: t('desk.scan') },
            { value: 'type', label: t('desk.type') },
          ]}
        />
      </div>
      {done && (
        <section className="redeem-verdict redeem-verdict--ok" role="status" data-testid="redeem-success">
          <CheckCircleFill className="redeem-verdict__icon" aria-hidden="true" />
          <p className="redeem-verdict__title">{t('redeem.success')}</p>
          <p className="redeem-verdict__message">
            {done.voucher.title} · {t('points.n', { n: done.voucher.points })}
          </p>
          <p className="redeem-verdict__sub">
            {t('redeem.holderIs', { name: done.holderName })}
            {done.voucher.redeemedAt ? ` · ${formatDateTime(done.voucher.redeemedAt, locale)}` : ''}
          </p>
        </section>
      )}
      {body}
      {today.data && (
        <p className="center-link muted" data-testid="redeem-today">
          {t('redeem.todaySoFar', { n: today.data.length, points: today.data.reduce((s, v) => s + v.points, 0) })}
        </p>
      )}
    </SubPage>
  );
}
