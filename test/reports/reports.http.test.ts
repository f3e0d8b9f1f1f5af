// HTTP tests of grid reports on both databases: photo uploads refused by content (a non-image, a fake extension, an
// oversized file, too many pixels) with a clear message and nothing stored; an accepted photo stored as a fresh JPEG
// without EXIF/GPS, upright and phone-sized, 0600 on disk; who may fetch a photo; the whole flow end to end through
// HTTP (rider reports with a photo, the grid worker resolves with a photo, the rider confirms and is paid once, the
// public board shows it without the rider); every write route declares its audit.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRoutes } from '../../src/server/modules/reports/index.js';
import {
  anon,
  clientFor,
  type Client,
  DIALECTS,
  makeTree,
  makeUser,
  testApp,
  type TestEnv,
  type TestUser,
  type Tree,
} from '../support.js';
import { filesUnder, jpegWithGps, pngOf, reportEnv } from './reports.fixtures.js';

describe.each(DIALECTS)('reports over HTTP on %s', (dialect) => {
  let env: TestEnv & { dataDir: string };
  let app: FastifyInstance;
  let tree: Tree;
  let rider: Client;
  let riderUser: TestUser;
  let worker: Client;
  let other: Client;
  const uploads = () => path.join(env.dataDir, 'uploads');

  beforeAll(async () => {
    env = await reportEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    riderUser = await makeUser(env.deps, { home: tree.gridA, displayName: '骑手小王' });
    rider = await clientFor(app, riderUser);
    worker = await clientFor(app, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA }));
    other = await clientFor(app, await makeUser(env.deps, { home: tree.gridB }));
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  const photoRows = async () =>
    Number(
      (
        await env.deps.db
          .selectFrom('report_photos')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const upload = (c: Client, data: Buffer | string, filename = 'photo.jpg', headers: Record<string, string> = {}) =>
    c.request(
      'POST',
      '/api/v1/report-photos',
      { contentBase64: typeof data === 'string' ? data : data.toString('base64'), filename },
      headers,
    );

  it.each([
    ['a text file', Buffer.from('这不是照片，只是一段文字。'.repeat(20)), 'notes.txt'],
    ['a text file named like a photo (fake extension)', Buffer.from('#!/bin/sh\necho pwned\n'), 'photo.jpg'],
    [
      'an SVG (not a photo format)',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'),
      'x.png',
    ],
    [
      'a JPEG signature followed by garbage',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]),
      'a.jpg',
    ],
    ['an HTML page', Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpeg'],
  ])('refuses %s with a clear message and stores nothing', async (_what, data, filename) => {
    const rows = await photoRows();
    const files = filesUnder(uploads()).length;
    const res = await upload(rider, data, filename);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'PHOTO_NOT_IMAGE',
      message: expect.stringContaining('不是可以识别的照片'),
    });
    const en = await upload(rider, data, filename, { 'accept-language': 'en' });
    expect(en.json<{ message: string }>().message).toContain('not a photo');
    expect(await photoRows()).toBe(rows);
    expect(filesUnder(uploads())).toHaveLength(files);
  });

  it('refuses something that is not base64 at all', async () => {
    const res = await upload(rider, '!!!! not base64 ####');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'PHOTO_NOT_IMAGE' });
  });

  it('refuses a file over 10 MB, and one over 40 megapixels, storing nothing', async () => {
    const rows = await photoRows();
    const files = filesUnder(uploads()).length;
    const big = Buffer.concat([await jpegWithGps(), Buffer.alloc(10.5 * 1024 * 1024, 1)]);
    const res = await upload(rider, big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PHOTO_TOO_LARGE', message: '照片太大了，每张不能超过 10 MB' });
    const huge = await pngOf(8000, 6000);
    expect(huge.length).toBeLessThan(10 * 1024 * 1024);
    const res2 = await upload(rider, huge, 'huge.png');
    expect(res2.statusCode).toBe(422);
    expect(res2.json()).toMatchObject({ code: 'PHOTO_TOO_MANY_PIXELS' });
    expect(await photoRows()).toBe(rows);
    expect(filesUnder(uploads())).toHaveLength(files);
  });

  it('stores an accepted photo re-encoded: JPEG, upright, no EXIF or GPS, phone-sized with a thumbnail, 0600', async () => {
    const input = await jpegWithGps(3200, 2400);
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const res = await upload(rider, input, 'IMG_0001.HEIC');
    expect(res.statusCode).toBe(201);
    const p = res.json<{ id: string; url: string; thumbUrl: string; width: number; height: number }>();
    // Orientation 6 (turned 90°): the stored photo is upright, 1200 × 1600 after the resize to 1600 px.
    expect([p.width, p.height]).toEqual([1200, 1600]);
    const full = await rider.request('GET', p.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(full.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(full.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(full.rawPayload.includes(Buffer.from('TestCam'))).toBe(false);
    const thumb = await rider.request('GET', p.thumbUrl);
    expect(Math.max(...[(await sharp(thumb.rawPayload).metadata()).width ?? 0, 0])).toBeLessThanOrEqual(320);
    // A PNG named .txt is still a photo (the content decides), stored as JPEG.
    const png = await upload(rider, await pngOf(200, 100), 'not-really.txt');
    expect(png.statusCode).toBe(201);
    const files = filesUnder(uploads());
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      expect(f.endsWith('.jpg')).toBe(true);
      expect(fs.statSync(path.join(uploads(), f)).mode & 0o777).toBe(0o600);
      expect((await sharp(path.join(uploads(), f)).metadata()).format).toBe('jpeg');
    }
    // Nobody else may fetch a photo not yet attached to a report.
    expect((await other.request('GET', p.url)).statusCode).toBe(404);
    expect((await anon(app, 'GET', p.url)).statusCode).toBe(404);
  });

  it('accepts WebP and HEIF-family (AVIF) photos by their content, stored as JPEG', async () => {
    const base = sharp({ create: { width: 120, height: 80, channels: 3, background: '#36c' } });
    for (const [data, name] of [
      [await base.clone().webp().toBuffer(), 'a.webp'],
      [await base.clone().avif().toBuffer(), 'b.heic'],
    ] as const) {
      const res = await upload(rider, data, name);
      expect(res.statusCode, res.body).toBe(201);
      const got = await rider.request('GET', res.json<{ url: string }>().url);
      expect((await sharp(got.rawPayload).metadata()).format).toBe('jpeg');
    }
  });

  it('runs the whole flow: report with a photo, resolve with a photo, confirm once, public board without the rider', async () => {
    const photo = (await upload(rider, await jpegWithGps())).json<{ id: string; url: string }>();
    const nearby = await rider.request(
      'GET',
      `/api/v1/reports/nearby?category=flying_wire&lat=31.2304&lng=121.4737&coord=gcj02`,
    );
    expect(nearby.statusCode).toBe(200);
    const created = await rider.request('POST', '/api/v1/reports', {
      category: 'flying_wire',
      description: '5号楼门口有人从窗户拉电线给电瓶车充电',
      photoIds: [photo.id],
      lat: 31.2304,
      lng: 121.4737,
      coord: 'gcj02',
      address: '幸福小区东门旁车棚',
    });
    expect(created.statusCode).toBe(201);
    const r = created.json<{ id: string; status: string; photos: Array<{ id: string }> }>();
    expect(r.status).toBe('submitted');
    expect(r.photos.map((p) => p.id)).toEqual([photo.id]);
    // The photo cannot be used twice.
    const again = await rider.request('POST', '/api/v1/reports', {
      category: 'flying_wire',
      description: '再报一次',
      photoIds: [photo.id],
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'REPORT_PHOTO_USED' });

    const board = await worker.request('GET', '/api/v1/reports?status=submitted');
    expect(
      board.json<{ items: Array<{ id: string; reporterName: string | null }> }>().items.find((i) => i.id === r.id),
    ).toMatchObject({ reporterName: '骑手小王' });
    expect((await worker.request('POST', `/api/v1/reports/${r.id}/accept`, {})).statusCode).toBe(200);
    // A resident cannot take staff steps: the report is not found for them that way.
    expect((await rider.request('POST', `/api/v1/reports/${r.id}/start`, {})).statusCode).toBe(404);
    const assignees = (await worker.request('GET', `/api/v1/reports/${r.id}/assignees`)).json<{
      items: Array<{ userId: string }>;
    }>();
    expect(
      (await worker.request('POST', `/api/v1/reports/${r.id}/assign`, { assigneeUserId: assignees.items[0]!.userId }))
        .statusCode,
    ).toBe(200);
    expect((await worker.request('POST', `/api/v1/reports/${r.id}/start`, {})).statusCode).toBe(200);
    const fix = (await upload(worker, await pngOf(300, 200))).json<{ id: string }>();
    const res = await worker.request('POST', `/api/v1/reports/${r.id}/resolve`, {
      note: '已拆除飞线',
      photoIds: [fix.id],
    });
    expect(res.statusCode).toBe(200);
    // A step out of order is a 409 with the words of the state.
    const wrong = await worker.request('POST', `/api/v1/reports/${r.id}/accept`, {});
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'REPORT_STATE', message: '该随手拍当前为“已处理待确认”，不能受理' });

    const confirm = await rider.request('POST', `/api/v1/reports/${r.id}/confirm`, {});
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ status: 'confirmed', rewardPoints: 5 });
    const twice = await rider.request('POST', `/api/v1/reports/${r.id}/confirm`, {});
    expect(twice.json()).toMatchObject({ status: 'confirmed', rewardPoints: 5 });
    const journals = await env.deps.db
      .selectFrom('journals')
      .select('id')
      .where('idempotency_key', '=', `report-reward:${r.id}`)
      .execute();
    expect(journals).toHaveLength(1);

    const detail = (await rider.request('GET', `/api/v1/reports/${r.id}`)).json<{
      timeline: Array<{ kind: string; photos: Array<{ id: string }> }>;
    }>();
    expect(detail.timeline.find((s) => s.kind === 'resolve')?.photos.map((p) => p.id)).toEqual([fix.id]);

    const pub = await anon(app, 'GET', `/api/v1/public/reports?districtId=${tree.district.id}`);
    expect(pub.statusCode).toBe(200);
    const item = pub.json<{ items: Array<{ id: string; status: string }> }>().items.find((i) => i.id === r.id);
    expect(item).toMatchObject({ status: 'confirmed' });
    expect(pub.body).not.toContain('骑手小王');
    expect(pub.body).not.toContain(riderUser.id);
    expect(pub.body).not.toContain(riderUser.phone);
    expect(pub.body).not.toContain('幸福小区东门旁车棚');
    // Its photos are public now; a private report's are not.
    expect((await anon(app, 'GET', photo.url)).statusCode).toBe(200);
    const hidden = (await upload(rider, await pngOf(50, 50))).json<{ id: string; url: string }>();
    const priv = await rider.request('POST', '/api/v1/reports', {
      category: 'dispute',
      description: '邻居噪音',
      photoIds: [hidden.id],
      visibility: 'private',
    });
    expect(priv.statusCode).toBe(201);
    expect((await anon(app, 'GET', hidden.url)).statusCode).toBe(404);
    expect((await other.request('GET', hidden.url)).statusCode).toBe(404);
    expect((await worker.request('GET', hidden.url)).statusCode).toBe(200);
    expect((await anon(app, 'GET', `/api/v1/public/reports/${priv.json<{ id: string }>().id}`)).statusCode).toBe(404);
    // The staff list needs a login.
    expect((await anon(app, 'GET', '/api/v1/reports')).statusCode).toBe(401);
  });

  it('answers validation in Chinese: too many photos, a missing description, half a position', async () => {
    const res = await rider.request('POST', '/api/v1/reports', {
      category: 'hazard',
      description: '',
      photoIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('每次最多上传 6 张照片');
    expect(res.body).toContain('不能为空');
    const half = await rider.request('POST', '/api/v1/reports', {
      category: 'hazard',
      description: '路灯坏了',
      lat: 31.2,
    });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain('经度和纬度要一起填写');
  });

  it('declares the audit of every write route', async () => {
    const f = Fastify();
    f.setValidatorCompiler(validatorCompiler);
    f.setSerializerCompiler(serializerCompiler);
    const writes: Array<{ method: string; url: string; audit: unknown }> = [];
    f.addHook('onRoute', (r) => {
      const methods = ([] as string[]).concat(r.method);
      if (methods.some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m)))
        writes.push({
          method: methods.join(','),
          url: r.url,
          audit: (r.config as { audit?: unknown } | undefined)?.audit,
        });
    });
    reportRoutes(f, env.deps);
    await f.ready();
    expect(writes.length).toBeGreaterThanOrEqual(15);
    for (const w of writes) expect(w.audit, `${w.method} ${w.url}`).toBeTruthy();
    expect(writes.find((w) => w.url === '/api/v1/reports/:id/accept')?.audit).toEqual(['report.accepted']);
    await f.close();
  });

  it('reads and changes the district’s report settings (district admin only, audited)', async () => {
    const admin = await clientFor(app, await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }));
    const url = `/api/v1/districts/${tree.district.id}/report-settings`;
    const s = (await rider.request('GET', url)).json<{ categories: Array<{ key: string; points: number }> }>();
    expect(s.categories.find((c) => c.key === 'hotline')?.points).toBe(0);
    expect((await worker.request('PATCH', url, { dailyCapPoints: 30 })).statusCode).toBe(404);
    const changed = await admin.request('PATCH', url, { dailyCapPoints: 30 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ dailyCapPoints: 30 });
    const dup = await admin.request('PATCH', url, {
      categories: [
        { key: 'a', name: '甲', points: 1 },
        { key: 'a', name: '乙', points: 1 },
      ],
    });
    expect(dup.statusCode).toBe(422);
    const cats = (await rider.request('GET', '/api/v1/report-categories')).json<{ categories: unknown[] }>();
    expect(cats.categories.length).toBeGreaterThan(5);
  });
  it('lets a passer-by with no home list a community’s categories and grids, upload and report there', async () => {
    const elsewhere = await makeTree(env.deps, `过路区${Date.now() % 100000}`);
    const passer = await clientFor(app, await makeUser(env.deps));
    expect((await passer.request('GET', '/api/v1/report-categories')).statusCode).toBe(404);
    const cats = await passer.request('GET', `/api/v1/report-categories?communityId=${elsewhere.communityA.id}`);
    expect(cats.statusCode).toBe(200);
    expect(cats.json()).toMatchObject({
      districtId: elsewhere.district.id,
      communityId: elsewhere.communityA.id,
      grids: [{ id: elsewhere.gridA.id, name: '甲一网格' }],
    });
    expect(
      (await passer.request('GET', `/api/v1/report-categories?communityId=${elsewhere.gridA.id}`)).statusCode,
    ).toBe(404);
    const photo = await passer.request('POST', '/api/v1/report-photos', {
      contentBase64: (await pngOf(40, 30)).toString('base64'),
      communityId: elsewhere.communityA.id,
    });
    expect(photo.statusCode).toBe(201);
    const near = await passer.request(
      'GET',
      `/api/v1/reports/nearby?category=hazard&lat=30.1&lng=114.1&communityId=${elsewhere.communityA.id}`,
    );
    expect(near.statusCode).toBe(200);
    const created = await passer.request('POST', '/api/v1/reports', {
      category: 'hazard',
      description: '路口井盖松动，电动车压过去会翻',
      gridId: elsewhere.gridA.id,
      photoIds: [photo.json<{ id: string }>().id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ districtId: elsewhere.district.id, gridId: elsewhere.gridA.id, mine: true });
  });
});
