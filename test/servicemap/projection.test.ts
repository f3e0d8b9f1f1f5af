// The H5 map's own copy of WGS-84 → GCJ-02 agrees with the server's (platform/geo.ts), and its Web-Mercator
// helpers place tiles and distances as published (OSM slippy-map tile numbers).
import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 as serverGcj } from '../../src/server/platform/geo.js';
import {
  metresPerPixel,
  tilesFor,
  wgs84ToGcj02 as webGcj,
  worldPixel,
  zoomToFit,
} from '../../src/web/h5/features/servicemap/projection.js';

describe('H5 map projection', () => {
  it('converts to GCJ-02 exactly as the server does', () => {
    for (let i = 0; i < 500; i++) {
      const p = { lat: 18 + ((i * 7919) % 3500) / 100, lng: 74 + ((i * 104729) % 6000) / 100 };
      expect(webGcj(p)).toEqual(serverGcj(p));
    }
    expect(webGcj({ lat: 51.5, lng: -0.12 })).toEqual({ lat: 51.5, lng: -0.12 });
  });

  it('numbers tiles like the OSM slippy-map formula (Wuhan 30.5928, 114.3055 at z=14: x 13394, y 6728)', () => {
    const w = worldPixel({ lat: 30.5928, lng: 114.3055 }, 14);
    expect(Math.floor(w.x / 256)).toBe(13394);
    expect(Math.floor(w.y / 256)).toBe(6728);
  });

  it('fits a radius: 1,000 m spans the pixels asked for', () => {
    const z = zoomToFit(30.6, 1000, 150);
    expect(1000 / metresPerPixel(30.6, z)).toBeCloseTo(150, 6);
  });

  it('covers the view with tiles of the zoom below, scaled, with {s} {x} {y} {z} filled', () => {
    const tiles = tilesFor({
      template: 'https://{s}.tile.example/{z}/{x}/{y}.png',
      subdomains: 'abc',
      centre: { lat: 30.6, lng: 114.14 },
      zf: 14.5,
      maxZoom: 18,
      width: 360,
      height: 360,
    });
    expect(tiles.length).toBeGreaterThanOrEqual(1);
    for (const t of tiles) {
      expect(t.url).toMatch(/^https:\/\/[abc]\.tile\.example\/14\/\d+\/\d+\.png$/);
      expect(t.size).toBeCloseTo(256 * Math.SQRT2, 6);
      expect(t.x).toBeLessThan(360);
      expect(t.x + t.size).toBeGreaterThan(0);
    }
  });
});
