// The suggestion-box entries of 首页: leave a suggestion, the public answers, and for partner-unit contacts the
// projects to claim (认领).
import { Link } from 'react-router';
import { EditSOutline, MessageOutline, TeamOutline } from 'antd-mobile-icons';
import { useCurrentUser } from '../account/currentUser';
import { useI18n } from '../../i18n';

export function SuggestionTiles() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const partner = me.roles.some((r) => r.role === 'partner_contact');
  return (
    <div className="tiles">
      <Link className="tile" to="/suggestions">
        <span className="tile__icon tile__icon--orange">
          <EditSOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('sug.tile.box')}</span>
      </Link>
      <Link className="tile" to="/suggestions/public">
        <span className="tile__icon tile__icon--teal">
          <MessageOutline aria-hidden="true" />
        </span>
        <span className="tile__label">{t('sug.tile.public')}</span>
      </Link>
      {partner && (
        <Link className="tile" to="/partner/projects">
          <span className="tile__icon tile__icon--purple">
            <TeamOutline aria-hidden="true" />
          </span>
          <span className="tile__label">{t('sug.tile.partner')}</span>
        </Link>
      )}
    </div>
  );
}
