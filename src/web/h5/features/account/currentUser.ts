// The signed-in person as <RequireAuth> last rendered it. Pages read it from context rather than from the
// query cache, so they never render with a person the guard has already let go (e.g. mid sign-out).
import { createContext, useContext } from 'react';
import type { Me } from '../../../shared/types';

export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in person; only for pages rendered under <RequireAuth>. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser used outside <RequireAuth>');
  return me;
}
