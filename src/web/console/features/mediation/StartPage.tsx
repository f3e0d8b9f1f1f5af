// Where the console opens: the org page, or 调解 for people whose only console roles are mediation ones.
import { Navigate } from 'react-router';
import { STAFF_ROLES } from '../../lib/roles';
import { useCurrentMe } from '../org/scope';
import { mediationOnly } from './access';

export function StartPage() {
  const me = useCurrentMe();
  return <Navigate to={mediationOnly(me, STAFF_ROLES) ? '/mediation' : '/org'} replace />;
}
