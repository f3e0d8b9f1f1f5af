// Distances between WGS-84 points (geofenced check-in, "near me" merchants).

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in whole metres. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const R = 6_371_000;
  const rad = (x: number) => (x * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return Math.round(2 * R * Math.asin(Math.sqrt(h)));
}

// ------------------------------------------------------------------------------------------------ WGS-84 ⇄ GCJ-02
// Maps published in China (高德/AMap, 腾讯/Tencent, WeChat's wx.getLocation type 'gcj02') use GCJ-02, WGS-84
// shifted by a published obfuscation formula (hundreds of metres). linli stores WGS-84 and converts at the edge.
// The formula is the widely reproduced one (Krasovsky ellipsoid a = 6378245 m, ee = 0.00669342162296594323), as in
// wandergis/coordtransform and googollee/eviltransform; outside China's bounding box GCJ-02 equals WGS-84.

/** The coordinate systems the API speaks. */
export const COORD_SYSTEMS = ['wgs84', 'gcj02'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];

const KRASOVSKY_A = 6_378_245.0;
const KRASOVSKY_EE = 0.006693421622965943; // published as 0.00669342162296594323 (the same double)

/** True outside the rough bounding box where GCJ-02 applies (there it equals WGS-84). */
export function outOfChina(p: LatLng): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function shiftLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** A WGS-84 position as GCJ-02 (unchanged outside China). */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const radLat = (p.lat / 180.0) * Math.PI;
  const s = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (shiftLat(p.lng - 105.0, p.lat - 35.0) * 180.0) /
    (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng =
    (shiftLng(p.lng - 105.0, p.lat - 35.0) * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/**
 * A GCJ-02 position as WGS-84. The formula has no closed inverse: start from the one-step estimate and correct by
 * the forward error until it is below 1e-7° (about 1 cm; usually 2–3 rounds).
 */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  let lat = p.lat;
  let lng = p.lng;
  for (let i = 0; i < 30; i++) {
    const f = wgs84ToGcj02({ lat, lng });
    const eLat = f.lat - p.lat;
    const eLng = f.lng - p.lng;
    lat -= eLat;
    lng -= eLng;
    if (Math.abs(eLat) < 1e-7 && Math.abs(eLng) < 1e-7) break;
  }
  return { lat, lng };
}

/** A position given in `from` as WGS-84. */
export function toWgs84(p: LatLng, from: CoordSystem): LatLng {
  return from === 'gcj02' ? gcj02ToWgs84(p) : { lat: p.lat, lng: p.lng };
}

/** A WGS-84 position in the system `to`. */
export function fromWgs84(p: LatLng, to: CoordSystem): LatLng {
  return to === 'gcj02' ? wgs84ToGcj02(p) : { lat: p.lat, lng: p.lng };
}

// ------------------------------------------------------------------------------------------------ search helpers

/** Metres per degree of latitude on the sphere distanceMetres uses. */
const METRES_PER_DEGREE = (6_371_000 * Math.PI) / 180;

/**
 * A lat/lng box that contains every point within `radius` metres of `centre` (a little larger, never smaller): the
 * index prefilter before the exact distance. Longitude degrees shrink with latitude, measured at the box's edge
 * nearest a pole so the box never cuts the circle.
 */
export function boundingBox(
  centre: LatLng,
  radius: number,
): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = (radius / METRES_PER_DEGREE) * 1.01;
  const minLat = Math.max(-90, centre.lat - dLat);
  const maxLat = Math.min(90, centre.lat + dLat);
  const cos = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  const dLng = cos > 1e-6 ? Math.min(180, dLat / cos) : 180;
  return { minLat, maxLat, minLng: Math.max(-180, centre.lng - dLng), maxLng: Math.min(180, centre.lng + dLng) };
}

/** Walking pace of the 15-minute circle: 1,000 m in 15 minutes (4 km/h, an unhurried older walker). */
export const WALK_METRES_PER_15_MINUTES = 1000;

/** Whole minutes to walk a straight-line distance at that pace (at least 1). */
export function walkingMinutes(metres: number): number {
  return Math.max(1, Math.ceil((metres * 15) / WALK_METRES_PER_15_MINUTES));
}
