// Entry of the resident H5: React 19 root, antd-mobile render hook, TanStack Query and the router.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { unstableSetRender } from 'antd-mobile';
import { ApiError } from '../shared/api';
import { App } from './App';
import { accountKeys } from './features/account/queries';
import './styles.css';

// antd-mobile renders Toast/Dialog through ReactDOM.render, which React 19 removed; without this they do nothing.
type RenderContainer = (Element | DocumentFragment) & { _reactRoot?: Root };
unstableSetRender((node, container) => {
  const holder = container as RenderContainer;
  holder._reactRoot ||= createRoot(holder);
  const root = holder._reactRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete holder._reactRoot;
  };
});

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: true } },
  mutationCache: new MutationCache({
    // A write refused because the session ended: re-check who is signed in, so the guard can send them to /login.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
        void queryClient.invalidateQueries({ queryKey: accountKeys.me() });
      }
    },
  }),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename="/">
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
