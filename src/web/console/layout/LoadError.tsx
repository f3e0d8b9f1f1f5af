// A failed load, with the server's message and a retry button.
import { Button, Result } from 'antd';
import { useI18n } from '../i18n';
import { errorMessage } from '../lib/errors';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t('common.loadError')}
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
