// A group of pages loaded on first use (their own chunk), keeping the console's first load small.
import { Spin } from 'antd';
import { type ComponentType, lazy, type LazyExoticComponent, Suspense } from 'react';

const RELOADED = 'linli.console.chunkReload';

/**
 * After a new version is deployed, a page opened before it asks for a chunk that no longer exists: reload once
 * to get the new version rather than showing a broken page.
 */
function reloadOnce<M>(importer: () => Promise<M>): () => Promise<M> {
  return () =>
    importer().then(
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
}

/** Makes a component that renders one page, by name, of a lazily imported module. */
export function lazyPages<M, K extends string>(importer: () => Promise<M>, pick: Record<K, (m: M) => ComponentType>) {
  const load = reloadOnce(importer);
  const pages = Object.fromEntries(
    (Object.keys(pick) as K[]).map((k) => [k, lazy(() => load().then((m) => ({ default: pick[k](m) })))]),
  ) as Record<K, LazyExoticComponent<ComponentType>>;
  return function LazyPage({ name }: { name: K }) {
    const Page: ComponentType = pages[name];
    return (
      <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
        <Page />
      </Suspense>
    );
  };
}
