// The 首页 entry to mediation (邻里调解): my cases, and asking for one from there.
import { Link } from 'react-router';
import { TeamOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';

export function MediationTile() {
  const { t } = useI18n();
  return (
    <Link className="tile" to="/mediation">
      <span className="tile__icon tile__icon--teal">
        <TeamOutline aria-hidden="true" />
      </span>
      <span className="tile__label">{t('home.mediation')}</span>
    </Link>
  );
}
