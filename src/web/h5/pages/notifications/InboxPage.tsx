// 消息 (/messages): my notices, newest first, in plain words with their time; unread ones stand out. A tap marks the
// notice read and opens what it is about; "全部已读" clears the badge. Settings (mute a kind) at the top right.
import { useNavigate } from 'react-router';
import { Button, InfiniteScroll, NavBar, Toast } from 'antd-mobile';
import { SetOutline } from 'antd-mobile-icons';
import type { Notification } from '../../../shared/api-types';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { useMarkRead, useNotifications } from '../../features/notifications/queries';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';

/** Opens a notice's deep link: H5 paths in the app, console paths (/admin/…) as a page load. */
function useOpenLink() {
  const navigate = useNavigate();
  return (link: string | null) => {
    if (!link) return;
    if (link === '/admin' || link.startsWith('/admin/')) window.location.assign(link);
    else void navigate(link);
  };
}

function NoticeItem({ n }: { n: Notification }) {
  const { locale, t } = useI18n();
  const markRead = useMarkRead();
  const open = useOpenLink();
  const unread = n.readAt === null;
  const onTap = async () => {
    try {
      if (unread) await markRead.mutateAsync({ ids: [n.id] });
      open(n.link);
    } catch (error) {
      showError(error, t);
    }
  };
  return (
    <li>
      <button
        type="button"
        className={`notice${unread ? ' notice--unread' : ''}`}
        onClick={() => void onTap()}
        aria-label={`${unread ? `${t('messages.unread')} ` : ''}${n.title}`}
      >
        <span className="notice__head">
          {unread && <span className="notice__dot" aria-hidden="true" />}
          <span className="notice__title">{n.title}</span>
        </span>
        <span className="notice__body">{n.body}</span>
        <time className="notice__time" dateTime={n.createdAt}>
          {formatDateTime(n.createdAt, locale)}
        </time>
      </button>
    </li>
  );
}

export function InboxPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const query = useNotifications(locale);
  const markRead = useMarkRead();
  const unread = query.data?.pages[0]?.unread ?? 0;
  const readAll = async () => {
    try {
      await markRead.mutateAsync({ all: true });
      Toast.show({ content: t('messages.readAllDone') });
    } catch (error) {
      showError(error, t);
    }
  };
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="inbox">
      <NavBar
        back={null}
        right={
          <Button
            fill="none"
            size="large"
            aria-label={t('messages.settings')}
            onClick={() => void navigate('/messages/settings')}
          >
            <SetOutline fontSize={26} />
          </Button>
        }
      >
        <h1 className="sub-page__title">{t('messages.title')}</h1>
      </NavBar>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty text={t('messages.empty')} />
      ) : (
        <>
          {unread > 0 && (
            <div className="inbox__actions">
              <Button size="large" onClick={() => void readAll()} loading={markRead.isPending}>
                {t('messages.readAll')}
              </Button>
            </div>
          )}
          <ul className="plain-list notice-list">
            {items.map((n) => (
              <NoticeItem key={n.id} n={n} />
            ))}
          </ul>
          <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
        </>
      )}
    </div>
  );
}
