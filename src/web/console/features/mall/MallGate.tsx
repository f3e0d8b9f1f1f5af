// Shown instead of a mall page to staff without mall rights (grid workers, social workers).
import { Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { useCurrentMe } from '../org/scope';
import { isMallAdmin } from './scope';

export function MallGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useCurrentMe();
  if (!isMallAdmin(me)) {
    return (
      <Card>
        <Result status="403" title={t('mall.noAccess')} subTitle={t('mall.noAccessDesc')} />
      </Card>
    );
  }
  return <>{children}</>;
}
