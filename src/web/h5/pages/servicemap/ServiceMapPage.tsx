// 15分钟服务圈 (/map, public): the service points within a walk of where the person is — the browser's position
// (WGS-84), or when that is refused, their community's centre — on a map that needs no network beyond the app,
// and as a list nearest first. Tapping a marker or a row opens the point's card (open now?, hours, tap-to-call).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from 'antd-mobile';
import type { Me, NearbyServicePoint, OrgNode, ServicePointCategory } from '../../../shared/api-types';
import { ChipSelect } from '../../components/ChipSelect';
import { PublicShell } from '../../components/PublicShell';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useMe } from '../../features/account/queries';
import { useCommunities } from '../../features/org/queries';
import { MapPanel } from '../../features/servicemap/MapPanel';
import { PointCard } from '../../features/servicemap/PointCard';
import { CATEGORIES, CATEGORY_LABEL, CATEGORY_STYLE, distanceText } from '../../features/servicemap/categories';
import type { LatLng } from '../../features/servicemap/projection';
import { useNearbyServicePoints, useServiceMapConfig } from '../../features/servicemap/queries';
import { useI18n } from '../../i18n';
import './servicemap.css';

type Located = { status: 'locating' } | { status: 'ok'; at: LatLng } | { status: 'failed' };
const RADII = ['500', '1000', '2000'] as const;
type Radius = (typeof RADII)[number];
const ALL = 'all';

/** The browser's position (WGS-84), asked once and again on demand; refused or slow → failed. */
function usePosition(): [Located, () => void] {
  const [state, setState] = useState<Located>({ status: 'locating' });
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'failed' });
      return;
    }
    setState({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => setState({ status: 'ok', at: { lat: pos.coords.latitude, lng: pos.coords.longitude } }),
      () => setState({ status: 'failed' }),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }, []);
  useEffect(locate, [locate]);
  return [state, locate];
}

function homeDistrict(me: Me | null, nodes: OrgNode[]): string | undefined {
  if (!me) return undefined;
  const home = me.homeNodeId ? nodes.find((n) => n.id === me.homeNodeId) : undefined;
  return home?.districtId ?? me.roles[0]?.districtId;
}

function PointRow({ p, selected, onSelect }: { p: NearbyServicePoint; selected: boolean; onSelect: () => void }) {
  const { t } = useI18n();
  const style = CATEGORY_STYLE[p.category];
  return (
    <button
      type="button"
      className={`smap-row${selected ? ' smap-row--selected' : ''}`}
      aria-pressed={selected}
      onClick={onSelect}
      data-testid="map-row"
    >
      <span className="smap-row__icon" style={{ background: style.colour }} aria-hidden="true">
        {style.glyph}
      </span>
      <span className="smap-row__main">
        <span className="smap-row__name">{p.name}</span>
        <span className="smap-row__meta">
          {t(CATEGORY_LABEL[p.category])} · {distanceText(t, p.distanceMetres, p.walkingMinutes)}
        </span>
      </span>
      {p.openNow !== null && (
        <span className={`smap-open${p.openNow ? ' smap-open--yes' : ''}`}>
          {p.openNow ? t('map.open') : t('map.closed')}
        </span>
      )}
    </button>
  );
}

