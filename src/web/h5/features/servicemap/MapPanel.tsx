// The map panel: an SVG drawn with a local Web-Mercator projection, so it works with no network at all — the
// person's position, a marker per service point (colour and character by kind), rings at 500 m and 1,000 m (the
// 15-minute walk). When a tile URL is configured, raster tiles are drawn underneath; a tile that fails to load
// leaves the plain background.
import { useState } from 'react';
import type { NearbyServicePoint, ServiceMapConfig } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { CATEGORY_LABEL, CATEGORY_STYLE, distanceText } from './categories';
import { type LatLng, metresPerPixel, tilesFor, wgs84ToGcj02, worldPixel, zoomToFit } from './projection';

const W = 360;
const H = 340;
const RING_ROOM = Math.min(W, H) / 2 - 14;

export function MapPanel({
  centre,
  centreLabel,
  centreIsPerson,
  radius,
  points,
  selectedId,
  onSelect,
  config,
}: {
  centre: LatLng;
  centreLabel: string;
  centreIsPerson: boolean;
  radius: number;
  points: NearbyServicePoint[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  config: ServiceMapConfig | undefined;
}) {
  const { t } = useI18n();
  const [failedTiles, setFailedTiles] = useState<Set<string>>(() => new Set());
  const tiled = !!config?.tileUrl;
  // Positions are WGS-84; on GCJ-02 tiles (高德/腾讯) everything is drawn shifted onto them.
  const onMap = (p: LatLng) => (tiled && config.tileCoord === 'gcj02' ? wgs84ToGcj02(p) : p);
  const fit = Math.max(radius, 1000) * 1.04;
  const zf = zoomToFit(centre.lat, fit, RING_ROOM);
  const c = worldPixel(onMap(centre), zf);
  const toScreen = (p: LatLng) => {
    const w = worldPixel(onMap(p), zf);
    return { x: w.x - c.x + W / 2, y: w.y - c.y + H / 2 };
  };
  const ring = (metres: number) => metres / metresPerPixel(centre.lat, zf);
  const tiles =
    tiled && config.tileUrl
      ? tilesFor({
          template: config.tileUrl,
          subdomains: config.tileSubdomains,
          centre: onMap(centre),
          zf,
          maxZoom: config.tileMaxZoom,
          width: W,
          height: H,
        })
      : [];
  // The person's own position is drawn on top; the fallback centre (a community's point) under the markers, so
  // that point stays visible and tappable.
  const onTop = centreIsPerson;
  const you = (
    <g transform={`translate(${W / 2} ${H / 2})`} data-testid="map-you" aria-hidden="true">
      <circle r={16} className="smap__you-halo" />
      <circle r={8} className="smap__you" />
      <text y={30} className="smap__you-label">
        {centreLabel}
      </text>
    </g>
  );
  const ordered = [...points].sort((a, b) => (a.id === selectedId ? 1 : b.id === selectedId ? -1 : 0));

  return (
    <figure className="smap" data-testid="service-map">
      <svg
        className="smap__svg"
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={t('map.mapLabel')}
        xmlns="http://www.w3.org/2000/svg"
      >
        <rect x={0} y={0} width={W} height={H} className="smap__bg" />
        {tiles
          .filter((tile) => !failedTiles.has(tile.key))
          .map((tile) => (
            <image
              key={tile.key}
              href={tile.url}
              x={tile.x}
              y={tile.y}
              width={tile.size + 0.5}
              height={tile.size + 0.5}
              preserveAspectRatio="none"
              data-testid="map-tile"
              onError={() => setFailedTiles((s) => new Set(s).add(tile.key))}
            />
          ))}
        <g className="smap__rings" aria-hidden="true">
          <circle
            cx={W / 2}
            cy={H / 2}
            r={ring(1000)}
            className="smap__ring smap__ring--15"
            data-testid="map-ring-1000"
          />
          <circle cx={W / 2} cy={H / 2} r={ring(500)} className="smap__ring" data-testid="map-ring-500" />
          {radius > 1000 && <circle cx={W / 2} cy={H / 2} r={ring(radius)} className="smap__ring smap__ring--outer" />}
          <text x={W / 2} y={H / 2 - ring(500) - 4} className="smap__ring-label">
            {t('map.ring500')}
          </text>
          <text x={W / 2} y={H / 2 - ring(1000) - 4} className="smap__ring-label smap__ring-label--15">
            {t('map.ring1000')}
          </text>
        </g>
        <text x={W - 10} y={20} className="smap__north" aria-hidden="true">
          {t('map.north')}
        </text>
        {!onTop && you}
        {ordered.map((p) => {
          const s = toScreen(p);
          if (s.x < -20 || s.x > W + 20 || s.y < -20 || s.y > H + 20) return null;
          const style = CATEGORY_STYLE[p.category];
          const selected = p.id === selectedId;
          return (
            <g
              key={p.id}
              className={`smap__marker${selected ? ' smap__marker--selected' : ''}`}
              transform={`translate(${s.x.toFixed(1)} ${s.y.toFixed(1)})`}
              role="button"
              tabIndex={0}
              aria-label={`${p.name}，${t(CATEGORY_LABEL[p.category])}，${distanceText(t, p.distanceMetres, p.walkingMinutes)}`}
              aria-pressed={selected}
              data-testid="map-marker"
              data-category={p.category}
              onClick={() => onSelect(p.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(p.id);
                }
              }}
            >
              <circle r={24} className="smap__hit" />
              <circle r={selected ? 18 : 14} fill={style.colour} className="smap__dot" />
              <text className="smap__glyph" dy="0.36em">
                {style.glyph}
              </text>
            </g>
          );
        })}
        {onTop && you}
      </svg>
      {tiled && config.tileAttribution && (
        <figcaption className="smap__attribution">{t('map.tiles', { attribution: config.tileAttribution })}</figcaption>
      )}
    </figure>
  );
}
