// Theme, locale and routes of the staff console.
import { lazy, Suspense, useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { antdLocale, extendZh, useI18n } from './i18n';
import { useMe } from './features/account/queries';
import { LoginPage } from './features/account/LoginPage';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { OrgPage } from './features/org/OrgPage';
import { PointsPage } from './features/points/lazy';
import { MallPage } from './features/mall/lazy';
import { LoadError } from './layout/LoadError';
import { loadPageStringsWith, reloadOnce } from '../shared/lazyPages';
import { lazyPage } from './lib/lazyPages';
import { isStaff } from './lib/roles';
import { StartPage } from './features/mediation/StartPage';
import { PRIMARY_COLOR } from './theme';

// Every page group but the org page (where the console opens) is loaded on first use, as its own chunk.

// The strings only lazy pages use load with the first of them (i18n.pages.ts), not with the app.
loadPageStringsWith(() => import('./i18n.pages').then((m) => extendZh(m.pageStringsZh)));
const PeoplePage = lazyPage(
  () => import('./features/people/PeoplePage'),
  (m) => m.PeoplePage,
);
const AuditPage = lazyPage(
  () => import('./features/audit/AuditPage'),
  (m) => m.AuditPage,
);
const VolunteersPage = lazyPage(
  () => import('./features/volunteers/VolunteersPage'),
  (m) => m.VolunteersPage,
);
const TeamsPage = lazyPage(
  () => import('./features/teams/TeamsPage'),
  (m) => m.TeamsPage,
);
const ActivitiesPage = lazyPage(
  () => import('./features/activities/ActivitiesPage'),
  (m) => m.ActivitiesPage,
);
const AcceptancePage = lazyPage(
  () => import('./features/records/AcceptancePage'),
  (m) => m.AcceptancePage,
);
const PastServicePage = lazyPage(
  () => import('./features/records/PastServicePage'),
  (m) => m.PastServicePage,
);
const NeedsBoardPage = lazyPage(
  () => import('./features/needs/NeedsBoardPage'),
  (m) => m.NeedsBoardPage,
);
const ResourcesPage = lazyPage(
  () => import('./features/projects/ResourcesPage'),
  (m) => m.ResourcesPage,
);
const ProjectsPage = lazyPage(
  () => import('./features/projects/ProjectsPage'),
  (m) => m.ProjectsPage,
);
const SuggestionsPage = lazyPage(
  () => import('./features/suggestions/SuggestionsPage'),
  (m) => m.SuggestionsPage,
);
const ReportsBoardPage = lazyPage(
  () => import('./features/reports/ReportsBoardPage'),
  (m) => m.ReportsBoardPage,
);
const ServicePointsPage = lazyPage(
  () => import('./features/servicemap/ServicePointsPage'),
  (m) => m.ServicePointsPage,
);
const MediationPage = lazyPage(
  () => import('./features/mediation/MediationPage'),
  (m) => m.MediationPage,
);
const CarePage = lazyPage(
  () => import('./features/care/CarePage'),
  (m) => m.CarePage,
);
const StarPromotionsPage = lazyPage(
  () => import('./features/stars/StarPromotionsPage'),
  (m) => m.StarPromotionsPage,
);
const SettingsPage = lazyPage(
  () => import('./features/settings/SettingsPage'),
  (m) => m.SettingsPage,
);
// Seen only by people without a staff role.
const NoAccessPage = lazy(
  reloadOnce(() => import('./features/account/NoAccessPage').then((m) => ({ default: m.NoAccessPage }))),
);

/** Lets only logged-in staff through; others go to /login or see the no-access page. */
function RequireStaff() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spin size="large" fullscreen />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => me.refetch()} />;
  // No session, or a temporary password to replace first (the login page asks for the new one).
  if (!me.data || me.data.mustChangePassword)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!isStaff(me.data)) {
    return (
      <Suspense fallback={<Spin size="large" fullscreen />}>
        <NoAccessPage me={me.data} />
      </Suspense>
    );
  }
  return <ConsoleLayout me={me.data} />;
}

function DocumentTitle() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return null;
}

export function ConsoleApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={antdLocale(locale)}
      theme={{
        token: { colorPrimary: PRIMARY_COLOR, borderRadius: 6, fontSize: 14 },
        components: { Table: { cellPaddingBlock: 10 } },
      }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <DocumentTitle />
        <BrowserRouter basename="/admin">
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireStaff />}>
              <Route index element={<StartPage />} />
              <Route path="/org" element={<OrgPage />} />
              <Route path="/people" element={<PeoplePage />} />
              <Route path="/volunteers" element={<VolunteersPage />} />
              <Route path="/teams" element={<TeamsPage />} />
              <Route path="/activities" element={<ActivitiesPage />} />
              <Route path="/needs" element={<NeedsBoardPage />} />
              <Route path="/reports" element={<ReportsBoardPage />} />
              <Route path="/acceptance" element={<AcceptancePage />} />
              <Route path="/star-promotions" element={<StarPromotionsPage />} />
              <Route path="/past-service" element={<PastServicePage />} />
              <Route path="/points" element={<Navigate to="/points/accounts" replace />} />
              <Route path="/points/accounts" element={<PointsPage name="accounts" />} />
              <Route path="/points/journals" element={<PointsPage name="journals" />} />
              <Route path="/points/contributions" element={<PointsPage name="contributions" />} />
              <Route path="/points/rules" element={<PointsPage name="rules" />} />
              <Route path="/points/year-summary" element={<PointsPage name="yearSummary" />} />
              <Route path="/points/verification" element={<PointsPage name="verification" />} />
              <Route path="/mall" element={<Navigate to="/mall/merchants" replace />} />
              <Route path="/mall/merchants" element={<MallPage name="merchants" />} />
              <Route path="/mall/catalog" element={<MallPage name="catalog" />} />
              <Route path="/mall/statements" element={<MallPage name="statements" />} />
              <Route path="/mall/stats" element={<MallPage name="stats" />} />
              <Route path="/resources" element={<ResourcesPage />} />
              <Route path="/projects" element={<ProjectsPage />} />
              <Route path="/suggestions" element={<SuggestionsPage />} />
              <Route path="/mediation" element={<MediationPage />} />
              <Route path="/care" element={<CarePage />} />
              <Route path="/service-map" element={<ServicePointsPage />} />
              <Route path="/audit" element={<AuditPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="*" element={<Navigate to="/org" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
