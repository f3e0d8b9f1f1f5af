// The UI-language machinery of both web apps: a React provider holding the locale, `t` with `{name}`
// placeholders, the choice remembered in localStorage and sent as Accept-Language (so server messages follow the
// UI). Each app keeps only its dictionaries: Chinese is bundled, English is fetched (`import()`) the first time
// it is needed — when the user switches, or at start when English was chosen before.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setApiLocale } from './api';

export type Locale = 'zh-CN' | 'en';
export type Vars = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export interface I18nOptions<K extends string> {
  /**
   * The Chinese strings of the first load. Strings only lazily loaded pages use come later through `extendZh`
   * (registered before those pages render), so they stay out of the first download.
   */
  zh: Readonly<Partial<Record<K, string>>>;
  /** Loads the English dictionary, which must cover every key (typically `() => import('./i18n.en')`). */
  loadEn: () => Promise<Readonly<Record<K, string>>>;
  /** localStorage key remembering the choice. */
  storageKey: string;
  /** Called when a locale takes effect, after the API locale and `<html lang>` are set (e.g. dayjs). */
  onApply?: (locale: Locale) => void;
}

export interface I18nValue<K extends string> {
  locale: Locale;
  /**
   * Switches the UI locally (storage, html lang, API header) as soon as the dictionary is there (English is
   * fetched the first time); if it cannot be fetched, the current language stays. Saving the choice to the account
   * is the caller's job.
   */
  setLocale: (locale: Locale) => void;
  t: (key: K, vars?: Vars) => string;
}

export function createI18n<K extends string>(options: I18nOptions<K>) {
  const { loadEn, storageKey, onApply } = options;
  // Mutable: extendZh adds the strings of lazily loaded pages when they load.
  const zh: Partial<Record<K, string>> = { ...options.zh };
  const dictionaries: Partial<Record<Locale, Readonly<Partial<Record<K, string>>>>> = { 'zh-CN': zh };
  let enPending: Promise<unknown> | undefined;

  function load(locale: Locale): Promise<unknown> {
    if (dictionaries[locale]) return Promise.resolve();
    enPending ??= loadEn().then(
      (en) => {
        dictionaries.en = en;
      },
      (err: unknown) => {
        enPending = undefined; // let a later switch try again
        throw err;
      },
    );
    return enPending;
  }

  function readStoredLocale(): Locale {
    try {
      return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
    } catch {
      return 'zh-CN';
    }
  }

  function applyLocale(locale: Locale): void {
    setApiLocale(locale);
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(storageKey, locale);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
    onApply?.(locale);
  }

  function translate(locale: Locale, key: K, vars?: Vars): string {
    return format(dictionaries[locale]?.[key] ?? zh[key] ?? key, vars);
  }

  /** Adds Chinese strings of lazily loaded pages (idempotent); call before those pages render. */
  function extendZh(part: Readonly<Partial<Record<K, string>>>): void {
    Object.assign(zh, part);
  }

  /** True when the key has a Chinese string now (the first load's, or one added by extendZh). */
  function has(key: string): key is K {
    return key in zh;
  }

  const stored = readStoredLocale();
  // Start fetching English now, in parallel with the app's first render, rather than after it.
  if (stored === 'en') load('en').catch(() => undefined);

  const I18nContext = createContext<I18nValue<K> | null>(null);

  /** Holds the UI locale for the whole app; while a remembered English loads, renders nothing (a few ms). */
  function I18nProvider({ children }: { children: ReactNode }) {
    const [locale, setLocaleState] = useState<Locale | null>(() => {
      if (!dictionaries[stored]) return null;
      applyLocale(stored);
      return stored;
    });
    const latest = useRef<Locale | null>(locale);

    const setLocale = useCallback((next: Locale) => {
      latest.current = next;
      load(next).then(
        () => {
          if (latest.current !== next) return; // a later switch won the race
          applyLocale(next);
          setLocaleState(next);
        },
        (err: unknown) => console.warn(`Could not load the ${next} dictionary`, err),
      );
    }, []);

    useEffect(() => {
      if (locale) return;
      load(stored).then(
        () => {
          if (latest.current === null) setLocale(stored);
        },
        () => {
          if (latest.current === null) setLocale('zh-CN');
        },
      );
    }, [locale, setLocale]);

    const value = useMemo<I18nValue<K> | null>(
      () => (locale ? { locale, setLocale, t: (key, vars) => translate(locale, key, vars) } : null),
      [locale, setLocale],
    );
    if (!value) return null;
    return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
  }

  /** The current locale, its translate function and a local switch. */
  function useI18n(): I18nValue<K> {
    const value = useContext(I18nContext);
    if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
    return value;
  }

  return { I18nProvider, useI18n, translate, extendZh, has };
}
