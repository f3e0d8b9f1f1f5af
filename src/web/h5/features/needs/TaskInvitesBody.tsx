// The body of 首页's task-invitation entry (loaded after the page, see TaskInvitesCard): shown only to people who have
// invitations or tasks, with how many wait for them.
import { Link } from 'react-router';
import { HandPayCircleOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { useMyInvitations } from './invitationQueries';

export function TaskInvitesBody() {
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
          <span className="tile__icon tile__icon--red">
            <HandPayCircleOutline aria-hidden="true" />
          </span>
          <span className="tile__label">
            {pending > 0 ? t('home.tasksPending', { n: pending }) : t('home.tasksActive', { n: active })}
          </span>
          {pending > 0 && <span className="tile__state tile__state--on">{pending}</span>}
        </Link>
      </div>
    </section>
  );
}
