// A page reached from another one: a title bar with a back arrow, then the content. The arrow returns to the
// page the person came from; opened directly (a link, a QR code), it goes to `backTo`.
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { NavBar } from 'antd-mobile';
import { LeftOutline } from 'antd-mobile-icons';
import { useI18n } from '../i18n';

export function SubPage({ title, backTo, children }: { title: string; backTo: string; children: ReactNode }) {
  const navigate = useNavigate();
  useLocation(); // re-render on navigation so the check below stays current
  const { t } = useI18n();
  // BrowserRouter numbers its history entries (state.idx); above 0 there is an app page to return to.
  const cameFromApp = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;
  return (
    <div className="sub-page">
      <NavBar
        className="sub-page__bar"
        // NavBar's left area is already role="button"; the icon's label gives it the name 返回.
        backIcon={<LeftOutline aria-label={t('common.back')} />}
        onBack={() => (cameFromApp ? navigate(-1) : navigate(backTo))}
      >
        <h1 className="sub-page__title">{title}</h1>
      </NavBar>
      <div className="sub-page__body">{children}</div>
    </div>
  );
}
