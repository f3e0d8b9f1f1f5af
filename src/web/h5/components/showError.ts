// Shows a refused action's reason in a dialog the person must acknowledge (clearer than a toast for elders).
import { Dialog } from 'antd-mobile';
import { ApiError } from '../../shared/api';
import type { Translate } from '../i18n';

export function errorText(error: unknown, t: Translate): string {
  return error instanceof ApiError ? error.message : t('err.generic');
}

export function showError(error: unknown, t: Translate): void {
  void Dialog.alert({ title: t('common.failTitle'), content: errorText(error, t), confirmText: t('common.gotIt') });
}
