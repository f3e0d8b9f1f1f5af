// 我的兑换券 (/me/vouchers): tabs 可使用 / 已使用 / 已失效 (cancelled, expired, refunded — their points went back),
// newest first, page by page. The tab lives in the URL so coming back from a voucher keeps it.
import { useNavigate, useSearchParams } from 'react-router';
import { Button, InfiniteScroll, Tabs } from 'antd-mobile';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useMyVouchers } from '../../features/mall/queries';
import { LAPSED_STATUSES, type VoucherStatus } from '../../features/mall/types';
import { VoucherItem } from '../../features/mall/VoucherItem';
import { useI18n, type MessageKey } from '../../i18n';

type Tab = 'active' | 'used' | 'lapsed';
const TABS: { key: Tab; title: MessageKey; empty: MessageKey }[] = [
  { key: 'active', title: 'vouchers.tab.active', empty: 'vouchers.empty.active' },
  { key: 'used', title: 'vouchers.tab.used', empty: 'vouchers.empty.used' },
  { key: 'lapsed', title: 'vouchers.tab.lapsed', empty: 'vouchers.empty.lapsed' },
];

function VoucherList({ tab, emptyText }: { tab: Tab; emptyText: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  // The API filters by one status; 已失效 covers three, so it reads all and keeps those.
  const status: VoucherStatus | '' = tab === 'active' ? 'active' : tab === 'used' ? 'redeemed' : '';
  const query = useMyVouchers(status);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages
    .flatMap((p) => p.items)
    .filter((v) => tab !== 'lapsed' || LAPSED_STATUSES.includes(v.status));
  return (
    <>
      {items.length === 0 && !query.hasNextPage ? (
        <Empty text={emptyText}>
          {tab === 'active' && (
            <Button color="primary" onClick={() => navigate('/mall')}>
              {t('vouchers.toMall')}
            </Button>
          )}
        </Empty>
      ) : (
        <ul className="plain-list voucher-list">
          {items.map((v) => (
            <VoucherItem key={v.id} voucher={v} />
          ))}
        </ul>
      )}
      {(items.length > 0 || query.hasNextPage) && (
        <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
      )}
    </>
  );
}

export function MyVouchersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x.key === params.get('tab'))?.key ?? 'active';
  return (
    <SubPage title={t('vouchers.title')} backTo="/me">
      <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })} className="voucher-tabs">
        {TABS.map((x) => (
          <Tabs.Tab title={t(x.title)} key={x.key}>
            <VoucherList tab={x.key} emptyText={t(x.empty)} />
          </Tabs.Tab>
        ))}
      </Tabs>
    </SubPage>
  );
}
