// A paged list of activities (infinite scroll through nextCursor).
import { InfiniteScroll } from 'antd-mobile';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { useI18n } from '../../i18n';
import { ActivityCard } from './ActivityCard';
import { useActivities } from './queries';
import type { Activity, ActivityFilters } from './types';

interface Props {
  filters: ActivityFilters;
  enabled?: boolean;
  /** Where a card leads (default: the activity page). */
  linkTo?: (a: Activity) => string;
  /** Keep only some activities (e.g. finished ones). */
  keep?: (a: Activity) => boolean;
  emptyText?: string;
}

export function ActivityList({ filters, enabled = true, linkTo, keep, emptyText }: Props) {
  const { t } = useI18n();
  const query = useActivities(filters, enabled);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items).filter((a) => (keep ? keep(a) : true));
  return (
    <div className="act-list">
      {items.length === 0 && !query.hasNextPage ? (
        <Empty text={emptyText ?? t('act.empty')} />
      ) : (
        items.map((a) => <ActivityCard key={a.id} activity={a} to={linkTo?.(a)} />)
      )}
      {(items.length > 0 || query.hasNextPage) && (
        <InfiniteScroll
          hasMore={query.hasNextPage}
          loadMore={async () => {
            await query.fetchNextPage();
          }}
        />
      )}
    </div>
  );
}
