// Providers that depend on the UI language, and the route table of the resident H5.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Loading } from './components/QueryStates';
import { RequireAuth } from './components/RequireAuth';
import { TabLayout } from './components/TabLayout';
import { lazyPages, loadPageStringsWith } from '../shared/lazyPages';
import { ElderModeProvider } from './elder';
import { extendZh, I18nProvider, useI18n } from './i18n';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MePage } from './pages/MePage';
import { RegisterPage } from './pages/RegisterPage';
import { ActivitiesPage } from './pages/activities/ActivitiesPage';

// Route groups loaded on first use, each its own chunk: the first load carries the home, activity and account
// pages; most residents never open the leader or merchant pages.
// The strings only lazy pages use load with the first of them (i18n.pages.ts), not with the app.
loadPageStringsWith(() => import('./i18n.pages').then((m) => extendZh(m.pageStringsZh)));
const loading = <Loading />;
const MallPages = lazyPages(
  () => import('./pages/mall/pages'),
  {
    mall: (m) => m.MallPage,
    item: (m) => m.ItemPage,
    vouchers: (m) => m.MyVouchersPage,
    voucher: (m) => m.VoucherPage,
  },
  loading,
);
const MerchantPages = lazyPages(
  () => import('./pages/merchant/pages'),
  {
    desk: (m) => m.MerchantDeskPage,
    redeem: (m) => m.RedeemPage,
    statements: (m) => m.StatementPage,
    apply: (m) => m.MerchantApplyPage,
  },
  loading,
);
const LeaderPages = lazyPages(
  () => import('./pages/leader/pages'),
  {
    leader: (m) => m.LeaderPage,
    newActivity: (m) => m.NewActivityPage,
    activity: (m) => m.LeaderActivityPage,
  },
  loading,
);
const PointsPages = lazyPages(
  () => import('./pages/points/pages'),
  {
    ledger: (m) => m.LedgerPage,
    mine: (m) => m.MyPointsPage,
    gift: (m) => m.GiftPage,
    donate: (m) => m.DonatePage,
  },
  loading,
);
const VolunteerPages = lazyPages(
  () => import('./pages/volunteer/pages'),
  {
    apply: (m) => m.VolunteerApplyPage,
    card: (m) => m.VolunteerCardPage,
  },
  loading,
);
const TeamPages = lazyPages(
  () => import('./pages/teams/pages'),
  {
    teams: (m) => m.TeamsPage,
    team: (m) => m.TeamPage,
  },
  loading,
);
const AccountPages = lazyPages(
  () => import('./pages/accountPages'),
  {
    profile: (m) => m.ProfilePage,
    password: (m) => m.PasswordPage,
    signups: (m) => m.MySignupsPage,
    hours: (m) => m.MyHoursPage,
  },
  loading,
);
const ActivityPages = lazyPages(
  () => import('./pages/activities/ActivityDetailPage'),
  { detail: (m) => m.ActivityDetailPage },
  loading,
);
const NotificationPages = lazyPages(
  () => import('./pages/notifications/pages'),
  { inbox: (m) => m.InboxPage, settings: (m) => m.PreferencesPage },
  loading,
);
const CheckinPages = lazyPages(() => import('./pages/CheckinPage'), { checkin: (m) => m.CheckinPage }, loading);
// Public pages a scanned QR code opens (certificate check, volunteer card check).
const VerifyPages = lazyPages(() => import('./pages/VerifyPage'), { verify: (m) => m.VerifyPage }, loading);
const ServiceMapPages = lazyPages(
  () => import('./pages/servicemap/ServiceMapPage'),
  { map: (m) => m.ServiceMapPage },
  loading,
);
const VolunteerCheckPages = lazyPages(
  () => import('./pages/VolunteerCheckPage'),
  { check: (m) => m.VolunteerCheckPage },
  loading,
);

const NeedPages = lazyPages(
  () => import('./pages/needs/pages'),
  { mine: (m) => m.MyNeedsPage, new: (m) => m.NewNeedPage, detail: (m) => m.NeedPage },
  loading,
);

const SuggestionPages = lazyPages(
  () => import('./pages/suggestions/pages'),
  { box: (m) => m.SuggestionBoxPage, public: (m) => m.PublicSuggestionsPage, partner: (m) => m.PartnerProjectsPage },
  loading,
);

// 我的 → 个人信息: my own data, its download, closing my account (PIPL).
const PrivacyPages = lazyPages(() => import('./pages/privacy/pages'), { privacy: (m) => m.PrivacyPage }, loading);

const TaskPages = lazyPages(() => import('./pages/tasks/pages'), { inbox: (m) => m.TaskInboxPage }, loading);

// 我的调解: my mediation cases, asking for one, a case with my private thread with the mediators.
const MediationPages = lazyPages(
  () => import('./pages/mediation/pages'),
  { mine: (m) => m.MyMediationPage, new: (m) => m.NewMediationPage, detail: (m) => m.MediationCasePage },
  loading,
);

// 我关照的人: the people in care assigned to me (visitors), logging a visit on the spot.
const CarePages = lazyPages(
  () => import('./pages/care/pages'),
  { mine: (m) => m.MyCarePeoplePage, visit: (m) => m.CareVisitPage },
  loading,
);

