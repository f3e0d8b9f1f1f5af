// Fixtures of the report tests: a test env whose DATA_DIR is a fresh temporary directory, people, images.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Dialect } from '../../src/server/db/database.js';
import type { OrgNode } from '../../src/server/modules/org/index.js';
import type { Deps } from '../../src/server/platform/context.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import { createReport, type CreateReportInput } from '../../src/server/modules/reports/index.js';
import { actorOf, createTestEnv, makeUser, type TestEnv } from '../support.js';

/** A test env with its own DATA_DIR (uploads land there), removed on close. */
export async function reportEnv(dialect: Dialect): Promise<TestEnv & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-reports-'));
  const env = await createTestEnv(dialect, { dataDir });
  return {
    ...env,
    dataDir,
    close: async () => {
      await env.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every file under a directory (relative paths). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/** A person living at a node, as an actor. */
export async function residentAt(deps: Deps, home: OrgNode): Promise<Actor> {
  return actorOf(deps, await makeUser(deps, { home }));
}

/** A JPEG with EXIF (camera make, orientation 6 = turned 90°, and a GPS position in Beijing). */
export async function jpegWithGps(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 54/1 2700/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 23/1 2900/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export async function pngOf(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3c3' } })
    .png()
    .toBuffer();
}

/** A report submitted with defaults (飞线充电 at the reporter's home unless said otherwise). */
export function submit(deps: Deps, actor: Actor, over: Partial<CreateReportInput> = {}) {
  return createReport(deps, actor, {
    category: 'flying_wire',
    description: '3号楼楼道里有人飞线给电动车充电',
    photoIds: [],
    coord: 'wgs84',
    anonymous: false,
    visibility: 'public',
    ...over,
  });
}
