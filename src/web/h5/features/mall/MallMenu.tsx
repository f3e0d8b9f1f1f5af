// The mall rows of 我的: my vouchers, the points mall, and the merchant desk (or the application to join).
import { useNavigate } from 'react-router';
import { List } from 'antd-mobile';
import { CouponOutline, ScanCodeOutline, ShopbagOutline, AddSquareOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { useMerchantAccess } from './useMerchantAccess';

export function MallMenu() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { isCounterStaff } = useMerchantAccess();
  return (
    <List header={t('home.mallSection')} className="me__list">
      <List.Item prefix={<CouponOutline aria-hidden="true" />} onClick={() => navigate('/me/vouchers')}>
        {t('home.vouchers')}
      </List.Item>
      <List.Item prefix={<ShopbagOutline aria-hidden="true" />} onClick={() => navigate('/mall')}>
        {t('home.mall')}
      </List.Item>
      {isCounterStaff ? (
        <List.Item prefix={<ScanCodeOutline aria-hidden="true" />} onClick={() => navigate('/merchant')}>
          {t('home.merchantDesk')}
        </List.Item>
      ) : (
        <List.Item prefix={<AddSquareOutline aria-hidden="true" />} onClick={() => navigate('/merchant/apply')}>
          {t('join.title')}
        </List.Item>
      )}
    </List>
  );
}
