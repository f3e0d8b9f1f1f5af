// Pending join requests on a team page, for the people who manage the team: 同意 / 拒绝 (with a reason).
import { Button, Toast } from 'antd-mobile';
import { showError } from '../../components/showError';
import { useI18n } from '../../i18n';
import { askReason } from '../../components/askReason';
import { useReviewJoinRequest } from './queries';
import type { TeamMember } from './types';

export function JoinRequests({ teamId, requests }: { teamId: string; requests: TeamMember[] }) {
  const { t } = useI18n();
  const review = useReviewJoinRequest(teamId);
  if (requests.length === 0) return null;

  const decide = async (m: TeamMember, decision: 'approve' | 'reject') => {
    let reason: string | undefined;
    if (decision === 'reject') {
      const given = await askReason({ title: t('teams.reject'), placeholder: t('teams.rejectReason'), t });
      if (given === null) return;
      reason = given;
    }
    review.mutate(
      { userId: m.userId, decision, reason },
      { onSuccess: () => Toast.show({ icon: 'success', content: t('common.saved') }), onError: (e) => showError(e, t) },
    );
  };

  return (
    <section className="card" aria-labelledby="join-requests">
      <h2 id="join-requests" className="card__title">
        {t('teams.requests', { n: requests.length })}
      </h2>
      <ul className="plain-list">
        {requests.map((m) => (
          <li key={m.userId} className="member-row">
            <span className="member-row__name">{m.displayName}</span>
            <span className="member-row__actions">
              <Button
                size="small"
                color="primary"
                onClick={() => void decide(m, 'approve')}
                disabled={review.isPending}
              >
                {t('teams.approve')}
              </Button>
              <Button
                size="small"
                color="danger"
                fill="outline"
                onClick={() => void decide(m, 'reject')}
                disabled={review.isPending}
              >
                {t('teams.reject')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
