// 队长工作台 (/leader): the teams I lead and their activities (current / recently finished), each leading to
// the activity's code, roster and hour confirmation; 发布活动 for the team.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { ActivityList } from '../../features/activities/ActivityList';
import { useLeadingTeams } from '../../features/teams/queries';
import { useI18n } from '../../i18n';

type Which = 'upcoming' | 'finished';
const THIRTY_DAYS_MS = 30 * 24 * 3600_000;

export function LeaderPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const teams = useLeadingTeams();
  const [teamId, setTeamId] = useState<string>();
  const [which, setWhich] = useState<Which>('upcoming');
  // Fixed when the page opens, so the list's query key does not change on every render.
  const [now] = useState(() => new Date());

  // The chosen team, else the first one; none only when the person leads no team.
  const team = teams.data?.find((x) => x.id === teamId) ?? teams.data?.[0];
  let body;
  if (teams.isPending) body = <Loading />;
  else if (teams.isError) body = <LoadError error={teams.error} onRetry={() => void teams.refetch()} />;
  else if (!team) body = <Empty text={t('leader.noTeams')} />;
  else {
    const filters =
      which === 'upcoming'
        ? { teamId: team.id, from: now.toISOString() }
        : { teamId: team.id, from: new Date(now.getTime() - THIRTY_DAYS_MS).toISOString(), to: now.toISOString() };
    body = (
      <>
        <section className="card">
          {teams.data.length > 1 && (
            <ChipSelect<string>
              label={t('newAct.team')}
              value={team.id}
              onChange={setTeamId}
              options={teams.data.map((x) => ({ value: x.id, label: x.name }))}
            />
          )}
          <h2 className="card__title">{team.name}</h2>
          <p className="muted">
            {team.communityName} · {team.category}
          </p>
          <div className="two-buttons">
            <Button color="primary" size="large" onClick={() => navigate(`/leader/activities/new?teamId=${team.id}`)}>
              {t('leader.newActivity')}
            </Button>
            <Button size="large" onClick={() => navigate(`/teams/${team.id}`)}>
              {t('leader.teamPage')}
            </Button>
          </div>
        </section>
        <div className="filters filters--page">
          <ChipSelect<Which>
            label={t('act.filterDate')}
            value={which}
            onChange={setWhich}
            options={[
              { value: 'upcoming', label: t('leader.upcoming') },
              { value: 'finished', label: t('leader.finished') },
            ]}
          />
        </div>
        <ActivityList
          key={`${team.id}-${which}`}
          filters={filters}
          linkTo={(a) => `/leader/activities/${a.id}`}
          keep={which === 'finished' ? (a) => a.phase === 'finished' : undefined}
          emptyText={t('leader.noActivities')}
        />
      </>
    );
  }
  return (
    <SubPage title={t('leader.title')} backTo="/">
      {body}
    </SubPage>
  );
}
