// 签到码: the activity's current 6-digit code, big enough to read across a room, with its QR; renews itself.
import { Modal, QRCode, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import type { Activity } from '../../lib/volunteering';
import { useAttendanceCode } from './queries';

export function AttendanceCodeModal({
  activity,
  open,
  onClose,
}: {
  activity: Activity;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const code = useAttendanceCode(activity.id, open);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!open) return;
    const h = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(h);
  }, [open]);
  const left = code.data ? Math.max(0, Math.ceil((Date.parse(code.data.expiresAt) - now) / 1000)) : 0;

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={560}
      title={t('act.codeTitle', { title: activity.title })}
      destroyOnHidden
    >
      {code.isPending ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      ) : code.isError ? (
        <Typography.Paragraph type="danger">{errorMessage(code.error)}</Typography.Paragraph>
      ) : (
        <Space orientation="vertical" align="center" style={{ width: '100%' }} size={12}>
          <div
            data-testid="attendance-code"
            aria-live="polite"
            style={{
              fontSize: 72,
              fontWeight: 700,
              letterSpacing: 16,
              fontFamily: 'monospace',
              lineHeight: 1.1,
              paddingInlineStart: 16,
            }}
          >
            {code.data.code}
          </div>
          <Typography.Text type="secondary">
            {left > 0 ? t('act.codeRefreshIn', { seconds: left }) : t('act.codeRefreshing')}
          </Typography.Text>
          <QRCode value={code.data.qrPayload} size={200} status={left > 0 ? 'active' : 'loading'} />
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {t('act.codeHelp')}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
