// 随手拍公开栏 (/reports/public, no sign-in needed): every public report of the district with its category, grid,
// state, photos and progress — never who reported it ("发现问题—解决问题—激励反馈", seed 004). Signed-in people
// start at their own community and may flag improper content (举报不当内容); content flagged by several people is
// hidden until a moderator decides.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ActionSheet, Button, InfiniteScroll, Tag, Toast } from 'antd-mobile';
import { PublicShell } from '../../components/PublicShell';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SelectField } from '../../components/SelectField';
import { useMe } from '../../features/account/queries';
import { useCommunities } from '../../features/org/queries';
import {
  FLAG_REASON_LABEL,
  FLAG_REASONS,
  REPORT_STATUS_COLOR,
  REPORT_STATUS_LABEL,
} from '../../features/reports/labels';
import { useFlagReport, usePublicReports } from '../../features/reports/queries';
import { ReportCategoryMark } from '../../features/reports/ReportCategoryMark';
import { ReportPhotos } from '../../features/reports/ReportPhotos';
import { ReportTimeline } from '../../features/reports/ReportTimeline';
import type { PublicReport } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import './reports.css';

const ALL = '*';

function PublicReportCard({ r, signedIn }: { r: PublicReport; signedIn: boolean }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [flagging, setFlagging] = useState(false);
  const flag = useFlagReport();
  const place = [r.communityName, r.gridName].filter(Boolean).join(' · ');
  return (
    <article className="card rep-public" data-testid="public-report" aria-label={`${r.categoryName} ${place}`}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <ReportCategoryMark category={r.category} name={r.categoryName} />
        <div style={{ minWidth: 0 }}>
          <strong style={{ fontSize: '1.1em' }}>{r.categoryName}</strong>{' '}
          <Tag color={REPORT_STATUS_COLOR[r.status]} style={{ fontSize: '0.95em', padding: '3px 8px' }}>
            {t(REPORT_STATUS_LABEL[r.status])}
          </Tag>
          <div className="muted">
            {place} · {formatDateTime(r.createdAt, locale)}
          </div>
        </div>
      </div>
      <p style={{ whiteSpace: 'pre-wrap', fontSize: '1.05em' }}>{r.description}</p>
      <ReportPhotos photos={r.photos} label={t('rep.detail.photos')} />
      {r.supporterCount > 0 && <p className="muted">{t('rep.nearby.supporters', { n: r.supporterCount + 1 })}</p>}
      <Button block fill="outline" size="large" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? t('rep.public.hideProgress') : t('rep.public.showProgress')}
      </Button>
      {open && (
        <div className="mt">
          <ReportTimeline steps={r.timeline} />
        </div>
      )}
      {signedIn && (
        <>
          <button type="button" className="link-button rep-public__flag" onClick={() => setFlagging(true)}>
            {t('rep.public.flag')}
          </button>
          <ActionSheet
            visible={flagging}
            onClose={() => setFlagging(false)}
            extra={t('rep.public.flagWhy')}
            cancelText={t('common.cancel')}
            actions={FLAG_REASONS.map((reason) => ({
              key: reason,
              text: t(FLAG_REASON_LABEL[reason]),
              onClick: () => {
                setFlagging(false);
                flag.mutate(
                  { id: r.id, body: { reason } },
                  {
                    onSuccess: () => Toast.show({ content: t('rep.public.flagged'), duration: 3000 }),
                    onError: (err) => Toast.show({ content: err.message, duration: 3000 }),
                  },
                );
              },
            }))}
          />
        </>
      )}
    </article>
  );
}

function List({ districtId, communityId, signedIn }: { districtId: string; communityId?: string; signedIn: boolean }) {
  const { t } = useI18n();
  const q = usePublicReports(districtId, communityId);
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty text={t('rep.public.empty')} />;
  return (
    <div data-testid="public-reports">
      {items.map((r) => (
        <PublicReportCard key={r.id} r={r} signedIn={signedIn} />
      ))}
      <InfiniteScroll hasMore={q.hasNextPage} loadMore={async () => void (await q.fetchNextPage())} />
    </div>
  );
}

export function PublicReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const nodes = useCommunities();
  const [params, setParams] = useSearchParams();
  const live = useMemo(() => (nodes.data ?? []).filter((n) => !n.archived), [nodes.data]);
  const communities = useMemo(() => live.filter((n) => n.kind === 'community'), [live]);
  const home = me.data?.homeNodeId ?? undefined;
  const homeCommunity = communities.find((c) => c.id === home);
  const asked = params.get('c');
  const chosen = asked === ALL ? undefined : communities.find((c) => c.id === (asked ?? home));
  const districtId = chosen?.districtId ?? homeCommunity?.districtId ?? communities[0]?.districtId;
  const inDistrict = communities.filter((c) => c.districtId === districtId);

  return (
    <PublicShell title={t('rep.public.title')}>
      <p className="muted rep-public__intro">{t('rep.public.intro')}</p>
      {nodes.isPending ? (
        <Loading />
      ) : nodes.isError ? (
        <LoadError error={nodes.error} onRetry={() => void nodes.refetch()} />
      ) : !districtId ? (
        <Empty text={t('rep.public.empty')} />
      ) : (
        <>
          <div className="rep-public__filter">
            <SelectField
              id="report-community"
              label={t('rep.public.community')}
              value={chosen?.id ?? ALL}
              options={[
                { value: ALL, label: t('rep.public.allCommunities') },
                ...inDistrict.map((c) => ({ value: c.id, label: c.name })),
              ]}
              onChange={(v) => setParams(new URLSearchParams({ c: v }), { replace: true })}
            />
          </div>
          <List
            key={`${districtId}-${chosen?.id ?? ALL}`}
            districtId={districtId}
            communityId={chosen?.id}
            signedIn={!!me.data}
          />
        </>
      )}
    </PublicShell>
  );
}
