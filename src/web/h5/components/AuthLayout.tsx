// Frame of the sign-in and registration pages: brand, title, language and elder-mode switches.
import type { ReactNode } from 'react';
import { usePreferences } from '../features/account/usePreferences';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  const { t } = useI18n();
  const { elderMode, changeElderMode } = usePreferences();
  return (
    <div className="auth">
      <header className="auth__hero">
        <div className="auth__tools">
          <button
            type="button"
            className={`chip${elderMode ? ' chip--on' : ''}`}
            aria-pressed={elderMode}
            onClick={() => changeElderMode(!elderMode)}
          >
            {t('home.elder')}
          </button>
          <LanguageSwitch compact />
        </div>
        <div className="auth__logo" aria-hidden="true">
          邻
        </div>
        <h1 className="auth__title">{title}</h1>
        <p className="auth__subtitle">{subtitle}</p>
      </header>
      <div className="auth__card">{children}</div>
    </div>
  );
}
