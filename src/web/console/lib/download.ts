// File downloads (Excel, PDF) from GET endpoints: fetch with the session cookie, save the blob under the
// server's file name, and turn JSON error bodies into readable messages.
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../shared/api';
import { useI18n } from '../i18n';
import { errorMessage } from './errors';

/** The file name of a Content-Disposition header, preferring the RFC 5987 `filename*` form. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)?.[2];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1];
  return plain ? plain.trim() : null;
}

/** Fetches `url` and saves it; throws ApiError with the server's message when the answer is not a file. */
export async function downloadFile(url: string, fallbackName: string, locale: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': locale } });
  } catch {
    throw new ApiError(0, 'NETWORK', locale === 'en' ? 'Network error, please retry' : '网络异常，请稍后重试');
  }
  if (!res.ok) {
    const text = await res.text();
    let body: { code?: string; message?: string; details?: unknown } = {};
    try {
      body = text ? (JSON.parse(text) as typeof body) : {};
    } catch {
      // Not JSON (a proxy page): keep the status text.
    }
    throw new ApiError(
      res.status,
      body.code ?? 'UNKNOWN',
      body.message ?? (res.statusText || `HTTP ${res.status}`),
      body.details,
    );
  }
  const blob = await res.blob();
  const name = filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
  return name;
}

/**
 * Downloads with feedback: `busy` holds the key of the download under way (for a button's loading state),
 * and failures show the server's message.
 */
export function useDownload() {
  const { message } = App.useApp();
  const { locale } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (url: string, fallbackName: string, key = url) => {
      setBusy(key);
      try {
        await downloadFile(url, fallbackName, locale);
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401)
          message.error(locale === 'en' ? 'Your session has ended, please log in again' : '登录已过期，请重新登录');
        else message.error(errorMessage(err));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [locale, message],
  );
  return { download, busy };
}
