// Pages with the bottom tab bar (首页 / 活动 / 商城 / 消息 / 我的); 消息 carries the unread badge.
import { Outlet, useLocation, useNavigate } from 'react-router';
import { TabBar } from 'antd-mobile';
import { AppOutline, CalendarOutline, MessageOutline, ShopbagOutline, UserOutline } from 'antd-mobile-icons';
import { useUnreadCount } from '../features/notifications/queries';
import { useI18n } from '../i18n';

export function TabLayout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const unread = useUnreadCount().data ?? 0;
  const tabs = [
    { key: '/', title: t('tab.home'), icon: <AppOutline /> },
    { key: '/activities', title: t('tab.activities'), icon: <CalendarOutline /> },
    { key: '/mall', title: t('tab.mall'), icon: <ShopbagOutline /> },
    {
      key: '/messages',
      title: t('tab.messages'),
      icon: <MessageOutline aria-label={unread > 0 ? t('messages.badge', { n: unread }) : undefined} />,
      badge: unread > 0 ? (unread > 99 ? '99+' : String(unread)) : undefined,
    },
    { key: '/me', title: t('tab.me'), icon: <UserOutline /> },
  ];
  return (
    <div className="tab-layout">
      <main className="tab-layout__body">
        <Outlet />
      </main>
      <nav className="tab-layout__bar" aria-label={t('app.name')}>
        <TabBar safeArea activeKey={pathname} onChange={(key) => navigate(key)}>
          {tabs.map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={tab.title} badge={tab.badge} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
