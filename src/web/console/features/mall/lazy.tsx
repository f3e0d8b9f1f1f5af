// The mall pages are loaded on first use (their own chunk), keeping the console's first load small.
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';

const RELOADED = 'linli.console.chunkReload';

/** After a new version is deployed, reload once rather than fail on a chunk that no longer exists. */
const load = () =>
  import('./pages').then(
    (m) => {
      sessionStorage.removeItem(RELOADED);
      return m;
    },
    (err: unknown) => {
      if (!sessionStorage.getItem(RELOADED)) {
        sessionStorage.setItem(RELOADED, '1');
        window.location.reload();
        return new Promise<never>(() => undefined);
      }
      throw err;
    },
  );

const PAGES = {
  merchants: lazy(() => load().then((m) => ({ default: m.MerchantsPage }))),
  catalog: lazy(() => load().then((m) => ({ default: m.CatalogPage }))),
  statements: lazy(() => load().then((m) => ({ default: m.StatementsPage }))),
  stats: lazy(() => load().then((m) => ({ default: m.StatsPage }))),
};

export function MallPage({ name }: { name: keyof typeof PAGES }) {
  const Page = PAGES[name];
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
      <Page />
    </Suspense>
  );
}
