// 发布活动 (/leader/activities/new?teamId=…): the create form for one of the teams I lead.
import { useNavigate, useSearchParams } from 'react-router';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { ActivityForm } from '../../features/leader/ActivityForm';
import { useLeadingTeams } from '../../features/teams/queries';
import { useI18n } from '../../i18n';

export function NewActivityPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const teams = useLeadingTeams();

  let body;
  if (teams.isPending) body = <Loading />;
  else if (teams.isError) body = <LoadError error={teams.error} onRetry={() => void teams.refetch()} />;
  else if (teams.data.length === 0) body = <Empty text={t('leader.noTeams')} />;
  else
    body = (
      <ActivityForm
        teams={teams.data}
        initialTeamId={params.get('teamId') ?? undefined}
        onCreated={(a) => navigate(`/leader/activities/${a.id}`, { replace: true })}
      />
    );
  return (
    <SubPage title={t('newAct.title')} backTo="/leader">
      {body}
    </SubPage>
  );
}
