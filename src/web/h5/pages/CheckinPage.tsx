// 扫码签到 (/checkin): scan the leader's rotating QR code with the camera where possible, and always a manual
// way: pick one of today's sign-ups, type the 6-digit code, press 签到 or 签退. Geofenced activities ask for
// the position at that moment only.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Input, NoticeBar } from 'antd-mobile';
import { ScanningOutline } from 'antd-mobile-icons';
import { ChipSelect } from '../components/ChipSelect';
import { FormError } from '../components/FormError';
import { SubPage } from '../components/SubPage';
import { AttendanceResult } from '../features/activities/AttendanceResult';
import { useActivity, useMySignUps } from '../features/activities/queries';
import type { MySignup } from '../features/activities/types';
import { useAttendanceFlow, type AttendanceAction } from '../features/activities/useAttendanceFlow';
import { useI18n } from '../i18n';
import { chinaMidnight, formatRange, isChinaToday } from '../lib/time';
import { reloadOnce } from '../../shared/lazyPages';

// The decoder is loaded only when someone opens the camera.
const QrScanner = lazy(
  reloadOnce(() => import('../features/activities/QrScanner').then((m) => ({ default: m.QrScanner }))),
);

// Same window as the server: check-in opens 30 min before the start, attendance closes 2 h after the end.
const OPENS_BEFORE_MS = 30 * 60_000;
const CLOSES_AFTER_MS = 120 * 60_000;

/** Sign-ups one could check in or out of today. */
function todays(items: MySignup[], now = Date.now()): MySignup[] {
  return items.filter((s) => {
    if (s.status !== 'confirmed' || s.activityStatus === 'cancelled') return false;
    const start = new Date(s.startsAt).getTime();
    const end = new Date(s.endsAt).getTime();
    const inWindow = now >= start - OPENS_BEFORE_MS && now <= end + CLOSES_AFTER_MS;
    return inWindow || isChinaToday(s.startsAt) || isChinaToday(s.endsAt);
  });
}

export function CheckinPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const signups = useMySignUps();
  const flow = useAttendanceFlow();
  const [scanning, setScanning] = useState(false);
  const [code, setCode] = useState('');
  const [picked, setPicked] = useState<string | undefined>(params.get('activity') ?? undefined);
  const [problem, setProblem] = useState<string | null>(null);

  const loaded = useMemo(() => signups.data?.pages.flatMap((p) => p.items) ?? [], [signups.data]);
  const today = useMemo(() => todays(loaded), [loaded]);
  // Sign-ups come latest first: keep loading while the oldest loaded one still starts after yesterday.
  const oldest = loaded[loaded.length - 1];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = signups;
  useEffect(() => {
    if (oldest && hasNextPage && !isFetchingNextPage && oldest.startsAt >= chinaMidnight(-1).toISOString())
      void fetchNextPage();
  }, [oldest, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const activityId =
    picked && today.some((s) => s.activityId === picked)
      ? picked
      : today.length === 1
        ? today[0]?.activityId
        : undefined;
  const chosen = useActivity(activityId ?? '');
  const geofence = activityId && chosen.data?.geofenceMeters ? chosen.data.geofenceMeters : null;

  const onManual = (action: AttendanceAction) => {
    if (!activityId) return setProblem(t('checkin.pickActivity'));
    if (!/^\d{6}$/.test(code)) return setProblem(t('checkin.codeFormat'));
    setProblem(null);
    void flow.submit(action, { activityId, code });
  };

  const onScan = (payload: string) => {
    setScanning(false);
    const mine = today.find((s) => payload.includes(`.${s.activityId}.`));
    // Checked in already → this scan is the check-out.
    const action: AttendanceAction = mine?.checkInAt && !mine.checkOutAt ? 'out' : 'in';
    void flow.submit(action, { qr: payload });
  };

  if (flow.result) {
    return (
      <SubPage title={t('checkin.title')} backTo="/">
        <AttendanceResult
          action={flow.action}
          answer={flow.result}
          onDone={() => {
            flow.reset();
            setCode('');
          }}
        />
      </SubPage>
    );
  }

  return (
    <SubPage title={t('checkin.title')} backTo="/">
      {flow.locating && <NoticeBar color="info" content={t('checkin.locating')} />}

      <section className="card" aria-labelledby="scan-title">
        <h2 id="scan-title" className="card__title">
          {t('checkin.scan')}
        </h2>
        {scanning ? (
          <>
            <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
              <QrScanner onScan={onScan} />
            </Suspense>
            <Button block fill="outline" onClick={() => setScanning(false)}>
              {t('checkin.closeCamera')}
            </Button>
          </>
        ) : (
          <Button block color="primary" size="large" onClick={() => setScanning(true)} loading={flow.busy}>
            <ScanningOutline aria-hidden="true" /> {t('checkin.openCamera')}
          </Button>
        )}
      </section>

      <section className="card" aria-labelledby="manual-title">
        <h2 id="manual-title" className="card__title">
          {t('checkin.manual')}
        </h2>
        <p className="field-label">{t('checkin.activity')}</p>
        {signups.isPending ? (
          <p className="muted">{t('common.loading')}</p>
        ) : today.length === 0 ? (
          <p className="muted">{t('checkin.noToday')}</p>
        ) : (
          <ChipSelect<string>
            column
            label={t('checkin.activity')}
            value={activityId}
            onChange={(v) => {
              setPicked(v);
              setProblem(null);
            }}
            options={today.map((s) => ({
              value: s.activityId,
              label: `${s.title} · ${formatRange(s.startsAt, s.endsAt, locale)}`,
            }))}
          />
        )}
        {geofence && <p className="muted">{t('checkin.geofenceNote', { m: geofence })}</p>}
        <label className="field-label" htmlFor="checkin-code">
          {t('checkin.code')}
        </label>
        <Input
          id="checkin-code"
          className="code-input"
          placeholder={t('checkin.ph.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(v) => {
            setCode(v.replace(/\D/g, '').slice(0, 6));
            setProblem(null);
          }}
        />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {flow.locationDenied && (
          <p className="form-error" role="alert">
            {t('checkin.locationDenied')}
          </p>
        )}
        <FormError error={flow.error} />
        <div className="two-buttons">
          <Button
            color="primary"
            size="large"
            loading={flow.busy && flow.action === 'in'}
            disabled={flow.busy}
            onClick={() => onManual('in')}
          >
            {t('checkin.in')}
          </Button>
          <Button
            className="btn-checkout"
            size="large"
            loading={flow.busy && flow.action === 'out'}
            disabled={flow.busy}
            onClick={() => onManual('out')}
          >
            {t('checkin.out')}
          </Button>
        </div>
      </section>
    </SubPage>
  );
}
