// A group of pages loaded on first use (their own chunk), keeping the console's first load small.
import { Spin } from 'antd';
import type { ComponentType } from 'react';
import { lazyPages as sharedLazyPages } from '../../shared/lazyPages';

const spinner = <Spin style={{ display: 'block', margin: '48px auto' }} />;

/** Makes a component that renders one page, by name, of a lazily imported module. */
export function lazyPages<M, K extends string>(importer: () => Promise<M>, pick: Record<K, (m: M) => ComponentType>) {
  return sharedLazyPages(importer, pick, spinner);
}

/** Makes a component that renders the one page of a lazily imported module. */
export function lazyPage<M>(importer: () => Promise<M>, pick: (m: M) => ComponentType) {
  const Pages = sharedLazyPages(importer, { page: pick }, spinner);
  return function LazyPage() {
    return <Pages name="page" />;
  };
}
