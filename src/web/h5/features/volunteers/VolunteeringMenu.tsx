// The volunteering list on 我的: card (or application status), sign-ups, hours, teams and the leader desk.
import { useNavigate } from 'react-router';
import { List, Tag } from 'antd-mobile';
import { FlagOutline, StarOutline, TeamOutline, UnorderedListOutline, UserContactOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { useIsTeamLeader, useVolunteerStatus } from './useVolunteerStatus';

export function VolunteeringMenu() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { volunteer, approved } = useVolunteerStatus();
  const isLeader = useIsTeamLeader();
  return (
    <List header={t('home.volunteering')} className="me__list">
      {approved ? (
        <List.Item
          prefix={<UserContactOutline aria-hidden="true" />}
          extra={approved.volunteerNo ?? undefined}
          onClick={() => navigate('/volunteer/card')}
        >
          {t('home.card')}
        </List.Item>
      ) : (
        <List.Item
          prefix={<UserContactOutline aria-hidden="true" />}
          extra={
            volunteer ? (
              <Tag color={volunteer.status === 'rejected' ? 'danger' : 'warning'} fill="outline">
                {t(`vstatus.${volunteer.status}`)}
              </Tag>
            ) : undefined
          }
          onClick={() => navigate('/volunteer/apply')}
        >
          {t('home.apply')}
        </List.Item>
      )}
      <List.Item prefix={<UnorderedListOutline aria-hidden="true" />} onClick={() => navigate('/me/signups')}>
        {t('home.mySignups')}
      </List.Item>
      <List.Item prefix={<StarOutline aria-hidden="true" />} onClick={() => navigate('/me/hours')}>
        {t('home.myHours')}
      </List.Item>
      <List.Item prefix={<TeamOutline aria-hidden="true" />} onClick={() => navigate('/teams')}>
        {t('home.teams')}
      </List.Item>
      {isLeader && (
        <List.Item prefix={<FlagOutline aria-hidden="true" />} onClick={() => navigate('/leader')}>
          {t('home.leader')}
        </List.Item>
      )}
    </List>
  );
}
