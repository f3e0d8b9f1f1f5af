// The points rows of 我的: 积分 with the balance, and the public ledger.
import { useNavigate } from 'react-router';
import { List } from 'antd-mobile';
import { BankcardOutline, CheckShieldOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { useHomeDistrict } from '../volunteers/useVolunteerStatus';
import { pickAccount, useMyPoints } from './queries';

export function PointsMenu() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const districtId = useHomeDistrict();
  const points = useMyPoints();
  const account = pickAccount(points.data, districtId);
  const balance = points.data ? (account?.balance ?? 0) : undefined;
  return (
    <List header={t('home.pointsSection')} className="me__list">
      <List.Item
        prefix={<BankcardOutline aria-hidden="true" />}
        extra={
          balance !== undefined ? (
            <span className="me__points" data-testid="me-points-balance">
              {t('points.n', { n: balance })}
            </span>
          ) : undefined
        }
        onClick={() => navigate('/me/points')}
      >
        {t('me.points')}
      </List.Item>
      <List.Item prefix={<CheckShieldOutline aria-hidden="true" />} onClick={() => navigate('/ledger')}>
        {t('me.ledger')}
      </List.Item>
    </List>
  );
}
