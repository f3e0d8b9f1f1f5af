// One team in a list: name, category, community and leader.
import { Link } from 'react-router';
import { Tag } from 'antd-mobile';
import { useI18n } from '../../i18n';
import type { Team } from './types';

export function TeamCard({ team }: { team: Team }) {
  const { t } = useI18n();
  return (
    <Link className="act-card" to={`/teams/${team.id}`} aria-label={team.name}>
      <div className="act-card__top">
        <h3 className="act-card__title">{team.name}</h3>
        <Tag color="primary" fill="outline">
          {team.category}
        </Tag>
      </div>
      <p className="act-card__line muted">
        {team.communityName} · {t('teams.leader')} {team.leaderName}
      </p>
      {team.description && <p className="act-card__line act-card__desc">{team.description}</p>}
    </Link>
  );
}
