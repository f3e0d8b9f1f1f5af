// The mall entries of 首页: the points mall, my vouchers (with how many can be used), and the merchant desk for
// people who work at a counter.
import { Link } from 'react-router';
import { CouponOutline, ShopbagOutline, ScanCodeOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { useMyVouchers } from './queries';
import { useMerchantAccess } from './useMerchantAccess';

export function MallTiles() {
  const { t } = useI18n();
  const active = useMyVouchers('active');
  const { isCounterStaff } = useMerchantAccess();
  const first = active.data?.pages[0];
  const usable = first ? first.items.length : undefined;
  return (
    <div className="tiles">
      <Link className="tile" to="/mall">
        <span className="tile__icon tile__icon--red">
          <ShopbagOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.mall')}</span>
      </Link>
      <Link className="tile" to="/me/vouchers">
        <span className="tile__icon tile__icon--orange">
          <CouponOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.vouchers')}</span>
        {usable !== undefined && usable > 0 && (
          <span className="tile__state tile__state--on" data-testid="home-vouchers-usable">
            {first?.nextCursor ? t('home.vouchersMany', { n: usable }) : t('home.vouchersUsable', { n: usable })}
          </span>
        )}
      </Link>
      {isCounterStaff && (
        <Link className="tile" to="/merchant">
          <span className="tile__icon tile__icon--teal">
            <ScanCodeOutline aria-hidden="true" />
          </span>
          <span className="tile__label">{t('home.merchantDesk')}</span>
        </Link>
      )}
    </div>
  );
}
