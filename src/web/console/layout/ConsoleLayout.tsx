// The frame around every console page: side menu, and a header with the person, their scope,
// the language switch and logout.
import {
  ApartmentOutlined,
  BulbOutlined,
  CommentOutlined,
  CameraOutlined,
  DatabaseOutlined,
  ProjectOutlined,
  AuditOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  HeartOutlined,
  WalletOutlined,
  LogoutOutlined,
  SettingOutlined,
  ShopOutlined,
  StarOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
  SolutionOutlined,
  EnvironmentOutlined,
} from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../shared/types';
import { useI18n } from '../i18n';
import { useLogout } from '../features/account/queries';
import { ROLE_COLOR, STAFF_ROLES, staffAssignments } from '../lib/roles';
import { mediationMenu, seesMediation } from '../features/mediation/access';
import { isPointsAdmin } from '../features/points/scope';
import { isMallAdmin } from '../features/mall/scope';
import { isProjectStaff } from '../features/projects/scope';
import { isReportStaff } from '../features/reports/scope';
import { isCareStaff } from '../features/care/access';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { PRIMARY_COLOR } from '../theme';

const { Sider, Header, Content } = Layout;

/** Menu groups: the first path segment → the page shown for the bare group path. */
const MENU_GROUPS: Record<string, string> = { points: 'accounts', mall: 'merchants' };

