// Shown instead of a points page to staff without points rights (grid workers, social workers).
import { Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { useCurrentMe } from '../org/scope';
import { isPointsAdmin } from './scope';

export function PointsGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useCurrentMe();
  if (!isPointsAdmin(me)) {
    return (
      <Card>
        <Result status="403" title={t('pts.noAccess')} subTitle={t('pts.noAccessDesc')} />
      </Card>
    );
  }
  return <>{children}</>;
}
