// Frame of the public pages (no sign-in): the brand, a language switch and the page title.
import type { ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';
import { useI18n } from '../i18n';

export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="verify">
      <header className="verify__head">
        <div className="hero__brand">
          <span className="hero__logo" aria-hidden="true">
            邻
          </span>
          {t('app.name')}
        </div>
        <LanguageSwitch compact />
      </header>
      <h1 className="verify__title">{title}</h1>
      {children}
    </div>
  );
}
