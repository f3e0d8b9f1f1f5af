// Up to 6 photos: 拍照 opens the camera (capture="environment"), 从相册选 the gallery; each photo uploads at once,
// shows its preview while it goes, and has a big × to remove it. A refused file (not a picture, too large) says why
// in the server's words and is dropped.
import { type Dispatch, type SetStateAction, useEffect, useRef } from 'react';
import { Toast } from 'antd-mobile';
import { CameraOutline, PictureOutline } from 'antd-mobile-icons';
import { ApiError } from '../../../shared/api';
import { useI18n } from '../../i18n';
import { photoPayload } from '../../../shared/photoFile';
import { useUploadReportPhoto } from './queries';

export interface PickedPhoto {
  /** Local key (the upload's id once it is stored). */
  key: string;
  /** The stored photo's id; null while uploading. */
  id: string | null;
  preview: string;
}

interface Props {
  /** The report's community when it is not my home's (the photo goes to its district; else my home's). */
  communityId?: string;
  /** Why photos cannot be added yet (e.g. the community is not chosen); the buttons wait until it is gone. */
  blocked?: string | null;
  photos: PickedPhoto[];
  setPhotos: Dispatch<SetStateAction<PickedPhoto[]>>;
  max?: number;
  label: string;
}

let seq = 0;

export function PhotoPicker({ communityId, blocked, photos, setPhotos, max = 6, label }: Props) {
  const { t } = useI18n();
  const upload = useUploadReportPhoto();
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((u) => URL.revokeObjectURL(u));
  }, []);

  const room = max - photos.length;
  const add = async (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    if (chosen.length > room) Toast.show({ content: t('rep.photos.tooMany', { n: max }) });
    for (const file of chosen.slice(0, Math.max(0, room))) {
      const key = `p${++seq}`;
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      setPhotos((ps) => [...ps, { key, id: null, preview }]);
      try {
        const stored = await upload.mutateAsync({ ...(await photoPayload(file)), communityId });
        setPhotos((ps) => ps.map((p) => (p.key === key ? { ...p, id: stored.id } : p)));
      } catch (err) {
        setPhotos((ps) => ps.filter((p) => p.key !== key));
        Toast.show({ content: err instanceof ApiError ? err.message : t('rep.photos.failed'), duration: 4000 });
      }
    }
  };

  return (
    <div className="rep-photos" role="group" aria-label={label}>
      <ul className="rep-photos__grid">
        {photos.map((p, i) => (
          <li key={p.key} className="rep-photos__item">
            <img src={p.preview} alt={t('rep.photos.nth', { n: i + 1 })} />
            {p.id === null && <span className="rep-photos__busy">{t('rep.photos.uploading')}</span>}
            <button
              type="button"
              className="rep-photos__remove"
              aria-label={t('rep.photos.remove', { n: i + 1 })}
              onClick={() => setPhotos((ps) => ps.filter((x) => x.key !== p.key))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {blocked && <p className="muted">{blocked}</p>}
      {room > 0 && !blocked && (
        <div className="two-buttons">
          <button type="button" className="rep-photos__add" onClick={() => camera.current?.click()}>
            <CameraOutline aria-hidden="true" />
            {t('rep.photos.camera')}
          </button>
          <button type="button" className="rep-photos__add" onClick={() => gallery.current?.click()}>
            <PictureOutline aria-hidden="true" />
            {t('rep.photos.gallery')}
          </button>
        </div>
      )}
      <p className="muted">{t('rep.photos.hint', { n: photos.length, max })}</p>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        data-testid="report-camera"
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={gallery}
        type="file"
        accept="image/*"
        multiple
        hidden
        data-testid="report-gallery"
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
    </div>
  );
}
