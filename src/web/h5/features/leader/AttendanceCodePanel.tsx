// 签到码 for the leader's phone: the rotating QR (qrPayload) and the 6-digit code, fetched again before it
// expires, with a countdown; a full-screen view with huge digits to hold up to the group.
import { useEffect, useState } from 'react';
import { Button } from 'antd-mobile';
import { CloseOutline } from 'antd-mobile-icons';
import { QRCodeSVG } from 'qrcode.react';
import { LoadError, Loading } from '../../components/QueryStates';
import { useI18n } from '../../i18n';
import { useAttendanceCode } from '../activities/queries';
import type { Activity, AttendanceCode } from '../activities/types';

/** Seconds until the code expires, ticking every second. */
function useSecondsLeft(expiresAt: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return expiresAt ? Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1000)) : 0;
}

/** Keeps the screen on while the code is held up (where the browser allows it). */
function useWakeLock(on: boolean) {
  useEffect(() => {
    if (!on || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    navigator.wakeLock
      .request('screen')
      .then((l) => (lock = l))
      .catch(() => undefined);
    return () => void lock?.release().catch(() => undefined);
  }, [on]);
}

function CodeView({
  code,
  big,
  secondsLeft,
  refreshing,
}: {
  code: AttendanceCode;
  big: boolean;
  secondsLeft: number;
  refreshing: boolean;
}) {
  const { t } = useI18n();
  const size = big ? Math.min(window.innerWidth - 48, window.innerHeight - 320, 420) : 220;
  return (
    <div className={`code-view${big ? ' code-view--big' : ''}`}>
      <div className="code-view__qr">
        <QRCodeSVG value={code.qrPayload} size={Math.max(180, size)} marginSize={2} title={t('leader.codeLabel')} />
      </div>
      <p className="code-view__label">{t('leader.codeLabel')}</p>
      <p
        className="code-view__digits"
        data-testid="attendance-code"
        aria-label={`${t('leader.codeLabel')} ${code.code.split('').join(' ')}`}
      >
        {code.code}
      </p>
      <p className="code-view__countdown" role="timer" aria-live="off">
        {refreshing || secondsLeft <= 0 ? t('leader.refreshing') : t('leader.refreshIn', { s: secondsLeft })}
      </p>
    </div>
  );
}

export function AttendanceCodePanel({ activity }: { activity: Activity }) {
  const { t } = useI18n();
  const [fullscreen, setFullscreen] = useState(false);
  const query = useAttendanceCode(activity.id, activity.status === 'published');
  const secondsLeft = useSecondsLeft(query.data?.expiresAt);
  useWakeLock(fullscreen);

  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const view = <CodeView code={query.data} big={fullscreen} secondsLeft={secondsLeft} refreshing={query.isFetching} />;
  if (fullscreen) {
    return (
      <div className="code-full" role="dialog" aria-modal="true" aria-label={activity.title}>
        <button
          type="button"
          className="code-full__close"
          aria-label={t('leader.exitFullscreen')}
          onClick={() => setFullscreen(false)}
        >
          <CloseOutline aria-hidden="true" />
        </button>
        <h2 className="code-full__title">{activity.title}</h2>
        {view}
        <p className="code-full__hint">{t('leader.codeHint')}</p>
      </div>
    );
  }
  return (
    <section className="card code-panel">
      {view}
      <p className="muted">{t('leader.codeHint')}</p>
      <Button block color="primary" size="large" onClick={() => setFullscreen(true)}>
        {t('leader.fullscreen')}
      </Button>
    </section>
  );
}
