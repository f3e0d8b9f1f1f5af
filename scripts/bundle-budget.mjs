#!/usr/bin/env node
// Bundle budget: the JavaScript a first visit downloads, gzipped, per web app. "First load" is the entry script
// plus every chunk index.html modulepreloads (the chunks loaded later, on a route or a language switch, are not
// counted). Run after `npm run build:web`; exits 1 when an app is over its budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const KB = 1000; // kB as Vite prints them

const apps = [
  { name: 'h5', dir: 'dist/web/h5', base: '/', budgetKb: 250 },
  { name: 'console', dir: 'dist/web/console', base: '/admin/', budgetKb: 400 },
];

/** The script and modulepreload URLs of an index.html, in document order. */
function firstLoadScripts(html) {
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

let over = false;
for (const app of apps) {
  const dir = join(root, app.dir);
  let html;
  try {
    html = readFileSync(join(dir, 'index.html'), 'utf8');
  } catch {
    console.error(`${app.name}: ${app.dir}/index.html not found — run npm run build:web first`);
    process.exit(1);
  }
  let raw = 0;
  let gzip = 0;
  const rows = [];
  for (const url of firstLoadScripts(html)) {
    if (!url.startsWith(app.base)) throw new Error(`${app.name}: unexpected script URL ${url}`);
    const bytes = readFileSync(join(dir, url.slice(app.base.length)));
    const gz = gzipSync(bytes).length;
    raw += bytes.length;
    gzip += gz;
    rows.push(
      `  ${url.padEnd(48)} ${(bytes.length / KB).toFixed(1).padStart(8)} kB ${(gz / KB).toFixed(1).padStart(7)} kB gzip`,
    );
  }
  const ok = gzip <= app.budgetKb * KB;
  if (!ok) over = true;
  console.log(
    `${app.name}: first load ${(raw / KB).toFixed(1)} kB, ${(gzip / KB).toFixed(1)} kB gzip (budget ${app.budgetKb} kB gzip) ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
  for (const row of rows) console.log(row);
}
process.exit(over ? 1 : 0);
