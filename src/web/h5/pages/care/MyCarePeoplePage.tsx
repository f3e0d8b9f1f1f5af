// 我关照的人 (/care): the people in care assigned to me, most urgent first, each a big card with its colour (red:
// overdue or an emergency; yellow: due within 48 h; blue: on schedule) and when the next visit is due; a tap opens the
// visit form.
import { Link } from 'react-router';
import { InfiniteScroll, Tag } from 'antd-mobile';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { ALERT_COLOR, ALERT_LABEL, TIER_LABEL } from '../../features/care/labels';
import { useMyCarePeople } from '../../features/care/queries';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/time';

const EDGE: Record<string, string> = { red: '#e53935', yellow: '#f9a825', blue: '#1677ff' };

export function MyCarePeoplePage() {
  const { t } = useI18n();
  const query = useMyCarePeople();
  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const items = query.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <Empty text={t('care.mine.empty')} />
      ) : (
        <>
          <ul className="plain-list" aria-label={t('care.mine.title')}>
            {items.map((s) => (
              <li
                key={s.id}
                className="card"
                data-alert={s.alert}
                style={{ marginBottom: 12, borderLeft: `6px solid ${EDGE[s.alert] ?? '#1677ff'}` }}
              >
                <Link
                  to={`/care/${s.id}`}
                  style={{
                    display: 'block',
                    color: 'inherit',
                    padding: '8px 4px',
                    textDecoration: 'none',
                    minHeight: 64,
                  }}
                >
                  <strong style={{ fontSize: '1.25em' }}>{s.name}</strong>{' '}
                  <Tag color={ALERT_COLOR[s.alert]} style={{ fontSize: '0.95em', padding: '3px 8px' }}>
                    {t(ALERT_LABEL[s.alert])}
                  </Tag>{' '}
                  <Tag fill="outline">{t(TIER_LABEL[s.tier])}</Tag>
                  <span style={{ display: 'block', marginTop: 6 }}>
                    {s.emergency
                      ? t('care.emergency')
                      : s.daysOverdue > 0
                        ? t('care.overdue', { days: s.daysOverdue })
                        : t('care.next', { at: formatDate(s.nextVisitAt) })}
                  </span>
                  {s.addressMasked && <span style={{ color: 'var(--adm-color-weak)' }}>{s.addressMasked}</span>}
                </Link>
              </li>
            ))}
          </ul>
          <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
        </>
      );
  }
  return (
    <SubPage title={t('care.mine.title')} backTo="/">
      <p className="page-note">{t('care.mine.intro')}</p>
      {body}
    </SubPage>
  );
}
