// Environment → typed config. A bad value stops the process with a message naming the variable.
import { isIP } from 'node:net';
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: LogLevel;
  /** Hex secret for session signing and field encryption; generated into DATA_DIR when unset. */
  secret: string | null;
  cookieSecure: boolean;
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For): none by default (a made-up
   * header cannot dodge the login limit), or the proxies' addresses/CIDRs (`TRUST_PROXY`).
   */
  trustProxy: false | string[];
  /** Login attempts allowed per IP per minute. */
  loginRateLimit: number;
  demoPassword: string;
  /** Seed the demo district on first start of an empty database. */
  seedDemo: boolean;
  webDir: string;
  /** External notification channels (HTTP providers); none configured → the in-app inbox only. */
  notify: NotifyConfig;
  /** The service map (docs/SERVICE_MAP.md): raster tiles under the map, or none (markers on a plain background). */
  map: MapConfig;
  /** Requests per IP per minute on the public (no sign-in) service-map reads. */
  publicRateLimit: number;
}

export interface MapConfig {
  /** Tile URL template with {x} {y} {z} (and optionally {s}); null draws no tiles. */
  tileUrl: string | null;
  /** Letters or digits substituted for {s}. */
  tileSubdomains: string;
  /** The coordinate system the tiles are drawn in: gcj02 for 高德/腾讯 tiles, wgs84 for OpenStreetMap and most others. */
  tileCoord: 'wgs84' | 'gcj02';
  tileAttribution: string | null;
  tileMaxZoom: number;
  /** Where the map starts (WGS-84) when neither the browser nor the person's community gives a position. */
  centre: { lat: number; lng: number } | null;
}

/** SMS and WeChat template-message providers (see docs/NOTIFICATIONS.md). */
export interface NotifyConfig {
  smsUrl: string | null;
  smsToken: string | null;
  wechatUrl: string | null;
  wechatToken: string | null;
  wechatTemplateId: string | null;
  /** Attempts per delivery before it is logged as failed. */
  maxAttempts: number;
  /** Wait before the first retry; doubled each time. */
  retryBaseMs: number;
}

/** Raised for an invalid environment variable; main prints it and exits. */
export class ConfigError extends Error {}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function int(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function bool(env: NodeJS.ProcessEnv, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** The service-map settings: LINLI_MAP_TILE_URL, _SUBDOMAINS, _COORD, _ATTRIBUTION, _MAX_ZOOM, LINLI_MAP_CENTRE. */
function mapConfig(env: NodeJS.ProcessEnv): MapConfig {
  const tileUrl = env.LINLI_MAP_TILE_URL?.trim() || null;
  if (tileUrl && (!/^https?:\/\/[^\s]+$/.test(tileUrl) || !['{x}', '{y}', '{z}'].every((p) => tileUrl.includes(p)))) {
    throw new ConfigError(
      `LINLI_MAP_TILE_URL must be an http(s) URL template containing {x}, {y} and {z} (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png), got "${tileUrl}"`,
    );
  }
  const tileSubdomains = env.LINLI_MAP_TILE_SUBDOMAINS?.trim() || 'abc';
  if (!/^[0-9a-z]{1,10}$/i.test(tileSubdomains)) {
    throw new ConfigError(
      `LINLI_MAP_TILE_SUBDOMAINS must be 1–10 letters or digits (each one a subdomain), got "${tileSubdomains}"`,
    );
  }
  const tileCoord = (env.LINLI_MAP_TILE_COORD?.trim() || 'wgs84').toLowerCase();
  if (tileCoord !== 'wgs84' && tileCoord !== 'gcj02') {
    throw new ConfigError(
      `LINLI_MAP_TILE_COORD must be wgs84 or gcj02 (高德/腾讯 tiles), got "${env.LINLI_MAP_TILE_COORD}"`,
    );
  }
  const rawCentre = env.LINLI_MAP_CENTRE?.trim() || null;
  let centre: MapConfig['centre'] = null;
  if (rawCentre) {
    const m = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(rawCentre);
    const lat = Number(m?.[1]);
    const lng = Number(m?.[2]);
    if (!m || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw new ConfigError(
        `LINLI_MAP_CENTRE must be "lat,lng" in WGS-84 degrees (e.g. 30.6205,114.1401), got "${rawCentre}"`,
      );
    }
    centre = { lat, lng };
  }
  return {
    tileUrl,
    tileSubdomains,
    tileCoord,
    tileAttribution: env.LINLI_MAP_TILE_ATTRIBUTION?.trim() || null,
    tileMaxZoom: int(env, 'LINLI_MAP_TILE_MAX_ZOOM', 18, 1, 22),
    centre,
  };
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  if (!/^https?:\/\/[^\s]+$/.test(raw)) throw new ConfigError(`${name} must be an http(s):// URL, got "${raw}"`);
  return raw;
}

/** The notification channels: LINLI_SMS_URL/_TOKEN, LINLI_WECHAT_TEMPLATE_URL, LINLI_WECHAT_TOKEN, _TEMPLATE_ID. */
function notifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  return {
    smsUrl: httpUrl(env, 'LINLI_SMS_URL'),
    smsToken: env.LINLI_SMS_TOKEN?.trim() || null,
    wechatUrl: httpUrl(env, 'LINLI_WECHAT_TEMPLATE_URL'),
    wechatToken: env.LINLI_WECHAT_TOKEN?.trim() || null,
    wechatTemplateId: env.LINLI_WECHAT_TEMPLATE_ID?.trim() || null,
    maxAttempts: int(env, 'LINLI_NOTIFY_MAX_ATTEMPTS', 5, 1, 50),
    retryBaseMs: int(env, 'LINLI_NOTIFY_RETRY_SECONDS', 60, 1, 86400) * 1000,
  };
}

/**
 * TRUST_PROXY: empty or false → trust no proxy; else a comma list of the proxies' addresses or CIDRs (or
 * loopback / linklocal / uniquelocal). A hop count is refused: Fastify cannot check the peer with it.
 */
function trustProxy(env: NodeJS.ProcessEnv): false | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || ['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  const entries = raw.split(',').map((s) => s.trim());
  const ok = (s: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(s)) return true;
    const [addr = '', bits, ...rest] = s.split('/');
    const v = isIP(addr);
    return (
      v !== 0 &&
      rest.length === 0 &&
      (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128)))
    );
  };
  const bad = entries.find((s) => !ok(s));
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must list the reverse proxies' addresses or CIDRs, e.g. 10.0.0.5,loopback (a hop count or "true" is not accepted), got "${bad}"`,
    );
  }
  return entries;
}

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// (unset it to use the embedded SQLite), got "${databaseUrl}"`,
    );
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const secret = env.LINLI_SECRET?.trim() || null;
  if (secret && !/^[0-9a-f]{64}$/i.test(secret)) {
    throw new ConfigError('LINLI_SECRET must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`');
  }
  const demoPassword = env.LINLI_DEMO_PASSWORD || 'Linli@2026';
  if (demoPassword.length < 8) throw new ConfigError('LINLI_DEMO_PASSWORD must have at least 8 characters');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    logLevel,
    secret,
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    trustProxy: trustProxy(env),
    loginRateLimit: int(env, 'LOGIN_RATE_LIMIT', 30, 1, 100000),
    demoPassword,
    seedDemo: bool(env, 'LINLI_SEED_DEMO', true),
    webDir: path.resolve(env.LINLI_WEB_DIR || './dist/web'),
    notify: notifyConfig(env),
    map: mapConfig(env),
    publicRateLimit: int(env, 'PUBLIC_RATE_LIMIT', 300, 1, 1_000_000),
  };
}
