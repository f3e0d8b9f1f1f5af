// The map panel's geometry, in the browser: Web-Mercator world pixels at a (fractional) zoom, the zoom that fits a
// radius, the raster tiles covering the view, and WGS-84 → GCJ-02 for tiles drawn in GCJ-02 (高德/腾讯).
// The conversion mirrors src/server/platform/geo.ts (web code cannot import server code);
// test/servicemap/projection.test.ts checks the two agree.

export interface LatLng {
  lat: number;
  lng: number;
}

const TILE = 256;
/** Metres per pixel at zoom 0 on the equator (Web Mercator, 256-pixel tiles). */
const MPP_Z0 = 156_543.033_92;

/** A position in world pixels at zoom z. */
export function worldPixel(p: LatLng, z: number): { x: number; y: number } {
  const scale = TILE * 2 ** z;
  const lat = Math.max(-85.05112878, Math.min(85.05112878, p.lat));
  const s = Math.sin((lat * Math.PI) / 180);
  return {
    x: ((p.lng + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale,
  };
}

/** Metres per pixel at latitude `lat` and zoom z. */
export function metresPerPixel(lat: number, z: number): number {
  return (MPP_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** z;
}

/** The fractional zoom at which `metres` spans `pixels` at latitude `lat`. */
export function zoomToFit(lat: number, metres: number, pixels: number): number {
  return Math.log2((MPP_Z0 * Math.cos((lat * Math.PI) / 180) * pixels) / metres);
}

export interface TilePlacement {
  url: string;
  x: number;
  y: number;
  size: number;
  key: string;
}

/**
 * The tiles covering a width × height view centred on `centre` at fractional zoom zf: drawn from the integer zoom
 * below it (at most maxZoom), scaled up to match.
 */
export function tilesFor(opts: {
  template: string;
  subdomains: string;
  centre: LatLng;
  zf: number;
  maxZoom: number;
  width: number;
  height: number;
}): TilePlacement[] {
  const zt = Math.max(0, Math.min(opts.maxZoom, Math.floor(opts.zf)));
  const scale = 2 ** (opts.zf - zt);
  const c = worldPixel(opts.centre, zt);
  const size = TILE * scale;
  const n = 2 ** zt;
  const x0 = Math.floor((c.x - opts.width / 2 / scale) / TILE);
  const x1 = Math.floor((c.x + opts.width / 2 / scale) / TILE);
  const y0 = Math.floor((c.y - opts.height / 2 / scale) / TILE);
  const y1 = Math.floor((c.y + opts.height / 2 / scale) / TILE);
  const out: TilePlacement[] = [];
  for (let ty = Math.max(0, y0); ty <= Math.min(n - 1, y1); ty++) {
    for (let tx = x0; tx <= x1; tx++) {
      const wx = ((tx % n) + n) % n;
      const sub = opts.subdomains[Math.abs(tx + ty) % opts.subdomains.length] ?? '';
      out.push({
        url: opts.template
          .replace('{z}', String(zt))
          .replace('{x}', String(wx))
          .replace('{y}', String(ty))
          .replace('{s}', sub),
        x: (tx * TILE - c.x) * scale + opts.width / 2,
        y: (ty * TILE - c.y) * scale + opts.height / 2,
        size,
        key: `${zt}/${tx}/${ty}`,
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ GCJ-02

function outOfChina(p: LatLng): boolean {
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

/** WGS-84 → GCJ-02 (unchanged outside China): where a WGS-84 position sits on GCJ-02 tiles. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const a = 6_378_245.0;
  const ee = 0.006693421622965943;
  const radLat = (p.lat / 180.0) * Math.PI;
  const s = Math.sin(radLat);
  const magic = 1 - ee * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(p.lng - 105.0, p.lat - 35.0) * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(p.lng - 105.0, p.lat - 35.0) * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}
