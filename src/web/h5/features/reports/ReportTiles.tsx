// The 随手拍 entries of 首页: report a problem, my reports, and the public board (公开栏).
import { Link } from 'react-router';
import { CameraOutline, FileOutline, UnorderedListOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';

export function ReportTiles() {
  const { t } = useI18n();
  return (
    <div className="tiles">
      <Link className="tile" to="/reports/new">
        <span className="tile__icon tile__icon--red">
          <CameraOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.newReport')}</span>
      </Link>
      <Link className="tile" to="/reports">
        <span className="tile__icon tile__icon--blue">
          <FileOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.myReports')}</span>
      </Link>
      <Link className="tile" to="/reports/public">
        <span className="tile__icon tile__icon--teal">
          <UnorderedListOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('home.reportBoard')}</span>
      </Link>
    </div>
  );
}
