// 意见公示 (/suggestions/public, no sign-in needed): the suggestions the community answered, with the answers;
// names masked (张*华) or 匿名居民, never a phone. Signed-in residents start at their own community.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { InfiniteScroll } from 'antd-mobile';
import { PublicShell } from '../../components/PublicShell';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SelectField } from '../../components/SelectField';
import { useMe } from '../../features/account/queries';
import { useCommunities } from '../../features/org/queries';
import { usePublicSuggestions } from '../../features/suggestions/queries';
import { SuggestionCard } from '../../features/suggestions/SuggestionCard';
import { useI18n } from '../../i18n';

const ALL = '*';

function List({ communityId }: { communityId: string | undefined }) {
  const { t } = useI18n();
  const q = usePublicSuggestions(communityId);
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty text={t('sug.publicEmpty')} />;
  return (
    <div data-testid="public-suggestions">
      {items.map((s) => (
        <SuggestionCard key={s.id} s={s} />
      ))}
      <InfiniteScroll hasMore={q.hasNextPage} loadMore={async () => void (await q.fetchNextPage())} />
    </div>
  );
}

export function PublicSuggestionsPage() {
  const { t } = useI18n();
  const me = useMe();
  const nodes = useCommunities();
  const [params, setParams] = useSearchParams();
  const communities = useMemo(
    () => (nodes.data ?? []).filter((n) => n.kind === 'community' && !n.archived),
    [nodes.data],
  );
  const asked = params.get('c');
  const home = me.data?.homeNodeId ?? undefined;
  const chosen = asked === ALL ? undefined : (communities.find((c) => c.id === (asked ?? home))?.id ?? undefined);

  return (
    <PublicShell title={t('sug.publicTitle')}>
      <p className="muted">{t('sug.publicIntro')}</p>
      {nodes.isPending ? (
        <Loading />
      ) : (
        <SelectField
          id="suggestion-community"
          label={t('sug.community')}
          value={chosen ?? ALL}
          options={[
            { value: ALL, label: t('sug.allCommunities') },
            ...communities.map((c) => ({ value: c.id, label: c.name })),
          ]}
          onChange={(v) => setParams(new URLSearchParams({ c: v }), { replace: true })}
        />
      )}
      <List key={chosen ?? ALL} communityId={chosen} />
    </PublicShell>
  );
}
