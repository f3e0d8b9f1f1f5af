// 我的随手拍 (/reports): what I reported (or joined), newest first, each with its state in plain words; tap one for
// its progress. A resolved one says 已处理，请确认.
import { Link, useNavigate } from 'react-router';
import { Button, InfiniteScroll, Tag } from 'antd-mobile';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { REPORT_STATUS_COLOR, REPORT_STATUS_LABEL } from '../../features/reports/labels';
import { useMyReports } from '../../features/reports/queries';
import { ReportCategoryMark } from '../../features/reports/ReportCategoryMark';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import './reports.css';

export function MyReportsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const query = useMyReports();
  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const items = query.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <Empty text={t('rep.mine.empty')} />
      ) : (
        <>
          <ul className="plain-list" data-testid="my-reports">
            {items.map((r) => (
              <li key={r.id} className="card" style={{ marginBottom: 12 }}>
                <Link to={`/reports/${r.id}`} className="rep-row">
                  {r.photos[0] ? (
                    <img className="rep-row__thumb" src={r.photos[0].thumbUrl} alt="" />
                  ) : (
                    <ReportCategoryMark category={r.category} name={r.categoryName} />
                  )}
                  <span style={{ flex: 1, minWidth: 0 }}>
                    <strong className="rep-row__title">
                      {r.categoryName}：{r.description}
                    </strong>
                    <span style={{ display: 'block', margin: '6px 0' }}>
                      <Tag color={REPORT_STATUS_COLOR[r.status]} style={{ fontSize: '0.95em', padding: '3px 8px' }}>
                        {t(REPORT_STATUS_LABEL[r.status])}
                      </Tag>
                      {r.rewardPoints !== null && r.rewardPoints > 0 && (
                        <span className="rep-row__reward"> {t('rep.mine.reward', { n: r.rewardPoints })}</span>
                      )}
                    </span>
                    <span className="muted">
                      {r.mine ? '' : `${t('rep.mine.joinedTag')} · `}
                      {t('rep.mine.created', { at: formatDateTime(r.createdAt, locale) })}
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
    <SubPage title={t('rep.mine.title')} backTo="/">
      <div className="two-buttons rep-mine__top">
        <Button block color="primary" size="large" onClick={() => void navigate('/reports/new')}>
          {t('rep.mine.new')}
        </Button>
        <Button block color="primary" fill="outline" size="large" onClick={() => void navigate('/reports/public')}>
          {t('rep.mine.board')}
        </Button>
      </div>
      {body}
    </SubPage>
  );
}
