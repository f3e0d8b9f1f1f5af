// 活动详情 (/activities/:id): every field, required skills, the sign-up panel; once finished, rating and
// back-filling hours (volunteer service only). Resident events say who may come. The people who run it get a
// link to the leader page.
import { useNavigate, useParams } from 'react-router';
import { Button, NoticeBar, Space, Tag } from 'antd-mobile';
import { InfoList } from '../../components/InfoList';
import { LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { BackfillPanel } from '../../features/activities/BackfillPanel';
import { PHASE_COLOR, PHASE_LABEL } from '../../features/activities/labels';
import { useActivity } from '../../features/activities/queries';
import { RatingPanel } from '../../features/activities/RatingPanel';
import { SignUpPanel } from '../../features/activities/SignUpPanel';
import { useMyVolunteerships } from '../../features/volunteers/queries';
import { useI18n } from '../../i18n';
import { formatDateTime, formatRange } from '../../lib/time';

export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const query = useActivity(id);
  const mine = useMyVolunteerships();

  if (query.isPending)
    return (
      <SubPage title={t('act.detail')} backTo="/activities">
        <Loading />
      </SubPage>
    );
  if (query.isError)
    return (
      <SubPage title={t('act.detail')} backTo="/activities">
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </SubPage>
    );

  const a = query.data;
  const approvedHere = mine.data?.some((v) => v.status === 'approved' && v.districtId === a.districtId) ?? false;

  return (
    <SubPage title={t('act.detail')} backTo="/activities">
      <article className="detail">
        <header className="card detail__head">
          <Space wrap>
            <Tag color={PHASE_COLOR[a.phase]} fill="outline">
              {t(PHASE_LABEL[a.phase])}
            </Tag>
            <Tag color="default" fill="outline">
              {a.category}
            </Tag>
            {a.audience === 'resident' && <Tag color="primary">{t('act.residentEvent')}</Tag>}
          </Space>
          <h2 className="detail__title">{a.title}</h2>
          <p className="detail__time">{formatRange(a.startsAt, a.endsAt, locale)}</p>
        </header>

        {a.audience === 'resident' && <NoticeBar wrap content={t('act.residentEventNote')} />}

        {a.phase === 'cancelled' && a.cancelReason && (
          <NoticeBar color="error" wrap content={t('act.cancelReason', { reason: a.cancelReason })} />
        )}

        <section className="card">
          <InfoList
            rows={[
              { label: t('act.address'), value: a.gridName ? `${a.address}（${a.gridName}）` : a.address },
              { label: t('act.community'), value: a.communityName },
              { label: t('act.team'), value: a.teamName, hidden: !a.teamName },
              {
                label: t('act.slots'),
                value: (
                  <>
                    {t('act.slotsValue', { slots: a.slots, n: a.confirmedCount })}
                    {a.waitlistCount > 0 && ` · ${t('act.waitlist', { n: a.waitlistCount })}`}
                  </>
                ),
              },
              { label: t('act.signupDeadline'), value: formatDateTime(a.signupDeadline, locale) },
              { label: t('act.cancelDeadline'), value: formatDateTime(a.cancelDeadline, locale) },
              {
                label: t('act.skills'),
                hidden: a.requiredSkills.length === 0,
                value: (
                  <Space wrap>
                    {a.requiredSkills.map((s) => (
                      <Tag key={s} color="primary" fill="outline">
                        {s}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { label: t('act.beneficiaries'), value: a.beneficiaries, hidden: !a.beneficiaries },
              {
                label: t('act.points'),
                value: t('act.pointsValue', { n: a.pointsPerHour ?? 0 }),
                hidden: !a.pointsPerHour,
              },
              {
                label: t('act.geofence'),
                value: t('act.geofenceValue', { m: a.geofenceMeters ?? 0 }),
                hidden: !a.geofenceMeters,
              },
            ]}
          />
        </section>

        {a.description && (
          <section className="card" aria-labelledby="act-desc">
            <h3 id="act-desc" className="card__title">
              {t('act.description')}
            </h3>
            <p className="prewrap">{a.description}</p>
          </section>
        )}

        <SignUpPanel activity={a} />

        {a.phase === 'finished' && !a.canManage && <RatingPanel activity={a} />}
        {a.phase === 'finished' && approvedHere && a.audience === 'volunteer' && a.mySignup?.status !== 'no_show' && (
          <BackfillPanel activity={a} />
        )}

        {a.canManage && (
          <div className="page-actions">
            <Button block fill="outline" onClick={() => navigate(`/leader/activities/${a.id}`)}>
              {t('act.manage')}
            </Button>
          </div>
        )}
      </article>
    </SubPage>
  );
}
