// Runs a confirmed write that must happen at most once (placing an order, redeeming a voucher): one key per
// confirmed action; after a network error the person is asked whether to retry, and the retry carries the same
// key, so the server answers with the first result instead of acting twice. A definite answer (success or a
// refusal) ends the key; a dismissed retry keeps it, so confirming the same action again is still the same request.
import { useState } from 'react';
import { Dialog } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { isUncertainFailure, useIdempotencyKey } from '../points/idempotency';

export type KeyedResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function useKeyedWrite<T>(retryBody: string) {
  const { t } = useI18n();
  const idem = useIdempotencyKey();
  const [pending, setPending] = useState(false);

  /** `action` names what is being done (e.g. the item id); `send` performs it with the key. */
  const run = async (action: string, send: (key: string) => Promise<T>): Promise<KeyedResult<T>> => {
    const key = idem.keyFor(action);
    setPending(true);
    try {
      for (;;) {
        try {
          const value = await send(key);
          idem.settle();
          return { ok: true, value };
        } catch (error) {
          if (!isUncertainFailure(error)) {
            idem.settle();
            return { ok: false, error };
          }
          const again = await Dialog.confirm({
            title: t('give.retryTitle'),
            content: retryBody,
            confirmText: t('give.retry'),
            cancelText: t('common.cancel'),
          });
          if (!again) return { ok: false, error };
        }
      }
    } finally {
      setPending(false);
    }
  };

  return { run, pending };
}
