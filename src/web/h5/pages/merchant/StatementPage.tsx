// 月度结算 (/merchant/statements?merchant=…&month=YYYY-MM): one shop's statement for a month — vouchers redeemed,
// points, the agreed cash value per point and the amount in 元 (amountFen / 100) paid from which fund — and its
// lines; live until the community closes the month. Exportable to Excel.
import { Link, useSearchParams } from 'react-router';
import { Tag } from 'antd-mobile';
import { DownlandOutline } from 'antd-mobile-icons';
import { ChipSelect } from '../../components/ChipSelect';
import { MonthField } from '../../components/MonthField';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { thisChinaMonth, yuan } from '../../features/mall/labels';
import { statementExportUrl, useMerchantStatement, useMyMerchants } from '../../features/mall/queries';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';

function Statement({ merchantId, month }: { merchantId: string; month: string }) {
  const { t, locale } = useI18n();
  const query = useMerchantStatement(merchantId, month);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  return (
    <>
      <section className="card" aria-labelledby="statement-title">
        <div className="statement-head">
          <h2 id="statement-title" className="card__title">
            {t('statement.heading', { name: s.merchantName, month: s.month })}
          </h2>
          <Tag color={s.closed ? 'success' : 'warning'} fill="outline">
            {s.closed ? t('statement.closed') : t('statement.open')}
          </Tag>
        </div>
        <dl className="totals totals--three">
          <div className="totals__cell">
            <dt className="totals__label">{t('statement.vouchers')}</dt>
            <dd className="totals__value" data-testid="statement-vouchers">
              {s.vouchers}
            </dd>
          </div>
          <div className="totals__cell">
            <dt className="totals__label">{t('statement.points')}</dt>
            <dd className="totals__value" data-testid="statement-points">
              {s.points}
            </dd>
          </div>
          <div className="totals__cell">
            <dt className="totals__label">{t('statement.amount')}</dt>
            <dd className="totals__value" data-testid="statement-amount">
              {yuan(s.amountFen)}
            </dd>
          </div>
        </dl>
        <p className="muted mt">
          {s.fenPerPoint > 0 ? t('statement.rate', { yuan: yuan(s.fenPerPoint) }) : t('desk.donated')}
          {s.fundName ? ` · ${t('statement.fund', { fund: s.fundName })}` : ''}
        </p>
        <p className="muted">
          {s.closed && s.closedAt
            ? t('statement.closedAt', { at: formatDateTime(s.closedAt, locale) })
            : t('statement.openNote')}
        </p>
        <a className="inline-action mt" href={statementExportUrl(s.merchantId, s.month)} download>
          <DownlandOutline aria-hidden="true" /> {t('statement.export')}
        </a>
      </section>
      <section className="card" aria-labelledby="statement-lines">
        <h2 id="statement-lines" className="card__title">
          {t('statement.lines')}
        </h2>
        {s.lines.length === 0 ? (
          <p className="muted">{t('statement.noLines')}</p>
        ) : (
          <ul className="plain-list redemption-list">
            {s.lines.map((l) => (
              <li key={l.orderId} className="redemption-row">
                <span className="redemption-row__time">{formatDateTime(l.redeemedAt, locale)}</span>
                <span className="redemption-row__title">{l.title}</span>
                <span className="redemption-row__points">{t('points.n', { n: l.points })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function StatementPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const shops = useMyMerchants();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : thisChinaMonth();

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  // The shop in the URL, else the first one; none only when the person has no shop.
  const shop = shops.data?.find((m) => m.id === params.get('merchant')) ?? shops.data?.[0];
  let body;
  if (shops.isPending) body = <Loading />;
  else if (shops.isError) body = <LoadError error={shops.error} onRetry={() => void shops.refetch()} />;
  else if (!shop)
    body = (
      <Empty text={t('statement.noShop')}>
        <Link className="inline-action" to="/merchant">
          {t('desk.title')}
        </Link>
      </Empty>
    );
  else {
    body = (
      <>
        <div className="ledger-filters statement-filters">
          {shops.data.length > 1 && (
            <ChipSelect<string>
              label={t('statement.shop')}
              value={shop.id}
              onChange={(v) => set('merchant', v)}
              options={shops.data.map((m) => ({ value: m.id, label: m.name }))}
            />
          )}
          <MonthField
            id="statement-month"
            label={t('statement.month')}
            value={month}
            onChange={(m) => set('month', m || thisChinaMonth())}
            emptyText={t('statement.thisMonth')}
            fromYear={2024}
          />
        </div>
        <Statement merchantId={shop.id} month={month} />
      </>
    );
  }

  return (
    <SubPage title={t('statement.title')} backTo="/merchant">
      {body}
    </SubPage>
  );
}
