// Route groups loaded on first use (their own chunk), keeping the apps' first load small. Each app wraps this
// with its own loading indicator (console/lib/lazyPages.tsx, h5/lib/lazyPages.tsx).
import { type ComponentType, createElement, lazy, type LazyExoticComponent, type ReactNode, Suspense } from 'react';

const RELOADED = 'linli.chunkReload';

let pageStrings: (() => Promise<unknown>) | null = null;

/**
 * Sets how the app loads the UI strings only lazy pages use (its i18n.pages.ts); everything loaded lazily
 * (reloadOnce, lazyPages) loads them together with its code, so they are registered before it renders. Call once
 * at start.
 */
export function loadPageStringsWith(loader: () => Promise<unknown>): void {
  pageStrings = loader;
}

/**
 * After a new version is deployed, a page opened before it asks for a chunk that no longer exists: reload once
 * to get the new version rather than showing a broken page.
 */
export function reloadOnce<M>(importer: () => Promise<M>): () => Promise<M> {
  return () =>
    Promise.all([importer(), pageStrings?.()])
      .then(([m]) => m)
      .then(
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
export function lazyPages<M, K extends string>(
  importer: () => Promise<M>,
  pick: Record<K, (m: M) => ComponentType>,
  fallback: ReactNode,
) {
  const load = reloadOnce(importer);
  const pages = Object.fromEntries(
    (Object.keys(pick) as K[]).map((k) => [k, lazy(() => load().then((m) => ({ default: pick[k](m) })))]),
  ) as Record<K, LazyExoticComponent<ComponentType>>;
  return function LazyPage({ name }: { name: K }) {
    return createElement(Suspense, { fallback }, createElement(pages[name]));
  };
}
