// 我的需求 (/needs): my needs, newest first, each with its state in plain words; tap one for its progress.
import { Link, useNavigate } from 'react-router';
import { Button, InfiniteScroll, Tag } from 'antd-mobile';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { CategoryMark } from '../../features/needs/CategoryMark';
import { NEED_STATUS_COLOR, NEED_STATUS_LABEL } from '../../features/needs/labels';
import { useMyNeeds } from '../../features/needs/queries';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';

export function MyNeedsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const query = useMyNeeds();
  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const items = query.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <Empty text={t('needs.mine.empty')}>
          <Button color="primary" size="large" onClick={() => void navigate('/needs/new')}>
            {t('needs.mine.new')}
          </Button>
        </Empty>
      ) : (
        <>
          <ul className="plain-list">
            {items.map((n) => (
              <li key={n.id} className="card" style={{ marginBottom: 12 }}>
                <Link
                  to={`/needs/${n.id}`}
                  style={{ display: 'flex', gap: 12, color: 'inherit', padding: 4, textDecoration: 'none' }}
                >
                  <CategoryMark category={n.category} name={n.categoryName} />
                  <span style={{ flex: 1, minWidth: 0 }}>
                    <strong style={{ display: 'block', fontSize: '1.1em' }}>{n.title}</strong>
                    <span style={{ display: 'block', margin: '6px 0' }}>
                      <Tag color={NEED_STATUS_COLOR[n.status]} style={{ fontSize: '0.95em', padding: '3px 8px' }}>
                        {t(NEED_STATUS_LABEL[n.status])}
                      </Tag>
                    </span>
                    <span style={{ color: 'var(--adm-color-weak)' }}>
                      {t('needs.mine.created', { at: formatDateTime(n.createdAt, locale) })}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
        </>
      );
  }
  return (
    <SubPage title={t('needs.mine.title')} backTo="/">
      <div style={{ marginBottom: 12 }}>
        <Button block color="primary" size="large" onClick={() => void navigate('/needs/new')}>
          {t('needs.mine.new')}
        </Button>
      </div>
      {body}
    </SubPage>
  );
}
