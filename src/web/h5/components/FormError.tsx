// The server's answer to a failed form submission, shown where the person is looking and kept until retried.
import { ApiError } from '../../shared/api';
import { useI18n } from '../i18n';

export function FormError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('err.generic');
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}
