// 我的积分 (/me/points): per district account the balance, earned and spent totals, gifts and donations where the
// district allows them, 核验我的积分, and the history (newest first, infinite scroll).
import { Link, useNavigate } from 'react-router';
import { Button, InfiniteScroll } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { JournalItem } from '../../features/points/JournalItem';
import { useMyJournals } from '../../features/points/queries';
import type { MyPointsItem } from '../../features/points/types';
import { useChosenAccount } from '../../features/points/useChosenAccount';
import { VerifyPanel } from '../../features/points/VerifyPanel';
import { useI18n } from '../../i18n';

function BalanceCard({ account }: { account: MyPointsItem }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { allowGifts, allowDonations, monthlyGiveLimit } = account.rules;
  const q = `?district=${encodeURIComponent(account.districtId)}`;
  return (
    <section className="card points-card" aria-labelledby="points-balance-label">
      <p className="points-card__district">{t('points.account', { district: account.districtName })}</p>
      <p id="points-balance-label" className="points-card__label">
        {t('points.balance')}
      </p>
      <p className="points-card__balance" data-testid="points-balance">
        {account.balance}
        <span className="points-card__unit">{t('points.unit')}</span>
      </p>
      <dl className="points-card__totals">
        <div>
          <dt>{t('points.earned')}</dt>
          <dd data-testid="points-earned">{account.earned}</dd>
        </div>
        <div>
          <dt>{t('points.spent')}</dt>
          <dd data-testid="points-spent">{account.spent}</dd>
        </div>
      </dl>
      {(allowGifts || allowDonations) && (
        <>
          <div className="two-buttons">
            {allowGifts && (
              <Button color="primary" fill="outline" size="large" onClick={() => navigate(`/me/points/gift${q}`)}>
                {t('gift.title')}
              </Button>
            )}
            {allowDonations && (
              <Button color="primary" fill="outline" size="large" onClick={() => navigate(`/me/points/donate${q}`)}>
                {t('donate.title')}
              </Button>
            )}
          </div>
          <p className="muted mt">{t('points.giveLimit', { limit: monthlyGiveLimit })}</p>
        </>
      )}
    </section>
  );
}

function History({ districtId }: { districtId: string }) {
  const { t } = useI18n();
  const query = useMyJournals(districtId);
  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const items = query.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <p className="muted">{t('points.noHistory')}</p>
      ) : (
        <>
          <ul className="plain-list" aria-label={t('points.history')}>
            {items.map((j) => (
              <li key={j.id}>
                <JournalItem journal={j} />
              </li>
            ))}
          </ul>
          <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
        </>
      );
  }
  return (
    <section className="card" aria-labelledby="points-history">
      <h2 id="points-history" className="card__title">
        {t('points.history')}
      </h2>
      {body}
    </section>
  );
}

export function MyPointsPage() {
  const { t } = useI18n();
  const { points, account, choose } = useChosenAccount();

  let body;
  if (points.isPending) body = <Loading />;
  else if (points.isError) body = <LoadError error={points.error} onRetry={() => void points.refetch()} />;
  else if (!account)
    body = (
      <Empty text={t('points.none')}>
        <p className="muted">{t('points.noneHint')}</p>
        <Link className="inline-action" to="/ledger">
          {t('points.toLedger')}
        </Link>
      </Empty>
    );
  else
    body = (
      <>
        {points.data.length > 1 && (
          <div className="pad-x">
            <ChipSelect<string>
              label={t('ledger.district')}
              scroll
              value={account.districtId}
              onChange={choose}
              options={points.data.map((a) => ({ value: a.districtId, label: a.districtName }))}
            />
          </div>
        )}
        <BalanceCard account={account} />
        <VerifyPanel key={account.districtId} districtId={account.districtId} />
        <History key={`h-${account.districtId}`} districtId={account.districtId} />
        <p className="center-link">
          <Link className="inline-action" to={`/ledger?d=${encodeURIComponent(account.districtId)}`}>
            {t('points.toLedger')}
          </Link>
        </p>
      </>
    );

  return (
    <SubPage title={t('points.title')} backTo="/me">
      {body}
    </SubPage>
  );
}
