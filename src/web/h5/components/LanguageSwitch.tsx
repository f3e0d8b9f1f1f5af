// 中文 / English switch; saves to the account when someone is signed in.
import { Selector } from 'antd-mobile';
import { usePreferences } from '../features/account/usePreferences';
import type { Locale } from '../i18n';

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { locale, changeLocale } = usePreferences();
  return (
    <Selector<Locale>
      className={compact ? 'lang-switch lang-switch--compact' : 'lang-switch'}
      aria-label="语言 / Language"
      showCheckMark={false}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      value={[locale]}
      onChange={(values) => {
        if (values[0]) changeLocale(values[0]);
      }}
    />
  );
}
