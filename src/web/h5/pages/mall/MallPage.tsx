// 积分商城 (/mall, a tab): search, kind chips (积分超市 / 商户优惠 / 社区服务), category chips, a 附近商户 toggle that
// asks for the position and sorts by distance, and an infinitely scrolling list. Filters live in the URL so coming
// back from an item keeps them; the position is kept for this page session only.
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { InfiniteScroll, NoticeBar, SearchBar } from 'antd-mobile';
import { CouponOutline, EnvironmentOutline } from 'antd-mobile-icons';
import { ChipSelect } from '../../components/ChipSelect';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { getPosition, type Position } from '../../features/activities/location';
import { ItemCard } from '../../features/mall/ItemCard';
import { KIND_LABEL } from '../../features/mall/labels';
import { useCatalog, useCatalogCategories } from '../../features/mall/queries';
import { type CatalogFilters, ITEM_KINDS, type ItemKind } from '../../features/mall/types';
import { pickAccount, useMyPoints } from '../../features/points/queries';
import { useHomeDistrict } from '../../features/volunteers/useVolunteerStatus';
import { useI18n } from '../../i18n';

// Kept across visits to item pages in this tab (not stored: a position is personal data).
let lastPosition: Position | null = null;

/** About 10 m: small moves do not make a new query. */
const round = (x: number) => Math.round(x * 10_000) / 10_000;

function CatalogList({ filters }: { filters: CatalogFilters }) {
  const { t } = useI18n();
  const query = useCatalog(filters);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  const filtered = !!(filters.kind || filters.category || filters.q);
  return (
    <div className="act-list" aria-label={t('mall.title')}>
      {items.length === 0 && !query.hasNextPage ? (
        <Empty text={filtered ? t('mall.emptyFiltered') : t('mall.empty')} />
      ) : (
        items.map((item) => <ItemCard key={item.id} item={item} />)
      )}
      {(items.length > 0 || query.hasNextPage) && (
        <InfiniteScroll
          hasMore={query.hasNextPage}
          loadMore={async () => {
            await query.fetchNextPage();
          }}
        />
      )}
    </div>
  );
}

export function MallPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') as ItemKind | null) ?? '';
  const category = params.get('cat') ?? '';
  const q = params.get('q') ?? '';
  const near = params.get('near') === '1';
  const [position, setPosition] = useState<Position | null>(lastPosition);
  const [locating, setLocating] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);
  const categories = useCatalogCategories(kind);
  const districtId = useHomeDistrict();
  const points = useMyPoints();
  const balance = points.data ? (pickAccount(points.data, districtId)?.balance ?? 0) : undefined;

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const locate = async () => {
    setLocating(true);
    setLocationFailed(false);
    try {
      const p = await getPosition();
      lastPosition = p;
      setPosition(p);
      return true;
    } catch {
      setLocationFailed(true);
      return false;
    } finally {
      setLocating(false);
    }
  };

  // Opened with near=1 (back from an item after a reload): ask again.
  useEffect(() => {
    if (near && !position && !locating && !locationFailed) void locate();
  }, [near]);

  const toggleNear = async () => {
    if (near && position) return set({ near: '' });
    if (position || (await locate())) set({ near: '1' });
  };

  const filters = useMemo<CatalogFilters>(() => {
    const f: CatalogFilters = {};
    if (kind) f.kind = kind;
    if (category) f.category = category;
    if (q) f.q = q;
    if (near && position) {
      f.lat = round(position.lat);
      f.lng = round(position.lng);
    }
    return f;
  }, [kind, category, q, near, position]);

  const categoryOptions = [...(categories.data ?? [])];
  if (category && !categoryOptions.includes(category)) categoryOptions.push(category);

  return (
    <div className="list-page">
      <header className="list-page__head list-page__head--static">
        <div className="mall-head">
          <h1 className="list-page__title">{t('mall.title')}</h1>
          {balance !== undefined && (
            <Link to="/me/points" className="mall-head__balance" data-testid="mall-balance">
              {t('mall.myBalance', { n: balance })}
            </Link>
          )}
        </div>
        <SearchBar
          key={q}
          defaultValue={q}
          placeholder={t('mall.search')}
          onSearch={(value) => set({ q: value.trim() })}
          onClear={() => set({ q: '' })}
        />
        <div className="filters">
          <ChipSelect<string>
            label={t('mall.filterKind')}
            value={kind || '*'}
            onChange={(v) => set({ kind: v === '*' ? '' : v, cat: '' })}
            options={[
              { value: '*', label: t('common.all') },
              ...ITEM_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) })),
            ]}
          />
          {categoryOptions.length > 0 && (
            <ChipSelect<string>
              label={t('mall.filterCategory')}
              scroll
              value={category || '*'}
              onChange={(v) => set({ cat: v === '*' ? '' : v })}
              options={[
                { value: '*', label: t('mall.allCategories') },
                ...categoryOptions.map((c) => ({ value: c, label: c })),
              ]}
            />
          )}
          <div className="filters__row">
            <button
              type="button"
              className={`chips__item mall-near${near && position ? ' chips__item--on' : ''}`}
              aria-pressed={near && !!position}
              onClick={() => void toggleNear()}
              disabled={locating}
            >
              <EnvironmentOutline aria-hidden="true" /> {t('mall.near')}
            </button>
            <Link className="chips__item mall-vouchers-link" to="/me/vouchers">
              <CouponOutline aria-hidden="true" /> {t('home.vouchers')}
            </Link>
          </div>
        </div>
        {locating && <NoticeBar color="info" content={t('mall.locating')} />}
        {locationFailed && (
          <p className="form-error" role="alert">
            {t('mall.locationFailed')}
          </p>
        )}
        {near && position && <p className="muted">{t('mall.nearHint')}</p>}
      </header>
      <CatalogList filters={filters} />
      <p className="mall-foot">
        <Link className="inline-action" to="/merchant/apply">
          {t('mall.joinAlliance')}
        </Link>
      </p>
    </div>
  );
}
