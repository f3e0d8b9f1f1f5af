// 商户工作台 (/merchant): my shop(s) (and the community points supermarket for community admins), big 扫码核销 and
// 输入券码 buttons, today's redemptions with their count and points, and each shop's monthly statement.
import { Link, useNavigate } from 'react-router';
import { Button, Tag } from 'antd-mobile';
import { BillOutline, EditSOutline, ScanCodeOutline, ShopbagOutline } from 'antd-mobile-icons';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { MERCHANT_COLOR, MERCHANT_LABEL, thisChinaMonth, yuan } from '../../features/mall/labels';
import { useTodayRedemptions } from '../../features/mall/queries';
import { useMerchantAccess } from '../../features/mall/useMerchantAccess';
import { useI18n } from '../../i18n';
import { formatTime } from '../../lib/time';

function Today() {
  const { t } = useI18n();
  const today = useTodayRedemptions();
  let body;
  if (today.isPending) body = <Loading />;
  else if (today.isError) body = <LoadError error={today.error} onRetry={() => void today.refetch()} />;
  else {
    const items = today.data;
    const points = items.reduce((sum, v) => sum + v.points, 0);
    body = (
      <>
        <dl className="totals totals--two">
          <div className="totals__cell">
            <dt className="totals__label">{t('desk.todayCount')}</dt>
            <dd className="totals__value" data-testid="today-count">
              {items.length}
            </dd>
          </div>
          <div className="totals__cell">
            <dt className="totals__label">{t('desk.todayPoints')}</dt>
            <dd className="totals__value" data-testid="today-points">
              {points}
            </dd>
          </div>
        </dl>
        {items.length === 0 ? (
          <p className="muted mt">{t('desk.todayNone')}</p>
        ) : (
          <ul className="plain-list redemption-list" aria-label={t('desk.today')}>
            {items.map((v) => (
              <li key={v.id} className="redemption-row">
                <span className="redemption-row__time">{v.redeemedAt ? formatTime(v.redeemedAt) : ''}</span>
                <span className="redemption-row__title">
                  {v.title}
                  {v.merchantName && <span className="muted"> · {v.merchantName}</span>}
                </span>
                <span className="redemption-row__points">{t('points.n', { n: v.points })}</span>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="desk-today">
      <h2 id="desk-today" className="card__title">
        {t('desk.today')}
      </h2>
      {body}
    </section>
  );
}

export function MerchantDeskPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const access = useMerchantAccess();
  const month = thisChinaMonth();

  let body;
  if (access.isPending) body = <Loading />;
  else if (access.error) body = <LoadError error={access.error} onRetry={() => void access.refetch()} />;
  else if (!access.isCounterStaff)
    body = (
      <Empty text={t('desk.notMerchant')}>
        <p className="muted">{t('desk.notMerchantHint')}</p>
        <Button color="primary" size="large" onClick={() => navigate('/merchant/apply')}>
          {t('join.title')}
        </Button>
      </Empty>
    );
  else
    body = (
      <>
        <section className="card" aria-labelledby="desk-shops">
          <h2 id="desk-shops" className="card__title">
            {t('desk.myShops')}
          </h2>
          <ul className="plain-list">
            {access.shops.map((m) => (
              <li key={m.id} className="shop-row">
                <div className="shop-row__top">
                  <ShopbagOutline aria-hidden="true" />
                  <span className="shop-row__name">{m.name}</span>
                  <Tag color={MERCHANT_COLOR[m.status]}>{t(MERCHANT_LABEL[m.status])}</Tag>
                </div>
                <p className="muted">
                  {m.communityName} · {m.address}
                </p>
                <p className="muted">
                  {m.fenPerPoint > 0
                    ? t('desk.rate', { yuan: yuan(m.fenPerPoint), fund: m.fundName ?? t('desk.noFund') })
                    : t('desk.donated')}
                </p>
                <Link
                  className="inline-action"
                  to={`/merchant/statements?merchant=${encodeURIComponent(m.id)}&month=${month}`}
                >
                  <BillOutline aria-hidden="true" /> {t('desk.statement')}
                </Link>
              </li>
            ))}
            {access.supermarkets.map((r) => (
              <li key={r.id} className="shop-row">
                <div className="shop-row__top">
                  <ShopbagOutline aria-hidden="true" />
                  <span className="shop-row__name">{t('desk.supermarket', { node: r.nodeName })}</span>
                </div>
                <p className="muted">{t('desk.supermarketHint')}</p>
              </li>
            ))}
          </ul>
        </section>
        <div className="desk-actions">
          <Button
            block
            color="primary"
            size="large"
            className="desk-actions__main"
            onClick={() => navigate('/merchant/redeem?mode=scan')}
          >
            <ScanCodeOutline aria-hidden="true" /> {t('desk.scan')}
          </Button>
          <Button
            block
            color="primary"
            fill="outline"
            size="large"
            className="desk-actions__main"
            onClick={() => navigate('/merchant/redeem?mode=type')}
          >
            <EditSOutline aria-hidden="true" /> {t('desk.type')}
          </Button>
        </div>
        <Today />
        {access.shops.length > 0 && (
          <p className="center-link">
            <Link className="inline-action" to="/merchant/apply">
              {t('desk.applyAnother')}
            </Link>
          </p>
        )}
      </>
    );

  return (
    <SubPage title={t('desk.title')} backTo="/">
      {body}
    </SubPage>
  );
}
