// Photos for a step (resolve: what was done): up to 6, each uploaded at once through uploadReportPhoto, which checks
// the content, strips metadata and resizes; a refused file shows the server's reason.
import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { photoPayload } from '../../../shared/photoFile';
import { useUploadReportPhoto } from './queries';

export const MAX_PHOTOS = 6;

/** The stored ids of the uploaded photos of a file list. */
export function photoIdsOf(files: UploadFile[]): string[] {
  return files.flatMap((f) => {
    const id = (f.response as { id?: string } | undefined)?.id;
    return f.status === 'done' && id ? [id] : [];
  });
}

export function PhotoUpload({
  districtId,
  files,
  onChange,
}: {
  /** The report's district (staff may have no home district to default to). */
  districtId: string;
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const upload = useUploadReportPhoto();
  return (
    <Upload
      accept="image/*"
      listType="picture-card"
      multiple
      maxCount={MAX_PHOTOS}
      fileList={files}
      onChange={({ fileList }) => onChange(fileList.filter((f) => f.status !== 'error'))}
      customRequest={({ file, onSuccess, onError }) => {
        void photoPayload(file as File)
          .then((body) => upload.mutateAsync({ ...body, districtId }))
          .then((stored) => onSuccess?.(stored))
          .catch((err: unknown) => {
            message.error(errorMessage(err));
            onError?.(err instanceof Error ? err : new Error(String(err)));
          });
      }}
    >
      {files.length < MAX_PHOTOS && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined aria-hidden />
          <div style={{ marginTop: 8 }}>{t('rpt.photos.add')}</div>
        </button>
      )}
    </Upload>
  );
}
