// Idempotency keys for writes that move points: one key per confirmed action, reused when the same action is
// retried after a network error (the server then answers with the first journal and moves nothing again).
import { useCallback, useMemo, useRef } from 'react';
import { ApiError } from '../../../shared/api';
import { newIdempotencyKey } from '../../../shared/idempotency';

export { newIdempotencyKey };

/** True when the request may or may not have reached the server: retrying with the same key is the safe move. */
export function isUncertainFailure(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/**
 * Holds the key of the action in progress. `keyFor(action)` returns the same key for the same action (e.g. the
 * same recipient and amount) until `settle()` is called after a definite answer; a different action gets a new key.
 */
export function useIdempotencyKey() {
  const current = useRef<{ action: string; key: string } | null>(null);
  const keyFor = useCallback((action: string) => {
    if (current.current?.action !== action) current.current = { action, key: newIdempotencyKey() };
    return current.current.key;
  }, []);
  const settle = useCallback(() => {
    current.current = null;
  }, []);
  return useMemo(() => ({ keyFor, settle }), [keyFor, settle]);
}
