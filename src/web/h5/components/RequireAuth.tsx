// Route guard: waits for the signed-in person, sends everyone else to /login.
import { Navigate, Outlet, useLocation } from 'react-router';
import { Button, ErrorBlock, SpinLoading } from 'antd-mobile';
import { CurrentUserContext } from '../features/account/currentUser';
import { useMe } from '../features/account/queries';
import { useAdoptAccountPreferences } from '../features/account/usePreferences';
import { useI18n } from '../i18n';

export function RequireAuth() {
  const { t } = useI18n();
  const location = useLocation();
  const me = useMe();
  useAdoptAccountPreferences(me.data ?? undefined);

  if (me.data === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  // A temporary password set by staff opens nothing but changing it (the server answers 403 to everything else).
  if (me.data?.mustChangePassword && location.pathname !== '/me/password')
    return <Navigate to="/me/password" replace />;
  if (me.data) {
    return (
      <CurrentUserContext.Provider value={me.data}>
        <Outlet />
      </CurrentUserContext.Provider>
    );
  }
  if (me.isError) {
    return (
      <div className="page-center">
        <ErrorBlock status="default" title={t('common.loadFailed')} description={me.error.message}>
          <Button color="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      </div>
    );
  }
  return (
    <div className="page-center" aria-busy="true" aria-label={t('common.loading')}>
      <SpinLoading color="primary" />
    </div>
  );
}
