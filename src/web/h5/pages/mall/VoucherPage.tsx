// 兑换券 (/me/vouchers/:id): while active, a big QR code (qrPayload) and the 8-character short code in large spaced
// letters to read out at the counter, expiry, where to go, and 取消兑换 (the points come back). The page polls every
// 5 s while active, so it turns 已核销 when the shop scans it; then 评价 and 投诉商户.
import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { CheckCircleFill, CloseCircleOutline } from 'antd-mobile-icons';
import { QRCodeSVG } from 'qrcode.react';
import { InfoList } from '../../components/InfoList';
import { LoadError, Loading } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { SubPage } from '../../components/SubPage';
import { useElderMode } from '../../elder';
import { useProviderName } from '../../features/mall/ItemCard';
import { groupCode, VOUCHER_COLOR, VOUCHER_LABEL } from '../../features/mall/labels';
import { useCancelOrder, useCatalogItem, useVoucher } from '../../features/mall/queries';
import type { Voucher } from '../../features/mall/types';
import { ComplainPanel, RateVoucherPanel } from '../../features/mall/VoucherFeedback';
import { useI18n } from '../../i18n';
import { formatDateTime, formatDateTimeWithYear } from '../../lib/time';

function ActiveVoucher({ voucher: v }: { voucher: Voucher }) {
  const { t, locale } = useI18n();
  const { elderMode } = useElderMode();
  const provider = useProviderName();
  const cancel = useCancelOrder();
  // The voucher does not carry the merchant's address; the item does (while it is still listed).
  const item = useCatalogItem(v.merchantId ? v.itemId : undefined);
  const address = item.data?.merchantAddress ?? null;
  const [first, second] = groupCode(v.shortCode);

  const onCancel = async () => {
    const ok = await Dialog.confirm({
      title: t('voucher.cancelTitle'),
      content: t('voucher.cancelBody', { n: v.points }),
      confirmText: t('voucher.cancelOk'),
      cancelText: t('voucher.keep'),
    });
    if (!ok) return;
    cancel.mutate(v.id, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('voucher.cancelled', { n: v.points }) }),
      onError: (e) => showError(e, t),
    });
  };

  return (
    <>
      <article className="card voucher" aria-labelledby="voucher-title">
        <h2 id="voucher-title" className="voucher__title">
          {v.title}
        </h2>
        <p className="voucher__provider">{provider({ kind: v.kind, merchantName: v.merchantName })}</p>
        <div className="voucher__qr">
          <QRCodeSVG
            value={v.qrPayload}
            size={elderMode ? 280 : 240}
            marginSize={2}
            title={t('voucher.qrLabel')}
            data-testid="voucher-qr"
          />
        </div>
        <p className="voucher__code-label" id="voucher-code-label">
          {t('voucher.codeLabel')}
        </p>
        <p
          className="voucher__code"
          data-testid="voucher-code"
          aria-labelledby="voucher-code-label voucher-code-spelled"
        >
          <span className="voucher__code-group">{first}</span>
          <span className="voucher__code-group">{second}</span>
        </p>
        {/* Screen readers spell the code letter by letter. */}
        <span id="voucher-code-spelled" hidden>
          {[...v.shortCode].join(' ')}
        </span>
        <p className="voucher__hint">{t('voucher.showHint')}</p>
      </article>
      <section className="card">
        <InfoList
          rows={[
            { label: t('voucher.points'), value: t('points.n', { n: v.points }) },
            { label: t('voucher.expires'), value: formatDateTimeWithYear(v.expiresAt, locale) },
            { label: t('mall.address'), value: address, hidden: !address },
            { label: t('voucher.ordered'), value: formatDateTime(v.createdAt, locale) },
          ]}
        />
        <p className="muted mt" role="note">
          {t('voucher.autoRefresh')}
        </p>
      </section>
      <div className="danger-zone">
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          loading={cancel.isPending}
          onClick={() => void onCancel()}
        >
          {t('voucher.cancel')}
        </Button>
        <p className="muted mt">{t('voucher.cancelNote')}</p>
      </div>
    </>
  );
}

function ClosedVoucher({ voucher: v }: { voucher: Voucher }) {
  const { t, locale } = useI18n();
  const provider = useProviderName();
  const redeemed = v.status === 'redeemed';
  return (
    <>
      <section
        className={`voucher-state ${redeemed ? 'voucher-state--ok' : 'voucher-state--off'}`}
        role="status"
        data-testid="voucher-state"
      >
        {redeemed ? (
          <CheckCircleFill className="voucher-state__icon" aria-hidden="true" />
        ) : (
          <CloseCircleOutline className="voucher-state__icon" aria-hidden="true" />
        )}
        <p className="voucher-state__title">{t(VOUCHER_LABEL[v.status])}</p>
        <p className="voucher-state__sub">
          {redeemed && v.redeemedAt
            ? t('voucher.redeemedAt', { at: formatDateTime(v.redeemedAt, locale) })
            : t('voucher.refundedNote', { n: v.points })}
        </p>
      </section>
      <section className="card" aria-labelledby="voucher-title">
        <h2 id="voucher-title" className="card__title">
          {v.title}
        </h2>
        <InfoList
          rows={[
            { label: t('mall.provider'), value: provider({ kind: v.kind, merchantName: v.merchantName }) },
            { label: t('voucher.points'), value: t('points.n', { n: v.points }) },
            { label: t('voucher.codeLabel'), value: <span className="mono">{v.shortCode}</span> },
            { label: t('voucher.ordered'), value: formatDateTime(v.createdAt, locale) },
          ]}
        />
      </section>
      {redeemed && <RateVoucherPanel voucher={v} />}
      {redeemed && v.merchantId && <ComplainPanel voucher={v} merchantId={v.merchantId} />}
    </>
  );
}

export function VoucherPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id } = useParams();
  const query = useVoucher(id);
  const status = query.data?.status;
  const previous = useRef(status);

  // Seen turning from 可使用 to 已核销 while open: say so (the shop has just scanned it).
  useEffect(() => {
    if (previous.current === 'active' && status === 'redeemed')
      Toast.show({ icon: 'success', content: t('voucher.justRedeemed') });
    previous.current = status;
  }, [status, t]);

  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const v = query.data;
    body = (
      <>
        {v.status === 'active' ? (
          <>
            <div className="pad-x voucher-status">
              <Tag color={VOUCHER_COLOR[v.status]} data-testid="voucher-status">
                {t(VOUCHER_LABEL[v.status])}
              </Tag>
            </div>
            <ActiveVoucher voucher={v} />
          </>
        ) : (
          <ClosedVoucher voucher={v} />
        )}
        <p className="center-link">
          <Button fill="none" color="primary" onClick={() => navigate('/me/vouchers')}>
            {t('vouchers.all')}
          </Button>
        </p>
      </>
    );
  }

  return (
    <SubPage title={t('voucher.title')} backTo="/me/vouchers">
      {body}
    </SubPage>
  );
}
