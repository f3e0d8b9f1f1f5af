// The volunteering entries of 首页: activities, sign-ups, check-in, hours, card (or apply), teams, leader desk.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  CalendarOutline,
  FlagOutline,
  ScanningOutline,
  StarOutline,
  TeamOutline,
  UnorderedListOutline,
  UserAddOutline,
  UserContactOutline,
} from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { useIsTeamLeader, useVolunteerStatus } from './useVolunteerStatus';

function Tile({
  to,
  icon,
  tone,
  label,
  state,
}: {
  to: string;
  icon: ReactNode;
  tone: string;
  label: string;
  state?: string;
}) {
  return (
    <Link className="tile" to={to}>
      <span className={`tile__icon tile__icon--${tone}`}>{icon}</span>
      <span className="tile__label">{label}</span>
      {state && <span className="tile__state tile__state--on">{state}</span>}
    </Link>
  );
}

export function VolunteeringTiles() {
  const { t } = useI18n();
  const { volunteer, approved } = useVolunteerStatus();
  const isLeader = useIsTeamLeader();
  return (
    <div className="tiles">
      <Tile to="/activities" tone="orange" icon={<CalendarOutline aria-hidden="true" />} label={t('home.activities')} />
      <Tile
        to="/me/signups"
        tone="blue"
        icon={<UnorderedListOutline aria-hidden="true" />}
        label={t('home.mySignups')}
      />
      <Tile to="/checkin" tone="green" icon={<ScanningOutline aria-hidden="true" />} label={t('home.checkin')} />
      <Tile to="/me/hours" tone="purple" icon={<StarOutline aria-hidden="true" />} label={t('home.myHours')} />
      {approved ? (
        <Tile to="/volunteer/card" tone="red" icon={<UserContactOutline aria-hidden="true" />} label={t('home.card')} />
      ) : (
        <Tile
          to="/volunteer/apply"
          tone="red"
          icon={<UserAddOutline aria-hidden="true" />}
          label={t('home.apply')}
          state={volunteer ? t(`vstatus.${volunteer.status}`) : undefined}
        />
      )}
      <Tile to="/teams" tone="teal" icon={<TeamOutline aria-hidden="true" />} label={t('home.teams')} />
      {isLeader && <Tile to="/leader" tone="gold" icon={<FlagOutline aria-hidden="true" />} label={t('home.leader')} />}
    </div>
  );
}
