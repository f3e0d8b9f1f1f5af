// The needs entries of 首页: raise a need, and my needs.
import { Link } from 'react-router';
import { FileOutline, EditSOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';

export function NeedTiles() {
  const { t } = useI18n();
  return (
    <div className="tiles">
      <Link className="tile" to="/needs/new">
        <span className="tile__icon tile__icon--red">
          <EditSOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.newNeed')}</span>
      </Link>
      <Link className="tile" to="/needs">
        <span className="tile__icon tile__icon--blue">
          <FileOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.myNeeds')}</span>
      </Link>
    </div>
  );
}
