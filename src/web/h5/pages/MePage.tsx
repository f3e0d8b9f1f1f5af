// 我的: who I am (masked), volunteering, points, the mall, my roles, settings, the staff console link and sign-out.
import { useNavigate } from 'react-router';
import { Button, Dialog, List, Switch, Tag, Toast } from 'antd-mobile';
import { FileOutline, LockOutline, SetOutline, UserContactOutline } from 'antd-mobile-icons';
import type { Role } from '../../shared/types';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useCurrentUser } from '../features/account/currentUser';
import { useLogout } from '../features/account/queries';
import { usePreferences } from '../features/account/usePreferences';
import { MallMenu } from '../features/mall/MallMenu';
import { PointsMenu } from '../features/points/PointsMenu';
import { VolunteeringMenu } from '../features/volunteers/VolunteeringMenu';
import { roleKey, useI18n } from '../i18n';
import { ApiError } from '../../shared/api';

/**
 * Staff roles the console serves (mediators and the mediation lead work their cases there, 调解). Volunteers, team
 * leaders, merchant staff and partner contacts do their work in this app (the leader desk is /leader), so the
 * console link would only lead them nowhere.
 */
const CONSOLE_ROLES: ReadonlySet<Role> = new Set<Role>([
  'district_admin',
  'street_admin',
  'community_admin',
  'grid_worker',
  'social_worker',
  'mediation_lead',
  'mediator',
]);

export function MePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const { elderMode, changeElderMode, saving } = usePreferences();
  const initial = [...me.displayName.trim()][0] ?? '邻';
  const canUseConsole = me.roles.some((r) => CONSOLE_ROLES.has(r.role));

  const onLogout = async () => {
    const ok = await Dialog.confirm({
      content: t('me.logoutConfirm'),
      confirmText: t('me.logout'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    try {
      await logout.mutateAsync();
      Toast.show({ content: t('me.loggedOut') });
      void navigate('/login', { replace: true });
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof ApiError ? error.message : t('err.generic') });
    }
  };

  return (
    <div className="me">
      <header className="me__header">
        <div className="avatar" aria-hidden="true">
          {initial}
        </div>
        <div>
          <h1 className="me__name">{me.displayName}</h1>
          <p className="me__phone">{me.phoneMasked}</p>
        </div>
      </header>

      <List header={t('profile.title')} className="me__list">
        <List.Item extra={me.realNameMasked ?? t('common.notSet')}>{t('me.realName')}</List.Item>
        <List.Item extra={me.idNumberMasked ?? t('common.notSet')}>{t('me.idNumber')}</List.Item>
        <List.Item extra={me.homeNodeName ?? t('common.notSet')}>{t('me.community')}</List.Item>
        <List.Item prefix={<UserContactOutline aria-hidden="true" />} onClick={() => navigate('/me/profile')}>
          {t('me.editProfile')}
        </List.Item>
        <List.Item prefix={<LockOutline aria-hidden="true" />} onClick={() => navigate('/me/password')}>
          {t('me.changePassword')}
        </List.Item>
        <List.Item prefix={<FileOutline aria-hidden="true" />} onClick={() => navigate('/me/privacy')}>
          {t('me.privacy')}
        </List.Item>
      </List>

      <VolunteeringMenu />

      <PointsMenu />

      <MallMenu />

      <section className="card me__roles" aria-labelledby="me-roles">
        <h2 id="me-roles" className="card__title">
          {t('me.roles')}
        </h2>
        {me.roles.length === 0 ? (
          <p className="muted">
            <Tag
              round
              className="role-tag"
              style={{
                '--background-color': 'var(--linli-primary-soft)',
                '--border-color': 'var(--linli-primary-soft)',
                '--text-color': 'var(--adm-color-primary)',
              }}
            >
              {t('me.resident')}
            </Tag>{' '}
            {t('me.noRoles')}
          </p>
        ) : (
          <ul className="role-list">
            {me.roles.map((r) => (
              <li key={r.id} className="role-list__item">
                <Tag round color="primary" fill="outline" className="role-tag">
                  {t(roleKey(r.role))}
                </Tag>
                <span className="role-list__node">{r.nodeName}</span>
              </li>
            ))}
          </ul>
        )}
        {canUseConsole && (
          <a className="console-link" href="/admin">
            <SetOutline aria-hidden="true" />
            <span className="console-link__text">{t('me.console')}</span>
            <span className="console-link__hint">{t('me.consoleHint')}</span>
          </a>
        )}
      </section>

      <List header={t('me.settings')} className="me__list">
        <List.Item
          description={t('me.elderModeHint')}
          extra={
            <Switch checked={elderMode} loading={saving} onChange={changeElderMode} aria-label={t('me.elderMode')} />
          }
        >
          {t('me.elderMode')}
        </List.Item>
        <List.Item description={<LanguageSwitch />}>{t('me.language')}</List.Item>
      </List>

      <div className="me__logout">
        <Button block size="large" color="danger" fill="outline" onClick={onLogout} loading={logout.isPending}>
          {t('me.logout')}
        </Button>
      </div>
    </div>
  );
}
