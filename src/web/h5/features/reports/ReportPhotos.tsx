// A row of photo thumbnails; tapping one opens the phone-sized pictures full screen (swipe between them).
import { useState } from 'react';
import { ImageViewer } from 'antd-mobile';
import type { ReportPhoto } from '../../../shared/api-types';
import { useI18n } from '../../i18n';

export function ReportPhotos({ photos, label }: { photos: ReportPhoto[]; label: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  if (photos.length === 0) return null;
  return (
    <>
      <ul className="rep-thumbs" aria-label={label}>
        {photos.map((p, i) => (
          <li key={p.id}>
            <button type="button" onClick={() => setOpen(i)} aria-label={t('rep.photos.open', { n: i + 1 })}>
              <img src={p.thumbUrl} alt="" loading="lazy" />
            </button>
          </li>
        ))}
      </ul>
      <ImageViewer.Multi
        images={photos.map((p) => p.url)}
        visible={open !== null}
        defaultIndex={open ?? 0}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
