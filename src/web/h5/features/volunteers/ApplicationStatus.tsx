// Where my volunteer application stands: 待审核 / 未通过 (with the reason and a re-apply button) / 已通过 / 已暂停.
import { useNavigate } from 'react-router';
import { Button, Result } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/time';
import type { Volunteer } from './types';

export function ApplicationStatus({ volunteer, onReapply }: { volunteer: Volunteer; onReapply: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  switch (volunteer.status) {
    case 'pending':
      return (
        <Result
          status="waiting"
          title={t('apply.pendingTitle')}
          description={t('apply.pendingBody', {
            community: volunteer.communityName,
            date: formatDate(volunteer.appliedAt),
          })}
        />
      );
    case 'rejected':
      return (
        <div>
          <Result
            status="error"
            title={t('apply.rejectedTitle')}
            description={
              volunteer.rejectReason ? t('apply.rejectedReason', { reason: volunteer.rejectReason }) : undefined
            }
          />
          <div className="page-actions">
            <Button block color="primary" size="large" onClick={onReapply}>
              {t('apply.reapply')}
            </Button>
          </div>
        </div>
      );
    case 'suspended':
      return <Result status="warning" title={t('apply.suspendedTitle')} description={t('apply.suspendedBody')} />;
    default:
      return (
        <div>
          <Result
            status="success"
            title={t('apply.approvedTitle')}
            description={volunteer.volunteerNo ? t('apply.approvedBody', { no: volunteer.volunteerNo }) : undefined}
          />
          <div className="page-actions">
            <Button block color="primary" size="large" onClick={() => navigate('/volunteer/card')}>
              {t('apply.viewCard')}
            </Button>
          </div>
        </div>
      );
  }
}
