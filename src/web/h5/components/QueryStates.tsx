// Loading, failed and empty states shared by the list and detail pages.
import type { ReactNode } from 'react';
import { Button, ErrorBlock, SpinLoading } from 'antd-mobile';
import { ApiError } from '../../shared/api';
import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="page-center" aria-busy="true" aria-label={t('common.loading')}>
      <SpinLoading color="primary" />
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="page-center">
      <ErrorBlock
        status="default"
        title={t('common.loadFailed')}
        description={error instanceof ApiError ? error.message : t('err.generic')}
      >
        {onRetry && (
          <Button color="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </ErrorBlock>
    </div>
  );
}

export function Empty({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <div className="empty" role="status">
      <p className="empty__text">{text}</p>
      {children}
    </div>
  );
}
