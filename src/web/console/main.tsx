// Entry of the staff console: providers (language, data cache, antd theme) and the router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../shared/api';
import { I18nProvider } from './i18n';
import { accountKeys } from './features/account/queries';
import { ConsoleApp } from './App';
import './styles.css';

// A 401 on any call means the session ended: forget the person so the router sends them to /login.
function onApiError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) queryClient.setQueryData(accountKeys.me, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Client errors (4xx) will not change on retry; network and server errors may.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <ConsoleApp />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
