// Camera QR scanner: the rear camera into a <video>, frames drawn on a canvas and decoded with jsQR a few
// times a second. Only payloads with the expected prefix are handed on (Linli attendance codes, "LINLI-ATT.", by
// default; the merchant counter passes the voucher prefix); the camera stops after a hit and on unmount.
import { useEffect, useRef, useState } from 'react';
import jsQR from 'jsqr';
import { useI18n } from '../../i18n';
import { ATTENDANCE_QR_PREFIX } from './types';

type State = 'starting' | 'scanning' | 'denied' | 'unsupported';

const SCAN_EVERY_MS = 200;
const MAX_FRAME_WIDTH = 640;

interface Texts {
  /** Where to point the camera. */
  hint: string;
  /** A QR code was seen but it is not one of ours. */
  notOurs: string;
  /** The camera was refused or is missing. */
  denied: string;
  /** The browser cannot use a camera at all. */
  unsupported: string;
}

interface Props {
  onScan: (payload: string) => void;
  /** Payloads handed on must start with this. */
  prefix?: string;
  /** Replaces the check-in wording. */
  texts?: Partial<Texts>;
  /** Return false to ignore a payload and keep scanning (e.g. the code just handled is still in view). */
  accept?: (payload: string) => boolean;
}

export function QrScanner({ onScan, prefix = ATTENDANCE_QR_PREFIX, texts, accept }: Props) {
  const { t } = useI18n();
  const text: Texts = {
    hint: texts?.hint ?? t('checkin.scanHint'),
    notOurs: texts?.notOurs ?? t('checkin.notOurs'),
    denied: texts?.denied ?? t('checkin.cameraDenied'),
    unsupported: texts?.unsupported ?? t('checkin.cameraUnsupported'),
  };
  const prefixRef = useRef(prefix);
  const acceptRef = useRef(accept);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const onScanRef = useRef(onScan);
  const [state, setState] = useState<State>('starting');
  const [foreign, setForeign] = useState(false);

  useEffect(() => {
    onScanRef.current = onScan;
    prefixRef.current = prefix;
    acceptRef.current = accept;
  }, [onScan, prefix, accept]);

  useEffect(() => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unsupported');
      return;
    }
    let stream: MediaStream | null = null;
    let raf = 0;
    let stopped = false;
    let last = 0;
    const stop = () => {
      stopped = true;
      cancelAnimationFrame(raf);
      stream?.getTracks().forEach((track) => track.stop());
    };
    const tick = (now: number) => {
      if (stopped) return;
      raf = requestAnimationFrame(tick);
      if (now - last < SCAN_EVERY_MS) return;
      last = now;
      const video = videoRef.current;
      const canvas = canvasRef.current;
      if (!video || !canvas || video.readyState < video.HAVE_ENOUGH_DATA || !video.videoWidth) return;
      const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
      const w = Math.floor(video.videoWidth * scale);
      const h = Math.floor(video.videoHeight * scale);
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(video, 0, 0, w, h);
      const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
      if (!found?.data) return;
      if (found.data.startsWith(prefixRef.current)) {
        if (acceptRef.current?.(found.data) === false) return;
        stop();
        onScanRef.current(found.data);
      } else {
        setForeign(true);
      }
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then((s) => {
        if (stopped) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        const video = videoRef.current;
        if (video) {
          video.srcObject = s;
          void video.play().catch(() => undefined);
        }
        setState('scanning');
        raf = requestAnimationFrame(tick);
      })
      .catch(() => setState('denied'));
    return stop;
  }, []);

  if (state === 'unsupported' || state === 'denied') {
    return (
      <p className="form-error" role="alert">
        {state === 'denied' ? text.denied : text.unsupported}
      </p>
    );
  }
  return (
    <div className="scanner">
      <div className="scanner__view">
        <video ref={videoRef} className="scanner__video" playsInline muted aria-label={text.hint} />
        <span className="scanner__frame" aria-hidden="true" />
      </div>
      <canvas ref={canvasRef} hidden />
      <p className="muted scanner__hint" role="status">
        {state === 'starting' ? t('common.loading') : foreign ? text.notOurs : text.hint}
      </p>
    </div>
  );
}
