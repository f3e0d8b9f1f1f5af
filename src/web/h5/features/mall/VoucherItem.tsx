// One of my vouchers in a list: title, merchant, status, points, and the date that matters for its state.
import { Link } from 'react-router';
import { Tag } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { formatDateTime, formatDateTimeWithYear } from '../../lib/time';
import { useProviderName } from './ItemCard';
import { VOUCHER_COLOR, VOUCHER_LABEL } from './labels';
import type { Voucher } from './types';

export function VoucherItem({ voucher: v }: { voucher: Voucher }) {
  const { t, locale } = useI18n();
  const provider = useProviderName();
  let when: string;
  if (v.status === 'active') when = t('voucher.validUntil', { at: formatDateTimeWithYear(v.expiresAt, locale) });
  else if (v.status === 'redeemed' && v.redeemedAt)
    when = t('voucher.redeemedAt', { at: formatDateTime(v.redeemedAt, locale) });
  else when = t('voucher.orderedAt', { at: formatDateTime(v.createdAt, locale) });
  return (
    <li>
      <Link className="voucher-item" to={`/me/vouchers/${encodeURIComponent(v.id)}`} aria-label={v.title}>
        <div className="voucher-item__top">
          <h3 className="voucher-item__title">{v.title}</h3>
          <Tag color={VOUCHER_COLOR[v.status]}>{t(VOUCHER_LABEL[v.status])}</Tag>
        </div>
        <p className="voucher-item__line">{provider({ kind: v.kind, merchantName: v.merchantName })}</p>
        <div className="voucher-item__bottom">
          <span className="muted">{when}</span>
          <span className="voucher-item__points">{t('points.n', { n: v.points })}</span>
        </div>
      </Link>
    </li>
  );
}
