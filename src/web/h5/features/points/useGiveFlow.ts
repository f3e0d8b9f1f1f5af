// Runs a confirmed gift or donation: one idempotency key per action; after a network error the person may retry,
// and the retry carries the same key, so the server moves the points at most once.
import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { Dialog } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { isUncertainFailure, useIdempotencyKey } from './idempotency';
import type { Journal } from './types';

type Keyed<I> = I & { idempotencyKey: string };

export function useGiveFlow<I extends object>(mutation: UseMutationResult<Journal, Error, Keyed<I>>) {
  const { t } = useI18n();
  const idem = useIdempotencyKey();
  const [error, setError] = useState<unknown>(null);

  /** Sends the action; resolves with the journal, or null when it failed (the error is then in `error`). */
  const run = async (input: I): Promise<Journal | null> => {
    const idempotencyKey = idem.keyFor(JSON.stringify(input));
    setError(null);
    for (;;) {
      try {
        const journal = await mutation.mutateAsync({ ...input, idempotencyKey });
        idem.settle();
        return journal;
      } catch (e) {
        if (isUncertainFailure(e)) {
          const again = await Dialog.confirm({
            title: t('give.retryTitle'),
            content: t('give.retryBody'),
            confirmText: t('give.retry'),
            cancelText: t('common.cancel'),
          });
          if (again) continue;
          // The key stays: submitting the same action again later still cannot pay twice.
          setError(e);
          return null;
        }
        idem.settle();
        setError(e);
        return null;
      }
    }
  };

  return { run, error, clearError: () => setError(null), pending: mutation.isPending };
}
