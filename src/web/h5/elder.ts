// Elder-friendly mode (长辈模式): a class on <html> that switches CSS variables to larger text, higher
// contrast and bigger touch targets (see styles.css). Kept in localStorage so the sign-in page already
// honours it; the account copy is saved by features/account/preferences.ts.
import { createContext, createElement, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'linli.h5.elderMode';
const CLASS_NAME = 'elder';

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

function apply(on: boolean): void {
  document.documentElement.classList.toggle(CLASS_NAME, on);
  try {
    localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // Storage may be refused (private browsing); the mode then lasts for this page only.
  }
}

interface ElderModeValue {
  elderMode: boolean;
  /** Switches the mode locally only. */
  setElderMode: (on: boolean) => void;
}

const ElderModeContext = createContext<ElderModeValue | null>(null);

/** Holds the elder-mode flag for the whole app. */
export function ElderModeProvider({ children }: { children: ReactNode }) {
  const [elderMode, setState] = useState<boolean>(() => {
    const initial = readStored();
    apply(initial);
    return initial;
  });
  const setElderMode = useCallback((on: boolean) => {
    apply(on);
    setState(on);
  }, []);
  const value = useMemo(() => ({ elderMode, setElderMode }), [elderMode, setElderMode]);
  return createElement(ElderModeContext.Provider, { value }, children);
}

/** The elder-mode flag and its local switch. */
export function useElderMode(): ElderModeValue {
  const value = useContext(ElderModeContext);
  if (!value) throw new Error('useElderMode must be used inside <ElderModeProvider>');
  return value;
}
