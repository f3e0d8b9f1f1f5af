// 我的调解 (/mediation): the cases I am a party to, each with its state in plain words; ask for mediation from here.
import { Link, useNavigate } from 'react-router';
import { Button, InfiniteScroll, Tag } from 'antd-mobile';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { STATUS_COLOR, STATUS_LABEL, TYPE_LABEL } from '../../features/mediation/labels';
import { useMyMediationCases } from '../../features/mediation/queries';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';

export function MyMediationPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const query = useMyMediationCases();
  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const items = query.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <Empty text={t('med.mine.empty')} />
      ) : (
        <>
          <ul className="plain-list">
            {items.map((c) => (
              <li key={c.id} className="card" style={{ marginBottom: 12 }}>
                <Link
                  to={`/mediation/${c.id}`}
                  style={{ display: 'block', color: 'inherit', padding: 4, textDecoration: 'none' }}
                >
                  <strong style={{ display: 'block', fontSize: '1.1em' }}>{t(TYPE_LABEL[c.type])}</strong>
                  <span style={{ display: 'block', margin: '6px 0' }}>
                    <Tag color={STATUS_COLOR[c.status]} style={{ fontSize: '0.95em', padding: '3px 8px' }}>
                      {t(STATUS_LABEL[c.status])}
                    </Tag>
                  </span>
                  {c.mediatorNames.length > 0 && (
                    <span style={{ display: 'block' }}>
                      {t('med.mine.mediators', { names: c.mediatorNames.join('、') })}
                    </span>
                  )}
                  <span style={{ color: 'var(--adm-color-weak)' }}>
                    {t('med.mine.created', { at: formatDateTime(c.createdAt, locale) })}
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
    <SubPage title={t('med.mine.title')} backTo="/">
      <p className="page-note">{t('med.mine.intro')}</p>
      <div style={{ margin: '0 16px 12px' }}>
        <Button block color="primary" size="large" onClick={() => void navigate('/mediation/new')}>
          {t('med.mine.new')}
        </Button>
      </div>
      {body}
    </SubPage>
  );
}
