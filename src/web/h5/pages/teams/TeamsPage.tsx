// 服务队 (/teams): the teams of my district, or only the ones I belong to.
import { useState } from 'react';
import { InfiniteScroll } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useTeams } from '../../features/teams/queries';
import { TeamCard } from '../../features/teams/TeamCard';
import { useHomeDistrict } from '../../features/volunteers/useVolunteerStatus';
import { useI18n } from '../../i18n';

type Which = 'all' | 'mine';

export function TeamsPage() {
  const { t } = useI18n();
  const districtId = useHomeDistrict();
  const [which, setWhich] = useState<Which>('all');
  const query = useTeams(which === 'mine' ? { mine: true } : { districtId }, which === 'mine' || !!districtId);

  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const items = query.data.pages.flatMap((p) => p.items);
    body = items.length ? (
      <div className="act-list">
        {items.map((team) => (
          <TeamCard key={team.id} team={team} />
        ))}
        <InfiniteScroll hasMore={query.hasNextPage} loadMore={async () => void (await query.fetchNextPage())} />
      </div>
    ) : (
      <Empty text={t('teams.empty')} />
    );
  }

  return (
    <SubPage title={t('teams.title')} backTo="/">
      <div className="filters filters--page">
        <ChipSelect<Which>
          label={t('teams.title')}
          value={which}
          onChange={setWhich}
          options={[
            { value: 'all', label: t('teams.all') },
            { value: 'mine', label: t('teams.mine') },
          ]}
        />
      </div>
      {body}
    </SubPage>
  );
}