export function ConsoleLayout({ me }: { me: Me }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const parts = location.pathname.split('/');
  const section = '/' + (parts[1] || 'org');
  // Pages inside a menu group (积分, 商城与商户) are selected by their full path; the group opens while one is shown.
  const group = MENU_GROUPS[section.slice(1)];
  const selected = group ? `${section}/${parts[2] || group}` : section;
  const [openKeys, setOpenKeys] = useState<string[]>(group ? [section.slice(1)] : []);
  useEffect(() => {
    const key = section.slice(1);
    if (MENU_GROUPS[key]) setOpenKeys((keys) => (keys.includes(key) ? keys : [...keys, key]));
  }, [section]);
  const districtAdmin = me.roles.some((r) => r.role === 'district_admin');
  const scopes = staffAssignments(me);
  const shown = scopes.slice(0, 2);
  const hidden = scopes.slice(2);

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        message.success(t('header.loggedOut'));
        void navigate('/login', { replace: true });
      },
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', gap: 8, padding: '0 20px' }}>
          <span
            aria-hidden
            style={{
              width: 28,
              height: 28,
              borderRadius: 6,
              background: PRIMARY_COLOR,
              color: '#fff',
              display: 'inline-flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontWeight: 600,
            }}
          >
            邻
          </span>
          <span>
            <Typography.Text strong>{t('app.brand')}</Typography.Text>{' '}
            <Typography.Text type="secondary">{t('app.brandSub')}</Typography.Text>
          </span>
        </div>
        <nav aria-label={t('nav.menu')}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            style={{ borderInlineEnd: 'none' }}
            onClick={(e) => navigate(e.key)}
            items={mediationMenu(me, STAFF_ROLES, [
              { key: '/org', icon: <ApartmentOutlined aria-hidden />, label: t('nav.org') },
              { key: '/people', icon: <TeamOutlined aria-hidden />, label: t('nav.people') },
              { key: '/volunteers', icon: <HeartOutlined aria-hidden />, label: t('nav.volunteers') },
              { key: '/teams', icon: <UsergroupAddOutlined aria-hidden />, label: t('nav.teams') },
              { key: '/activities', icon: <CalendarOutlined aria-hidden />, label: t('nav.activities') },
              { key: '/needs', icon: <SolutionOutlined aria-hidden />, label: t('nav.needs') },
              ...(isReportStaff(me)
                ? [{ key: '/reports', icon: <CameraOutlined aria-hidden />, label: t('nav.reports') }]
                : []),
              { key: '/acceptance', icon: <FileDoneOutlined aria-hidden />, label: t('nav.acceptance') },
              { key: '/star-promotions', icon: <StarOutlined aria-hidden />, label: t('nav.stars') },
              { key: '/past-service', icon: <FileDoneOutlined aria-hidden />, label: t('nav.pastService') },
              ...(isPointsAdmin(me)
                ? [
                    {
                      key: 'points',
                      icon: <WalletOutlined aria-hidden />,
                      label: t('nav.points'),
                      children: [
                        { key: '/points/accounts', label: t('nav.pointsAccounts') },
                        { key: '/points/journals', label: t('nav.pointsJournals') },
                        { key: '/points/contributions', label: t('nav.pointsContributions') },
                        { key: '/points/rules', label: t('nav.pointsRules') },
                        { key: '/points/year-summary', label: t('nav.pointsYearSummary') },
                        ...(districtAdmin ? [{ key: '/points/verification', label: t('nav.pointsVerification') }] : []),
                      ],
                    },
                  ]
                : []),
              ...(isMallAdmin(me)
                ? [
                    {
                      key: 'mall',
                      icon: <ShopOutlined aria-hidden />,
                      label: t('nav.mall'),
                      children: [
                        { key: '/mall/merchants', label: t('nav.mallMerchants') },
                        { key: '/mall/catalog', label: t('nav.mallCatalog') },
                        { key: '/mall/statements', label: t('nav.mallStatements') },
                        { key: '/mall/stats', label: t('nav.mallStats') },
                      ],
                    },
                  ]
                : []),
              ...(isProjectStaff(me)
                ? [
                    { key: '/resources', icon: <DatabaseOutlined aria-hidden />, label: t('nav.resources') },
                    { key: '/projects', icon: <ProjectOutlined aria-hidden />, label: t('nav.projects') },
                    { key: '/suggestions', icon: <BulbOutlined aria-hidden />, label: t('nav.suggestions') },
                  ]
                : []),
              ...(seesMediation(me)
                ? [{ key: '/mediation', icon: <CommentOutlined aria-hidden />, label: t('nav.mediation') }]
                : []),
              ...(isCareStaff(me) ? [{ key: '/care', icon: <HeartOutlined aria-hidden />, label: t('nav.care') }] : []),
              ...(isMallAdmin(me)
                ? [{ key: '/service-map', icon: <EnvironmentOutlined aria-hidden />, label: t('nav.serviceMap') }]
                : []),
              { key: '/audit', icon: <AuditOutlined aria-hidden />, label: t('nav.audit') },
              ...(districtAdmin
                ? [{ key: '/settings', icon: <SettingOutlined aria-hidden />, label: t('nav.settings') }]
                : []),
            ])}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            height: 56,
            lineHeight: '56px',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: 16,
          }}
        >
          <Space size={4} aria-label={t('header.scope')} data-testid="header-scope">
            <Typography.Text type="secondary">{t('header.scopeLabel')}</Typography.Text>
            {shown.map((r) => (
              <Tag key={r.id} color={ROLE_COLOR[r.role]} style={{ marginInlineEnd: 0 }}>
                {t(`role.${r.role}`)} · {r.nodeName}
              </Tag>
            ))}
            {hidden.length > 0 && (
              <Tooltip title={hidden.map((r) => `${t(`role.${r.role}`)} · ${r.nodeName}`).join('，')}>
                <Tag style={{ marginInlineEnd: 0 }}>+{hidden.length}</Tag>
              </Tooltip>
            )}
          </Space>
          <Space size={6} data-testid="header-user">
            <UserOutlined aria-hidden />
            <Typography.Text>{me.displayName}</Typography.Text>
          </Space>
          <NotificationBell />
          <LanguageSwitch />
          <Button icon={<LogoutOutlined aria-hidden />} onClick={onLogout} loading={logout.isPending}>
            {t('header.logout')}
          </Button>
        </Header>
        <Content style={{ padding: 20, background: '#f5f6f8' }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
