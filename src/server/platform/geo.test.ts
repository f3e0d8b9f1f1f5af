// WGS-84 ⇄ GCJ-02 against published reference pairs, a round-trip property over China, the out-of-China rule, and the
// search helpers (bounding box, walking minutes).
import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  distanceMetres,
  fromWgs84,
  gcj02ToWgs84,
  type LatLng,
  outOfChina,
  toWgs84,
  walkingMinutes,
  wgs84ToGcj02,
} from './geo.js';

// [wgsLat, wgsLng, gcjLat, gcjLng]. The first three are the test vectors of googollee/eviltransform
// (python/tests.py, also its Go and PHP tests: Shanghai, Shenzhen, Beijing); the fourth is wandergis/coordtransform's
// README/test/app.js example (wgs84togcj02(116.404, 39.915) → [116.41024449916938, 39.91640428150164]).
const REFERENCE: Array<[string, number, number, number, number]> = [
  ['Shanghai', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
  ['Shenzhen', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
  ['Beijing', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ['Beijing (coordtransform)', 39.915, 116.404, 39.91640428150164, 116.41024449916938],
];

/** A small deterministic generator (mulberry32), so a failing case is reproducible. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('WGS-84 → GCJ-02', () => {
  it.each(REFERENCE)('matches the published pair for %s', (_, wLat, wLng, gLat, gLng) => {
    const g = wgs84ToGcj02({ lat: wLat, lng: wLng });
    expect(g.lat).toBeCloseTo(gLat, 9);
    expect(g.lng).toBeCloseTo(gLng, 9);
  });

  it('shifts a point in China by a few hundred metres', () => {
    const p = { lat: 30.6205, lng: 114.1401 };
    const d = distanceMetres(p, wgs84ToGcj02(p));
    expect(d).toBeGreaterThan(100);
    expect(d).toBeLessThan(1000);
  });
});

describe('GCJ-02 → WGS-84 (iterated)', () => {
  it.each(REFERENCE)('recovers the WGS-84 point of %s to better than 1e-6°', (_, wLat, wLng, gLat, gLng) => {
    const w = gcj02ToWgs84({ lat: gLat, lng: gLng });
    expect(Math.abs(w.lat - wLat)).toBeLessThan(1e-6);
    expect(Math.abs(w.lng - wLng)).toBeLessThan(1e-6);
  });

  it('round-trips 2,000 random points across China both ways to < 1e-6°', () => {
    const next = random(20261204);
    for (let i = 0; i < 2000; i++) {
      const p: LatLng = { lat: 18 + next() * 35, lng: 74 + next() * 60 };
      const there = gcj02ToWgs84(wgs84ToGcj02(p));
      expect(Math.abs(there.lat - p.lat)).toBeLessThan(1e-6);
      expect(Math.abs(there.lng - p.lng)).toBeLessThan(1e-6);
      const back = wgs84ToGcj02(gcj02ToWgs84(p));
      expect(Math.abs(back.lat - p.lat)).toBeLessThan(1e-6);
      expect(Math.abs(back.lng - p.lng)).toBeLessThan(1e-6);
    }
  });
});

describe('outside China', () => {
  it.each([
    ['London', 51.5074, -0.1278],
    ['Tokyo (east of the box)', 35.6762, 139.6503],
    ['Singapore (south of the box)', 0.3521, 103.8198],
    ['Moscow (north of the box)', 55.9, 37.6],
  ])('leaves %s unchanged both ways', (_, lat, lng) => {
    expect(outOfChina({ lat, lng })).toBe(true);
    expect(wgs84ToGcj02({ lat, lng })).toEqual({ lat, lng });
    expect(gcj02ToWgs84({ lat, lng })).toEqual({ lat, lng });
  });

  it('treats Wuhan as inside', () => {
    expect(outOfChina({ lat: 30.6, lng: 114.3 })).toBe(false);
  });
});

describe('toWgs84 / fromWgs84', () => {
  it('leaves wgs84 alone and converts gcj02', () => {
    const p = { lat: 39.915, lng: 116.404 };
    expect(toWgs84(p, 'wgs84')).toEqual(p);
    expect(fromWgs84(p, 'wgs84')).toEqual(p);
    expect(fromWgs84(p, 'gcj02')).toEqual(wgs84ToGcj02(p));
    expect(toWgs84(fromWgs84(p, 'gcj02'), 'gcj02').lat).toBeCloseTo(p.lat, 7);
  });
});

describe('boundingBox', () => {
  it('contains every point of the circle (8 compass points at the radius)', () => {
    const c = { lat: 30.62, lng: 114.14 };
    const box = boundingBox(c, 1000);
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      // a point ~1000 m away in direction a
      const p = {
        lat: c.lat + ((1000 * Math.cos(a)) / 6_371_000) * (180 / Math.PI),
        lng: c.lng + ((1000 * Math.sin(a)) / (6_371_000 * Math.cos((c.lat * Math.PI) / 180))) * (180 / Math.PI),
      };
      expect(distanceMetres(c, p)).toBeGreaterThanOrEqual(999);
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
      expect(p.lng).toBeLessThanOrEqual(box.maxLng);
    }
  });
});

describe('walkingMinutes', () => {
  it('counts 1,000 m as 15 minutes, rounding up, at least 1', () => {
    expect(walkingMinutes(1000)).toBe(15);
    expect(walkingMinutes(500)).toBe(8);
    expect(walkingMinutes(0)).toBe(1);
    expect(walkingMinutes(67)).toBe(2);
  });
});
