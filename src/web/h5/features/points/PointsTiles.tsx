// The points entries of 首页: my points (with the balance) and the public ledger.
import { Link } from 'react-router';
import { BankcardOutline, CheckShieldOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { useHomeDistrict } from '../volunteers/useVolunteerStatus';
import { pickAccount, useMyPoints } from './queries';

export function PointsTiles() {
  const { t } = useI18n();
  const districtId = useHomeDistrict();
  const points = useMyPoints();
  const account = pickAccount(points.data, districtId);
  const balance = points.data ? (account?.balance ?? 0) : undefined;
  return (
    <div className="tiles">
      <Link className="tile" to="/me/points">
        <span className="tile__icon tile__icon--gold">
          <BankcardOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.myPoints')}</span>
        {balance !== undefined && (
          <span className="tile__state tile__state--on" data-testid="home-points-balance">
            {t('points.n', { n: balance })}
          </span>
        )}
      </Link>
      <Link className="tile" to="/ledger">
        <span className="tile__icon tile__icon--teal">
          <CheckShieldOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.ledger')}</span>
      </Link>
    </div>
  );
}
