// 积分公示 (/ledger, public): a district's journals with masked names, filtered by community and month, under a
// card with the published chain head and, in plain words, why it can be trusted and how a resident checks their own
// entries (the auditors' command line lives in docs/LEDGER.md, not here). Signed-in people default to their district.
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { InfiniteScroll } from 'antd-mobile';
import type { Me, OrgNode } from '../../../shared/types';
import { ChipSelect } from '../../components/ChipSelect';
import { MonthField } from '../../components/MonthField';
import { PublicShell } from '../../components/PublicShell';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SelectField } from '../../components/SelectField';
import { SubPage } from '../../components/SubPage';
import { useMe } from '../../features/account/queries';
import { useCommunities } from '../../features/org/queries';
import { HashText } from '../../features/points/HashText';
import { PublicJournalItem } from '../../features/points/PublicJournalItem';
import { useLedgerHead, usePublicJournals } from '../../features/points/queries';
import type { PublicJournalFilters } from '../../features/points/types';
import { useI18n } from '../../i18n';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ALL = '*';

function myDistrict(me: Me | null | undefined, nodes: OrgNode[]): string | undefined {
  if (!me) return undefined;
  const home = me.homeNodeId ? nodes.find((n) => n.id === me.homeNodeId) : undefined;
  return home?.districtId ?? me.roles[0]?.districtId;
}

function HeadCard({
  districtId,
  districtName,
  signedIn,
}: {
  districtId: string;
  districtName: string;
  signedIn: boolean;
}) {
  const { t } = useI18n();
  const head = useLedgerHead(districtId);
  return (
    <section className="card ledger-head" aria-labelledby="ledger-head-title">
      <h2 id="ledger-head-title" className="card__title">
        {t('ledger.headTitle', { district: districtName })}
      </h2>
      <p className="ledger-head__intro">{t('ledger.explain')}</p>
      {head.isPending ? (
        <Loading />
      ) : head.isError ? (
        <LoadError error={head.error} onRetry={() => void head.refetch()} />
      ) : (
        <div className="ledger-head__stats">
          <p className="ledger-head__count" data-testid="ledger-count">
            {t('ledger.count', { n: head.data.count })}
          </p>
          <p className="ledger-head__hash">
            <span className="ledger-head__label">{t('ledger.head')}</span>
            <HashText hash={head.data.hash} label={t('ledger.head')} testId="ledger-head-hash" />
          </p>
        </div>
      )}
      <div className="ledger-head__explain">
        <p>{t('ledger.whyTrust')}</p>
        <p>{t('ledger.keepHead')}</p>
        <p>
          {t('ledger.howMine')}
          {signedIn && (
            <>
              {' '}
              <Link to={`/me/points?district=${encodeURIComponent(districtId)}`}>{t('ledger.toVerify')}</Link>
            </>
          )}
        </p>
      </div>
    </section>
  );
}

function Records({ filters, filtered }: { filters: PublicJournalFilters; filtered: boolean }) {
  const { t } = useI18n();
  const query = usePublicJournals(filters);
  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const items = query.data.pages.flatMap((p) => p.items);
    const first = query.data.pages[0];
    const total = first && 'total' in first && typeof first.total === 'number' ? first.total : null;
    body =
      items.length === 0 ? (
        <p className="muted">{filtered ? t('ledger.emptyFiltered') : t('ledger.empty')}</p>
      ) : (
        <>
          {total !== null && (
            <p className="muted" data-testid="ledger-matching">
              {t('ledger.matching', { n: total })}
            </p>
          )}
          <ul className="plain-list">
            {items.map((j) => (
              <li key={j.id}>
                <PublicJournalItem journal={j} />
              </li>
            ))}
          </ul>
          <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
        </>
      );
  }
  return (
    <section className="card" aria-labelledby="ledger-records" data-testid="public-ledger">
      <h2 id="ledger-records" className="card__title">
        {t('ledger.records')}
      </h2>
      {body}
    </section>
  );
}

function LedgerBody({ me }: { me: Me | null }) {
  const { t } = useI18n();
  const nodes = useCommunities();
  const [params, setParams] = useSearchParams();

  const districts = useMemo(() => (nodes.data ?? []).filter((n) => n.kind === 'district' && !n.archived), [nodes.data]);
  const wanted = [params.get('d'), myDistrict(me, nodes.data ?? [])];
  const district = wanted.map((id) => districts.find((d) => d.id === id)).find(Boolean) ?? districts[0];
  const communities = useMemo(
    () => (nodes.data ?? []).filter((n) => n.kind === 'community' && !n.archived && n.districtId === district?.id),
    [nodes.data, district?.id],
  );
  const c = params.get('c');
  const communityId = communities.some((n) => n.id === c) ? c! : undefined;
  const m = params.get('m');
  const month = m && MONTH.test(m) ? m : undefined;

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const filters = useMemo<PublicJournalFilters | null>(() => {
    if (!district) return null;
    const f: PublicJournalFilters = { districtId: district.id };
    if (communityId) f.communityId = communityId;
    if (month) f.month = month;
    return f;
  }, [district, communityId, month]);

  if (nodes.isPending) return <Loading />;
  if (nodes.isError) return <LoadError error={nodes.error} onRetry={() => void nodes.refetch()} />;
  if (!district || !filters) return <Empty text={t('ledger.noDistrict')} />;

  return (
    <>
      <HeadCard districtId={district.id} districtName={district.name} signedIn={!!me} />
      <div className="ledger-filters" role="group" aria-label={t('ledger.title')}>
        {districts.length > 1 && (
          <ChipSelect<string>
            label={t('ledger.district')}
            scroll
            value={district.id}
            onChange={(id) => set({ d: id, c: undefined })}
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <div className="ledger-filters__row">
          <SelectField
            id="ledger-community"
            label={t('ledger.community')}
            value={communityId ?? ALL}
            options={[
              { value: ALL, label: t('ledger.allCommunities') },
              ...communities.map((n) => ({ value: n.id, label: n.name })),
            ]}
            onChange={(v) => set({ d: district.id, c: v === ALL ? undefined : v })}
          />
          <MonthField
            id="ledger-month"
            label={t('ledger.month')}
            value={month ?? ''}
            emptyText={t('ledger.allMonths')}
            onChange={(v) => set({ d: district.id, m: v || undefined })}
          />
        </div>
      </div>
      <Records key={JSON.stringify(filters)} filters={filters} filtered={!!(communityId || month)} />
      <p className="verify__footer muted">{t('ledger.footer')}</p>
    </>
  );
}

export function LedgerPage() {
  const { t } = useI18n();
  const me = useMe();
  if (me.isPending) return <Loading />;
  const who = me.data ?? null;
  // Signed-in people came from the app and go back to it; visitors get the public frame with a language switch.
  return who ? (
    <SubPage title={t('ledger.title')} backTo="/">
      <LedgerBody me={who} />
    </SubPage>
  ) : (
    <PublicShell title={t('ledger.title')}>
      <LedgerBody me={null} />
    </PublicShell>
  );
}
