// The 首页 entry to 我关照的人 (邻里关照): for grid workers and volunteers, who may be visitors of people in care.
import { Link } from 'react-router';
import { HeartOutline } from 'antd-mobile-icons';
import { useCurrentUser } from '../account/currentUser';
import { useI18n } from '../../i18n';

const VISITOR_ROLES = new Set(['grid_worker', 'social_worker', 'community_admin', 'volunteer']);

export function CareTile() {
  const { t } = useI18n();
  const me = useCurrentUser();
  if (!me.roles.some((r) => VISITOR_ROLES.has(r.role))) return null;
  return (
    <Link className="tile" to="/care">
      <span className="tile__icon tile__icon--teal">
        <HeartOutline aria-hidden="true" />
      </span>
      <span className="tile__label">{t('home.care')}</span>
    </Link>
  );
}
