// The service map's settings: a tile URL template is checked at start (a bad one stops the server naming the
// variable), the tile coordinate system and the fallback centre are parsed, and nothing set means no tiles.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('service map config', () => {
  it('draws no tiles by default', () => {
    expect(loadConfig({}).map).toEqual({
      tileUrl: null,
      tileSubdomains: 'abc',
      tileCoord: 'wgs84',
      tileAttribution: null,
      tileMaxZoom: 18,
      centre: null,
    });
    expect(loadConfig({}).publicRateLimit).toBe(300);
  });

  it('takes a GCJ-02 tile template with subdomains and a centre', () => {
    const c = loadConfig({
      LINLI_MAP_TILE_URL: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8',
      LINLI_MAP_TILE_SUBDOMAINS: '1234',
      LINLI_MAP_TILE_COORD: 'GCJ02',
      LINLI_MAP_TILE_ATTRIBUTION: '© 高德地图',
      LINLI_MAP_CENTRE: '30.6205, 114.1401',
    }).map;
    expect(c).toMatchObject({ tileSubdomains: '1234', tileCoord: 'gcj02', centre: { lat: 30.6205, lng: 114.1401 } });
  });

  it.each([
    ['LINLI_MAP_TILE_URL', 'https://tile.example/{z}/{x}.png'],
    ['LINLI_MAP_TILE_URL', 'ftp://tile.example/{z}/{x}/{y}.png'],
    ['LINLI_MAP_TILE_COORD', 'bd09'],
    ['LINLI_MAP_CENTRE', '114.14,30.62'],
    ['LINLI_MAP_CENTRE', 'somewhere'],
    ['LINLI_MAP_TILE_SUBDOMAINS', 'a.b'],
    ['PUBLIC_RATE_LIMIT', '0'],
  ])('stops on a bad %s (%s), naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