const ReportPages = lazyPages(
  () => import('./pages/reports/pages'),
  {
    mine: (m) => m.MyReportsPage,
    new: (m) => m.NewReportPage,
    detail: (m) => m.ReportPage,
    public: (m) => m.PublicReportsPage,
  },
  loading,
);

// 星级公示: public, with 我有异议 for signed-in residents.
const StarPages = lazyPages(() => import('./pages/stars/pages'), { publicity: (m) => m.StarPublicityPage }, loading);

function LocalizedComponents({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>{children}</ConfigProvider>;
}

export function App() {
  return (
    <I18nProvider>
      <ElderModeProvider>
        <LocalizedComponents>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            {/* Public: the QR code on a certificate leads here, scanned by anyone. */}
            <Route path="/verify/:certNo" element={<VerifyPages name="verify" />} />
            {/* Public: the QR code on a volunteer card leads here. */}
            <Route path="/v/:volunteerId" element={<VolunteerCheckPages name="check" />} />
            {/* Public: the points ledger (公示) with the chain head, open to anyone. */}
            <Route path="/ledger" element={<PointsPages name="ledger" />} />
            {/* Public: the 15-minute service map, also for visitors (works without tiles or any other network). */}
            <Route path="/map" element={<ServiceMapPages name="map" />} />
            {/* Public: answered suggestions (意见公示), names masked. */}
            <Route path="/suggestions/public" element={<SuggestionPages name="public" />} />
            {/* Public: the 随手拍 board (公开栏), reports and their progress without the reporter. */}
            <Route path="/reports/public" element={<ReportPages name="public" />} />
            <Route path="/stars/publicity" element={<StarPages name="publicity" />} />
            <Route element={<RequireAuth />}>
              <Route element={<TabLayout />}>
                <Route index element={<HomePage />} />
                <Route path="/activities" element={<ActivitiesPage />} />
                <Route path="/mall" element={<MallPages name="mall" />} />
                <Route path="/me" element={<MePage />} />
                <Route path="/messages" element={<NotificationPages name="inbox" />} />
              </Route>
              <Route path="/messages/settings" element={<NotificationPages name="settings" />} />
              <Route path="/me/profile" element={<AccountPages name="profile" />} />
              <Route path="/me/password" element={<AccountPages name="password" />} />
              <Route path="/me/privacy" element={<PrivacyPages name="privacy" />} />
              <Route path="/me/signups" element={<AccountPages name="signups" />} />
              <Route path="/me/hours" element={<AccountPages name="hours" />} />
              <Route path="/me/points" element={<PointsPages name="mine" />} />
              <Route path="/me/points/gift" element={<PointsPages name="gift" />} />
              <Route path="/me/points/donate" element={<PointsPages name="donate" />} />
              <Route path="/volunteer/apply" element={<VolunteerPages name="apply" />} />
              <Route path="/volunteer/card" element={<VolunteerPages name="card" />} />
              <Route path="/activities/:id" element={<ActivityPages name="detail" />} />
              <Route path="/suggestions" element={<SuggestionPages name="box" />} />
              <Route path="/partner/projects" element={<SuggestionPages name="partner" />} />
              <Route path="/checkin" element={<CheckinPages name="checkin" />} />
              <Route path="/teams" element={<TeamPages name="teams" />} />
              <Route path="/teams/:id" element={<TeamPages name="team" />} />
              <Route path="/leader" element={<LeaderPages name="leader" />} />
              <Route path="/leader/activities/new" element={<LeaderPages name="newActivity" />} />
              <Route path="/leader/activities/:id" element={<LeaderPages name="activity" />} />
              <Route path="/mall/items/:id" element={<MallPages name="item" />} />
              <Route path="/me/vouchers" element={<MallPages name="vouchers" />} />
              <Route path="/me/vouchers/:id" element={<MallPages name="voucher" />} />
              <Route path="/merchant" element={<MerchantPages name="desk" />} />
              <Route path="/merchant/redeem" element={<MerchantPages name="redeem" />} />
              <Route path="/merchant/statements" element={<MerchantPages name="statements" />} />
              <Route path="/merchant/apply" element={<MerchantPages name="apply" />} />
              <Route path="/needs" element={<NeedPages name="mine" />} />
              <Route path="/needs/new" element={<NeedPages name="new" />} />
              <Route path="/needs/:id" element={<NeedPages name="detail" />} />
              <Route path="/tasks" element={<TaskPages name="inbox" />} />
              <Route path="/mediation" element={<MediationPages name="mine" />} />
              <Route path="/mediation/new" element={<MediationPages name="new" />} />
              <Route path="/mediation/:id" element={<MediationPages name="detail" />} />
              <Route path="/care" element={<CarePages name="mine" />} />
              <Route path="/care/:id" element={<CarePages name="visit" />} />
              <Route path="/reports" element={<ReportPages name="mine" />} />
              <Route path="/reports/new" element={<ReportPages name="new" />} />
              <Route path="/reports/:id" element={<ReportPages name="detail" />} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </LocalizedComponents>
      </ElderModeProvider>
    </I18nProvider>
  );
}
