// A failed load, with the server's message and a retry button.
import { WarningFilled } from '@ant-design/icons';
import { Button, theme, Typography } from 'antd';
import { useI18n } from '../i18n';
import { errorMessage } from '../lib/errors';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return (
    <div role="alert" style={{ padding: '48px 32px', textAlign: 'center' }}>
      <WarningFilled style={{ fontSize: 72, color: token.colorWarning }} />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('common.loadError')}
      </Typography.Title>
      <Typography.Text type="secondary">{errorMessage(error)}</Typography.Text>
      {onRetry && (
        <div style={{ marginTop: 24 }}>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </div>
      )}
    </div>
  );
}
