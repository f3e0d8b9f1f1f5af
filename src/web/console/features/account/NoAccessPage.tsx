// Shown to a logged-in person who holds no staff role.
import { Button, Result, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { useLogout } from './queries';

export function NoAccessPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f5f6f8',
      }}
    >
      <Result
        status="403"
        title={t('noAccess.title')}
        subTitle={<div style={{ maxWidth: 460, margin: '0 auto' }}>{t('noAccess.desc', { name: me.displayName })}</div>}
        extra={
          <Space>
            <LanguageSwitch />
            <Button
              type="primary"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
            >
              {t('header.logout')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}
