// 首页's task-invitation entry: shown only to people who have invitations or tasks, with how many wait for them.
import { Link } from 'react-router';
import { Badge } from 'antd-mobile';
import { BellOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { useMyInvitations } from './invitationQueries';

export function TaskInvitesCard() {
  const { t } = useI18n();
  const query = useMyInvitations();
  const items = query.data?.items ?? [];
  const pending = items.filter((i) => i.canAnswer).length;
  const active = items.filter((i) => i.canStart || i.canFinish).length;
  if (pending === 0 && active === 0) return null;
  return (
    <section className="card" aria-labelledby="home-tasks">
      <h2 id="home-tasks" className="card__title">
        {t('home.tasks')}
      </h2>
      <div className="tiles">
        <Link className="tile" to="/tasks">
          <Badge content={pending > 0 ? pending : null}>
            <span className="tile__icon tile__icon--red">
              <BellOutline aria-hidden="true" />
            </span>
          </Badge>
          <span className="tile__label">
            {pending > 0 ? t('home.tasksPending', { n: pending }) : t('home.tasksActive', { n: active })}
          </span>
        </Link>
      </div>
    </section>
  );
}
