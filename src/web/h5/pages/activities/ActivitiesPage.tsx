// 志愿活动 (/activities, a tab): search, date chips (今天/本周/全部), category chips, 本社区/本网格, and an
// infinitely scrolling list. Filters live in the URL so coming back from an activity keeps them.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { SearchBar } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { useCurrentUser } from '../../features/account/currentUser';
import { ActivityList } from '../../features/activities/ActivityList';
import type { ActivityFilters } from '../../features/activities/types';
import { useVolunteeringSettings } from '../../features/volunteers/queries';
import { useVolunteerStatus } from '../../features/volunteers/useVolunteerStatus';
import { useI18n } from '../../i18n';
import { chinaMidnight, chinaWeekEnd } from '../../lib/time';

type DateChip = 'today' | 'week' | 'all';
type Scope = 'all' | 'community' | 'grid';

export function ActivitiesPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { districtId, volunteer } = useVolunteerStatus();
  const settings = useVolunteeringSettings(districtId);
  const [params, setParams] = useSearchParams();
  const date = (params.get('date') as DateChip | null) ?? 'all';
  const category = params.get('cat') ?? '';
  const scope = (params.get('scope') as Scope | null) ?? 'all';
  const q = params.get('q') ?? '';
  const gridId = volunteer?.homeGridId ?? null;

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const filters = useMemo<ActivityFilters>(() => {
    const f: ActivityFilters = { districtId, from: chinaMidnight(0).toISOString() };
    if (date === 'today') f.to = chinaMidnight(1).toISOString();
    if (date === 'week') f.to = chinaWeekEnd().toISOString();
    if (category) f.category = category;
    if (scope === 'community' && me.homeNodeId) f.communityId = me.homeNodeId;
    if (scope === 'grid' && gridId) f.gridId = gridId;
    if (q) f.q = q;
    return f;
  }, [districtId, date, category, scope, q, me.homeNodeId, gridId]);

  const scopeOptions: { value: Scope; label: string }[] = [{ value: 'all', label: t('act.scope.all') }];
  if (me.homeNodeId) scopeOptions.push({ value: 'community', label: t('act.scope.community') });
  if (gridId) scopeOptions.push({ value: 'grid', label: t('act.scope.grid') });

  return (
    <div className="list-page">
      <header className="list-page__head">
        <h1 className="list-page__title">{t('act.title')}</h1>
        <SearchBar
          key={q}
          defaultValue={q}
          placeholder={t('act.search')}
          onSearch={(value) => set('q', value.trim())}
          onClear={() => set('q', '')}
        />
        <div className="filters">
          <div className="filters__row">
            <ChipSelect<DateChip>
              label={t('act.filterDate')}
              value={date}
              onChange={(v) => set('date', v === 'all' ? '' : v)}
              options={[
                { value: 'today', label: t('act.date.today') },
                { value: 'week', label: t('act.date.week') },
                { value: 'all', label: t('act.date.all') },
              ]}
            />
            {scopeOptions.length > 1 && (
              <ChipSelect<Scope>
                label={t('act.filterScope')}
                value={scope}
                onChange={(v) => set('scope', v === 'all' ? '' : v)}
                options={scopeOptions}
              />
            )}
          </div>
          {settings.data && settings.data.activityCategories.length > 0 && (
            <ChipSelect<string>
              label={t('act.filterCategory')}
              scroll
              value={category || '*'}
              onChange={(v) => set('cat', v === '*' ? '' : v)}
              options={[
                { value: '*', label: t('act.cat.all') },
                ...settings.data.activityCategories.map((c) => ({ value: c, label: c })),
              ]}
            />
          )}
        </div>
      </header>
      <ActivityList filters={filters} enabled={!!districtId} />
    </div>
  );
}
