// Language and elder mode: switched locally at once, then saved to the account when someone is signed in.
import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Toast } from 'antd-mobile';
import { ApiError } from '../../../shared/api';
import type { Me } from '../../../shared/types';
import { useElderMode } from '../../elder';
import { useI18n, type Locale } from '../../i18n';
import { accountKeys, useUpdateMe } from './queries';

function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** The current language and elder mode, with switches that also save to the account. */
export function usePreferences() {
  const { locale, setLocale, t } = useI18n();
  const { elderMode, setElderMode } = useElderMode();
  const qc = useQueryClient();
  const { mutate, isPending } = useUpdateMe();
  // Read at call time so a sign-in that just happened counts.
  const signedIn = () => !!qc.getQueryData<Me | null>(accountKeys.me());

  const changeLocale = useCallback(
    (next: Locale) => {
      if (next === locale) return;
      const previous = locale;
      setLocale(next);
      if (!signedIn()) return;
      mutate(
        { locale: next },
        {
          onError: (error) => {
            setLocale(previous);
            Toast.show({ icon: 'fail', content: errorMessage(error, t('err.generic')) });
          },
        },
      );
    },
    [locale, setLocale, t, mutate],
  );

  const changeElderMode = useCallback(
    (on: boolean) => {
      const previous = elderMode;
      setElderMode(on);
      const done = () => Toast.show({ content: on ? t('elder.on') : t('elder.off') });
      if (!signedIn()) {
        done();
        return;
      }
      mutate(
        { elderMode: on },
        {
          onSuccess: done,
          onError: (error) => {
            setElderMode(previous);
            Toast.show({ icon: 'fail', content: errorMessage(error, t('err.generic')) });
          },
        },
      );
    },
    [elderMode, setElderMode, t, mutate],
  );

  return { locale, elderMode, changeLocale, changeElderMode, saving: isPending };
}

/** Adopts the language and elder mode saved on the account whenever the signed-in person's copy changes. */
export function useAdoptAccountPreferences(me: Me | undefined): void {
  const { setLocale } = useI18n();
  const { setElderMode } = useElderMode();
  const locale = me?.locale;
  const elderMode = me?.elderMode;
  useEffect(() => {
    if (locale) setLocale(locale);
  }, [locale, setLocale]);
  useEffect(() => {
    if (elderMode !== undefined) setElderMode(elderMode);
  }, [elderMode, setElderMode]);
}
