// 批量导入: pick the community and an .xlsx made from the template; show what was created and each bad row.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Result, TreeSelect, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ImportErrorsTable } from '../../components/ImportErrorsTable';
import { useI18n } from '../../i18n';
import { useDownload } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import type { ImportReport } from '../../lib/volunteering';
import type { VolunteeringScope } from '../org/scope';
import { useImportVolunteers, volunteerUrls } from './queries';

const MAX_BYTES = 10 * 1024 * 1024;

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export interface ImportVolunteersModalProps {
  open: boolean;
  scope: VolunteeringScope;
  defaultCommunityId?: string;
  onClose: () => void;
}

export function ImportVolunteersModal({ open, scope, defaultCommunityId, onClose }: ImportVolunteersModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const importer = useImportVolunteers();
  const { download, busy } = useDownload();
  const [communityId, setCommunityId] = useState<string | undefined>(defaultCommunityId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  useEffect(() => {
    if (open) {
      setCommunityId(defaultCommunityId);
      setFile(null);
      setFileError(null);
      setReport(null);
      importer.reset();
    }
  }, [open]);

  const onImport = async () => {
    if (!communityId || !file) return;
    try {
      const fileBase64 = await readBase64(file);
      const res = await importer.mutateAsync({ communityId, fileBase64 });
      setReport(res);
      if (res.created > 0) message.success(t('vol.import.createdToast', { count: res.created }));
    } catch (err) {
      setFileError(errorMessage(err));
    }
  };

  const again = () => {
    setReport(null);
    setFile(null);
    setFileError(null);
  };

  return (
    <Modal
      open={open}
      title={t('vol.import.title')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        report
          ? [
              <Button key="again" onClick={again}>
                {t('vol.import.again')}
              </Button>,
              <Button key="close" type="primary" onClick={onClose}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="ok"
                type="primary"
                onClick={onImport}
                disabled={!communityId || !file}
                loading={importer.isPending}
                data-testid="import-submit"
              >
                {t('vol.import.submit')}
              </Button>,
            ]
      }
    >
      {report ? (
        <ImportResult report={report} />
      ) : (
        <Form layout="vertical" name="import-volunteers">
          <Form.Item label={t('vol.community')} required>
            <TreeSelect
              aria-label={t('vol.community')}
              placeholder={t('vol.pickCommunity')}
              value={communityId}
              onChange={(v?: string) => setCommunityId(v ?? undefined)}
              treeData={scope.communityTree}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={scope.nodesLoading}
            />
          </Form.Item>
          <Form.Item
            label={t('vol.import.file')}
            required
            extra={t('vol.import.fileHelp')}
            validateStatus={fileError ? 'error' : undefined}
            help={fileError ?? undefined}
          >
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'f', name: file.name, size: file.size, status: 'done' }] : []}
              onRemove={() => {
                setFile(null);
                setFileError(null);
              }}
              beforeUpload={(f) => {
                setFileError(null);
                if (!/\.xlsx$/i.test(f.name)) {
                  setFileError(t('vol.import.notXlsx'));
                  return Upload.LIST_IGNORE;
                }
                if (f.size > MAX_BYTES) {
                  setFileError(t('vol.import.tooBig'));
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">{t('vol.import.drop')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Button
            type="link"
            icon={<DownloadOutlined aria-hidden />}
            disabled={!communityId}
            loading={busy === 'template'}
            onClick={() =>
              communityId && download(volunteerUrls.template(communityId), '志愿者导入模板.xlsx', 'template')
            }
            style={{ paddingInline: 0 }}
          >
            {t('vol.template')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-result">
      <Result
        status={report.errors.length === 0 ? 'success' : report.created > 0 ? 'warning' : 'error'}
        title={t('vol.import.resultTitle', { created: report.created })}
        subTitle={t('vol.import.resultSub', { errors: report.errors.length, skipped: report.skipped })}
        style={{ padding: '16px 0' }}
      />
      {report.errors.length > 0 && (
        <>
          <Alert type="warning" showIcon title={t('vol.import.errorsHint')} style={{ marginBottom: 12 }} />
          <ImportErrorsTable errors={report.errors} rowLabel={(r) => t('vol.import.rowN', { row: r })} />
        </>
      )}
    </div>
  );
}