function ServiceMapBody({ me }: { me: Me | null }) {
  const { t } = useI18n();
  const nodes = useCommunities();
  const [params] = useSearchParams();
  const districts = useMemo(() => (nodes.data ?? []).filter((n) => n.kind === 'district' && !n.archived), [nodes.data]);
  const wanted = [params.get('d'), homeDistrict(me, nodes.data ?? [])];
  const district = wanted.map((id) => districts.find((d) => d.id === id)).find(Boolean) ?? districts[0];
  const communityId = me?.homeNodeId ?? undefined;
  const config = useServiceMapConfig(district?.id, communityId);
  const [position, relocate] = usePosition();
  const [radius, setRadius] = useState<Radius>('1000');
  const [category, setCategory] = useState<ServicePointCategory | typeof ALL>(ALL);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const fallback = config.data?.centre ?? null;
  const centre: LatLng | null = position.status === 'ok' ? position.at : position.status === 'failed' ? fallback : null;
  const nearby = useNearbyServicePoints(
    district?.id,
    centre
      ? { lat: centre.lat, lng: centre.lng, radius: Number(radius), category: category === ALL ? undefined : category }
      : null,
  );
  const items = useMemo(() => nearby.data?.items ?? [], [nearby.data]);
  const selected = items.find((p) => p.id === selectedId) ?? null;

  const select = (id: string) => {
    setSelectedId(id);
    // Bring the card into view on a small phone (the map takes most of the screen).
    requestAnimationFrame(() => document.getElementById('smap-card')?.scrollIntoView({ block: 'nearest' }));
  };

  if (nodes.isPending) return <Loading />;
  if (nodes.isError) return <LoadError error={nodes.error} onRetry={() => void nodes.refetch()} />;
  if (!district) return <Empty text={t('map.noCentre')} />;

  let where: string;
  if (position.status === 'locating') where = t('map.locating');
  else if (position.status === 'ok') where = t('map.here.gps');
  else if (!fallback) where = config.isPending ? t('common.loading') : t('map.noCentre');
  else if (fallback.source === 'community') where = t('map.here.community', { name: fallback.name ?? '' });
  else where = t(fallback.source === 'configured' ? 'map.here.configured' : 'map.here.district');

  return (
    <>
      <p className="smap-intro">{t('map.intro')}</p>
      <div className="smap-where" role="status" data-testid="map-where">
        <span>{where}</span>
        {position.status !== 'locating' && (
          <Button size="small" fill="outline" onClick={relocate}>
            {t('map.relocate')}
          </Button>
        )}
      </div>
      <div className="smap-filters">
        <ChipSelect<Radius>
          label={t('map.radius')}
          value={radius}
          onChange={setRadius}
          options={RADII.map((r) => ({ value: r, label: t(`map.radius.${r}`) }))}
        />
        <ChipSelect<ServicePointCategory | typeof ALL>
          label={t('map.category')}
          scroll
          value={category}
          onChange={(c) => {
            setCategory(c);
            setSelectedId(null);
          }}
          options={[
            { value: ALL, label: t('map.all') },
            ...CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_LABEL[c]) })),
          ]}
        />
      </div>
      {centre && (
        <MapPanel
          centre={centre}
          centreLabel={position.status === 'ok' ? t('map.you') : t('map.centre')}
          centreIsPerson={position.status === 'ok'}
          radius={Number(radius)}
          points={items}
          selectedId={selectedId}
          onSelect={select}
          config={config.data}
        />
      )}
      <ul className="smap-legend" aria-label={t('map.legend')}>
        {CATEGORIES.map((c) => (
          <li key={c}>
            <span className="smap-legend__dot" style={{ background: CATEGORY_STYLE[c].colour }} aria-hidden="true">
              {CATEGORY_STYLE[c].glyph}
            </span>
            {t(CATEGORY_LABEL[c])}
          </li>
        ))}
      </ul>
      {selected && <PointCard point={selected} onClose={() => setSelectedId(null)} />}
      <section className="card" aria-labelledby="smap-list-title">
        <h2 id="smap-list-title" className="card__title">
          {t('map.list')}
          {nearby.data && <span className="smap-count">{t('map.count', { n: items.length })}</span>}
        </h2>
        {!centre || nearby.isPending ? (
          <Loading />
        ) : nearby.isError ? (
          <LoadError error={nearby.error} onRetry={() => void nearby.refetch()} />
        ) : items.length === 0 ? (
          <p className="muted">{t('map.empty')}</p>
        ) : (
          <ul className="plain-list">
            {items.map((p) => (
              <li key={p.id}>
                <PointRow p={p} selected={p.id === selectedId} onSelect={() => select(p.id)} />
              </li>
            ))}
          </ul>
        )}
        <p className="muted smap-note">{t('map.straight')}</p>
      </section>
    </>
  );
}

export function ServiceMapPage() {
  const { t } = useI18n();
  const me = useMe();
  if (me.isPending) return <Loading />;
  const who = me.data ?? null;
  return who ? (
    <SubPage title={t('map.title')} backTo="/">
      <ServiceMapBody me={who} />
    </SubPage>
  ) : (
    <PublicShell title={t('map.title')}>
      <ServiceMapBody me={null} />
    </PublicShell>
  );
}
