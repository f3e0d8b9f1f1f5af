// The points pages are loaded on first use (their own chunk), keeping the console's first load small.
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';

const RELOADED = 'linli.console.chunkReload';

/**
 * After a new version is deployed, a page opened before it asks for a chunk that no longer exists: reload once
 * to get the new version rather than showing a broken page.
 */
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
  accounts: lazy(() => load().then((m) => ({ default: m.AccountsPage }))),
  journals: lazy(() => load().then((m) => ({ default: m.JournalsPage }))),
  contributions: lazy(() => load().then((m) => ({ default: m.ContributionsPage }))),
  rules: lazy(() => load().then((m) => ({ default: m.RulesPage }))),
  yearSummary: lazy(() => load().then((m) => ({ default: m.YearSummaryPage }))),
  verification: lazy(() => load().then((m) => ({ default: m.VerificationPage }))),
};

export function PointsPage({ name }: { name: keyof typeof PAGES }) {
  const Page = PAGES[name];
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
      <Page />
    </Suspense>
  );
}
