// Providers that depend on the UI language, and the route table of the resident H5.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { RequireAuth } from './components/RequireAuth';
import { TabLayout } from './components/TabLayout';
import { ElderModeProvider } from './elder';
import { I18nProvider, useI18n } from './i18n';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MePage } from './pages/MePage';
import { PasswordPage } from './pages/PasswordPage';
import { ProfilePage } from './pages/ProfilePage';
import { RegisterPage } from './pages/RegisterPage';
import { ActivitiesPage } from './pages/activities/ActivitiesPage';
import { ActivityDetailPage } from './pages/activities/ActivityDetailPage';
import { CheckinPage } from './pages/CheckinPage';
import { LeaderActivityPage } from './pages/leader/LeaderActivityPage';
import { LeaderPage } from './pages/leader/LeaderPage';
import { NewActivityPage } from './pages/leader/NewActivityPage';
import { MyHoursPage } from './pages/MyHoursPage';
import { MySignupsPage } from './pages/MySignupsPage';
import { TeamPage } from './pages/teams/TeamPage';
import { TeamsPage } from './pages/teams/TeamsPage';
import { VerifyPage } from './pages/VerifyPage';
import { VolunteerApplyPage } from './pages/volunteer/VolunteerApplyPage';
import { VolunteerCardPage } from './pages/volunteer/VolunteerCardPage';
import { VolunteerCheckPage } from './pages/VolunteerCheckPage';
import { DonatePage } from './pages/points/DonatePage';
import { GiftPage } from './pages/points/GiftPage';
import { LedgerPage } from './pages/points/LedgerPage';
import { MyPointsPage } from './pages/points/MyPointsPage';
import { ItemPage } from './pages/mall/ItemPage';
import { MallPage } from './pages/mall/MallPage';
import { MyVouchersPage } from './pages/mall/MyVouchersPage';
import { VoucherPage } from './pages/mall/VoucherPage';
import { MerchantApplyPage } from './pages/merchant/MerchantApplyPage';
import { MerchantDeskPage } from './pages/merchant/MerchantDeskPage';
import { RedeemPage } from './pages/merchant/RedeemPage';
import { StatementPage } from './pages/merchant/StatementPage';

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
            <Route path="/verify/:certNo" element={<VerifyPage />} />
            {/* Public: the QR code on a volunteer card leads here. */}
            <Route path="/v/:volunteerId" element={<VolunteerCheckPage />} />
            {/* Public: the points ledger (公示) with the chain head, open to anyone. */}
            <Route path="/ledger" element={<LedgerPage />} />
            <Route element={<RequireAuth />}>
              <Route element={<TabLayout />}>
                <Route index element={<HomePage />} />
                <Route path="/activities" element={<ActivitiesPage />} />
                <Route path="/mall" element={<MallPage />} />
                <Route path="/me" element={<MePage />} />
              </Route>
              <Route path="/me/profile" element={<ProfilePage />} />
              <Route path="/me/password" element={<PasswordPage />} />
              <Route path="/me/signups" element={<MySignupsPage />} />
              <Route path="/me/hours" element={<MyHoursPage />} />
              <Route path="/me/points" element={<MyPointsPage />} />
              <Route path="/me/points/gift" element={<GiftPage />} />
              <Route path="/me/points/donate" element={<DonatePage />} />
              <Route path="/volunteer/apply" element={<VolunteerApplyPage />} />
              <Route path="/volunteer/card" element={<VolunteerCardPage />} />
              <Route path="/activities/:id" element={<ActivityDetailPage />} />
              <Route path="/checkin" element={<CheckinPage />} />
              <Route path="/teams" element={<TeamsPage />} />
              <Route path="/teams/:id" element={<TeamPage />} />
              <Route path="/leader" element={<LeaderPage />} />
              <Route path="/leader/activities/new" element={<NewActivityPage />} />
              <Route path="/leader/activities/:id" element={<LeaderActivityPage />} />
              <Route path="/mall/items/:id" element={<ItemPage />} />
              <Route path="/me/vouchers" element={<MyVouchersPage />} />
              <Route path="/me/vouchers/:id" element={<VoucherPage />} />
              <Route path="/merchant" element={<MerchantDeskPage />} />
              <Route path="/merchant/redeem" element={<RedeemPage />} />
              <Route path="/merchant/statements" element={<StatementPage />} />
              <Route path="/merchant/apply" element={<MerchantApplyPage />} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </LocalizedComponents>
      </ElderModeProvider>
    </I18nProvider>
  );
}
