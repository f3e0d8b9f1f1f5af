// 申请成为志愿者 (/volunteer/apply): the form, or the state of my application (待审核 / 未通过 → 重新申请).
import { useState } from 'react';
import { LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { ApplicationStatus } from '../../features/volunteers/ApplicationStatus';
import { ApplyForm } from '../../features/volunteers/ApplyForm';
import { useVolunteerStatus } from '../../features/volunteers/useVolunteerStatus';
import { useI18n } from '../../i18n';

export function VolunteerApplyPage() {
  const { t } = useI18n();
  const { volunteer, isLoading, error, refetch } = useVolunteerStatus();
  const [reapplying, setReapplying] = useState(false);

  let body;
  if (isLoading) body = <Loading />;
  else if (error) body = <LoadError error={error} onRetry={() => void refetch()} />;
  else if (volunteer && !(volunteer.status === 'rejected' && reapplying))
    body = <ApplicationStatus volunteer={volunteer} onReapply={() => setReapplying(true)} />;
  else body = <ApplyForm previous={volunteer} onDone={() => setReapplying(false)} />;

  return (
    <SubPage title={t('apply.title')} backTo="/">
      {body}
    </SubPage>
  );
}
