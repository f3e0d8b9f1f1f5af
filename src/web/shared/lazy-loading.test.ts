// Everything the web apps load lazily goes through reloadOnce (or lazyPages, which uses it): it reloads once after a
// deploy, and it brings the strings only lazy pages use (i18n.pages.ts) — a bare lazy(() => import(…)) would show
// raw message keys when it is the first lazy thing to load.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('lazy loading in the web apps', () => {
  it('wraps every React.lazy import in reloadOnce', () => {
    const bare: string[] = [];
    for (const f of sources('src/web')) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\blazy\(\s*\(\)\s*=>\s*import\(/g))
        bare.push(`${f}:${text.slice(0, m.index).split('\n').length}`);
    }
    expect(bare).toEqual([]);
  });
});
