// The bundle budget as a test, so `npm test` (which builds the web apps first) fails when a first load grows past
// it: H5 ≤ 250 kB, console ≤ 400 kB of gzipped JavaScript (scripts/bundle-budget.mjs; `npm run size` prints them).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const built = ['h5', 'console'].every((app) => fs.existsSync(path.resolve('dist/web', app, 'index.html')));

describe.skipIf(!built)('bundle budget', () => {
  it('keeps the first load of both web apps within budget', () => {
    const run = spawnSync(process.execPath, ['scripts/bundle-budget.mjs'], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toMatch(/^h5: first load .* ok$/m);
    expect(run.stdout + run.stderr).toMatch(/^console: first load .* ok$/m);
    expect(run.status).toBe(0);
  });
});
