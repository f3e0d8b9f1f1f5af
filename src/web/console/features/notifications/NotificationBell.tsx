// The header bell: unread count as a badge; a drawer lists my notices (newest first) with their time; a click marks
// one read and opens what it is about (console pages in place, H5 pages in the resident app); "全部已读" clears all.
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api';
import type { Notification } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { useMarkRead, useNotifications, useUnreadCount } from './queries';

export function NotificationBell() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount().data ?? 0;
  const list = useNotifications(locale, open);
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const fail = (error: unknown) => message.error(error instanceof ApiError ? error.message : String(error));
  const openNotice = async (n: Notification) => {
    try {
      if (n.readAt === null) await markRead.mutateAsync({ ids: [n.id] });
      if (!n.link) return;
      setOpen(false);
      if (n.link === '/admin' || n.link.startsWith('/admin/')) void navigate(n.link.slice('/admin'.length) || '/');
      else window.location.assign(n.link);
    } catch (error) {
      fail(error);
    }
  };
  const readAll = async () => {
    try {
      await markRead.mutateAsync({ all: true });
      message.success(t('notices.readAllDone'));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <Badge count={unread} overflowCount={99} size="small">
        <Button
          type="text"
          icon={<BellOutlined aria-hidden style={{ fontSize: 18 }} />}
          aria-label={unread > 0 ? t('notices.bellUnread', { n: unread }) : t('notices.bell')}
          data-testid="notification-bell"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        title={t('notices.title')}
        open={open}
        onClose={() => setOpen(false)}
        width={420}
        extra={
          unread > 0 && (
            <Button onClick={() => void readAll()} loading={markRead.isPending}>
              {t('notices.readAll')}
            </Button>
          )
        }
      >
        {items.length === 0 && !list.isPending ? (
          <Empty description={t('notices.empty')} />
        ) : (
          <List
            loading={list.isPending}
            dataSource={items}
            loadMore={
              list.hasNextPage ? (
                <div style={{ textAlign: 'center', marginTop: 12 }}>
                  <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('common.loadMore')}
                  </Button>
                </div>
              ) : null
            }
            renderItem={(n) => (
              <List.Item
                style={{ cursor: n.link ? 'pointer' : undefined, background: n.readAt ? undefined : '#f3f8ff' }}
                onClick={() => void openNotice(n)}
                data-testid="notice"
              >
                <List.Item.Meta
                  title={
                    <Space size={6}>
                      {n.readAt === null && <Tag color="red">{t('notices.unread')}</Tag>}
                      <Typography.Text strong>{n.title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <div>{n.body}</div>
                      <Typography.Text type="secondary">{formatChina(n.createdAt)}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
