// 服务队主页 (/teams/:id): leader, social worker, category, totals, members; 申请加入 / 退出; join requests for
// the people who manage the team.
import { useParams } from 'react-router';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { InfoList } from '../../components/InfoList';
import { LoadError, Loading } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { SubPage } from '../../components/SubPage';
import { JoinRequests } from '../../features/teams/JoinRequests';
import { useJoinTeam, useLeaveTeam, useTeam } from '../../features/teams/queries';
import type { TeamDetail } from '../../features/teams/types';
import { useI18n } from '../../i18n';
import { hoursOf } from '../../lib/time';

function Totals({ team }: { team: TeamDetail }) {
  const { t } = useI18n();
  const x = team.totals;
  const cells = [
    { label: t('teams.members'), value: String(x.memberCount) },
    { label: t('teams.hours'), value: `${hoursOf(x.acceptedMinutes)}` },
    { label: t('teams.activities'), value: String(x.activityCount) },
    { label: t('teams.rating'), value: x.ratingAverage !== null ? x.ratingAverage.toFixed(1) : t('teams.noRating') },
  ];
  return (
    <dl className="totals">
      {cells.map((c) => (
        <div key={c.label} className="totals__cell">
          <dt className="totals__label">{c.label}</dt>
          <dd className="totals__value">{c.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Membership({ team }: { team: TeamDetail }) {
  const { t } = useI18n();
  const join = useJoinTeam(team.id);
  const leave = useLeaveTeam(team.id);
  const onJoin = () =>
    join.mutate(undefined, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('teams.joinOk') }),
      onError: (e) => showError(e, t),
    });
  const onLeave = async () => {
    const ok = await Dialog.confirm({
      content: t('teams.leaveConfirm', { name: team.name }),
      confirmText: t('teams.leave'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    leave.mutate(undefined, {
      onSuccess: () => Toast.show({ content: t('teams.leftOk') }),
      onError: (e) => showError(e, t),
    });
  };
  if (team.myStatus === 'pending') {
    return (
      <div className="page-actions">
        <Button block size="large" disabled>
          {t('teams.pendingState')}
        </Button>
      </div>
    );
  }
  if (team.myStatus === 'active') {
    return (
      <div className="page-actions">
        <p className="ok-text">{t('teams.activeState')}</p>
        <Button block color="danger" fill="outline" size="large" loading={leave.isPending} onClick={onLeave}>
          {t('teams.leave')}
        </Button>
      </div>
    );
  }
  return (
    <div className="page-actions">
      <Button block color="primary" size="large" loading={join.isPending} onClick={onJoin}>
        {t('teams.join')}
      </Button>
    </div>
  );
}

export function TeamPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useTeam(id);

  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const team = query.data;
    const members = team.members.filter((m) => m.status === 'active');
    body = (
      <>
        <header className="card detail__head">
          <Tag color="primary" fill="outline">
            {team.category}
          </Tag>
          <h2 className="detail__title">{team.name}</h2>
          <Totals team={team} />
        </header>
        <section className="card">
          <InfoList
            rows={[
              { label: t('teams.leader'), value: team.leaderName },
              { label: t('teams.socialWorker'), value: team.socialWorkerName, hidden: !team.socialWorkerName },
              { label: t('teams.category'), value: team.category },
              { label: t('teams.community'), value: team.communityName },
              { label: t('teams.description'), value: team.description, hidden: !team.description },
            ]}
          />
        </section>
        {!team.canManage && <Membership team={team} />}
        {team.canManage && <JoinRequests teamId={team.id} requests={team.pendingRequests} />}
        <section className="card" aria-labelledby="team-members">
          <h2 id="team-members" className="card__title">
            {t('teams.memberList', { n: team.rosterVisible ? members.length : team.totals.memberCount })}
          </h2>
          {!team.rosterVisible ? (
            <p className="muted">{t('teams.rosterPrivate')}</p>
          ) : members.length === 0 ? (
            <p className="muted">{t('teams.noMembers')}</p>
          ) : (
            <ul className="plain-list member-grid">
              {members.map((m) => (
                <li key={m.userId} className="member-chip">
                  {m.displayName}
                  {m.userId === team.leaderUserId && <span className="member-chip__role">{t('teams.leader')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    );
  }
  return (
    <SubPage title={t('teams.title')} backTo="/teams">
      {body}
    </SubPage>
  );
}
