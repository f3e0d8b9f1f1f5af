// 随手拍详情 (/reports/:id): what was reported, where, its state, and the progress (who — by role —, when, the note
// and photos of each step). When it is resolved the reporter answers: 确认已解决 (earns the category's points) or
// 没有解决 (with the reason: it goes back to the grid worker). A confirmed report shows the points earned.
import { Link, useParams } from 'react-router';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { askReason } from '../../components/askReason';
import { FormError } from '../../components/FormError';
import { InfoList } from '../../components/InfoList';
import { LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { REPORT_STATUS_COLOR, REPORT_STATUS_LABEL } from '../../features/reports/labels';
import { useConfirmReport, useReopenReport, useReport } from '../../features/reports/queries';
import { ReportCategoryMark } from '../../features/reports/ReportCategoryMark';
import { ReportPhotos } from '../../features/reports/ReportPhotos';
import { ReportTimeline } from '../../features/reports/ReportTimeline';
import type { ReportDetail } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import './reports.css';

function ConfirmCard({ report }: { report: ReportDetail }) {
  const { t, locale } = useI18n();
  const confirm = useConfirmReport();
  const reopen = useReopenReport();
  const onConfirm = async () => {
    const ok = await Dialog.confirm({
      content: t('rep.detail.confirmAsk'),
      confirmText: t('rep.detail.confirm'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    const done = await confirm
      .mutateAsync({ id: report.id, body: { version: report.version } })
      .then(() => true)
      .catch(() => false);
    if (done) Toast.show({ icon: 'success', content: t('rep.detail.confirmed') });
  };
  const onReopen = async () => {
    const note = await askReason({ title: t('rep.detail.reopenTitle'), placeholder: t('rep.detail.reopenPh'), t });
    if (!note) return;
    const done = await reopen
      .mutateAsync({ id: report.id, body: { note, version: report.version } })
      .then(() => true)
      .catch(() => false);
    if (done) Toast.show({ content: t('rep.detail.reopened') });
  };
  return (
    <section className="card rep-confirm" aria-labelledby="rep-confirm-title">
      <h2 id="rep-confirm-title" className="card__title">
        {t('rep.detail.confirmTitle')}
      </h2>
      <p>{t('rep.detail.confirmIntro')}</p>
      {report.autoConfirmAt && (
        <p className="muted">{t('rep.detail.autoConfirm', { at: formatDateTime(report.autoConfirmAt, locale) })}</p>
      )}
      <FormError error={confirm.error ?? reopen.error} />
      <div className="two-buttons">
        <Button color="success" size="large" loading={confirm.isPending} onClick={() => void onConfirm()}>
          {t('rep.detail.confirm')}
        </Button>
        <Button color="danger" fill="outline" size="large" loading={reopen.isPending} onClick={() => void onReopen()}>
          {t('rep.detail.reopen')}
        </Button>
      </div>
    </section>
  );
}

function ReportBody({ report }: { report: ReportDetail }) {
  const { t, locale } = useI18n();
  const place = [report.communityName, report.gridName, report.buildingName].filter(Boolean).join(' · ');
  return (
    <>
      <section className="card">
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <ReportCategoryMark category={report.category} name={report.categoryName} size={52} />
          <div>
            <h2 className="card__title" style={{ margin: 0 }}>
              {report.categoryName}
            </h2>
            <Tag
              color={REPORT_STATUS_COLOR[report.status]}
              style={{ fontSize: '1em', padding: '4px 10px', marginTop: 6 }}
              data-testid="report-status"
            >
              {t(REPORT_STATUS_LABEL[report.status])}
            </Tag>
          </div>
        </div>
        <p style={{ whiteSpace: 'pre-wrap', fontSize: '1.05em' }}>{report.description}</p>
        <ReportPhotos photos={report.photos} label={t('rep.detail.photos')} />
        <InfoList
          rows={[
            { label: t('rep.detail.place'), value: place },
            { label: t('rep.detail.address'), value: report.address ?? '', hidden: !report.address },
            { label: t('rep.detail.createdAt'), value: formatDateTime(report.createdAt, locale) },
            { label: t('rep.detail.assignee'), value: report.assigneeName ?? '', hidden: !report.assigneeName },
            {
              label: t('rep.detail.supporters'),
              value: t('rep.nearby.supporters', { n: report.supporterCount + 1 }),
              hidden: report.supporterCount === 0,
            },
            { label: t('rep.detail.anonymous'), value: t('rep.detail.anonymousYes'), hidden: !report.anonymous },
          ]}
        />
      </section>

      {report.actions.includes('confirm') && <ConfirmCard report={report} />}

      {report.rewardPoints !== null && report.rewardPoints > 0 && (
        <section className="card rep-reward" data-testid="report-reward">
          <p className="rep-reward__big">{t('rep.detail.reward', { n: report.rewardPoints })}</p>
          <p className="muted">{t('rep.detail.rewardThanks')}</p>
          <Link to="/me/points">{t('rep.detail.toPoints')}</Link>
        </section>
      )}

      {report.status === 'duplicate' && report.mergedIntoId && (
        <section className="card">
          <p>{t('rep.detail.merged')}</p>
          <Link to={`/reports/${report.mergedIntoId}`}>{t('rep.detail.toOriginal')}</Link>
        </section>
      )}

      <section className="card" aria-labelledby="rep-progress">
        <h2 id="rep-progress" className="card__title">
          {t('rep.detail.progress')}
        </h2>
        <ReportTimeline steps={report.timeline} />
      </section>
    </>
  );
}

export function ReportPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const query = useReport(id);
  return (
    <SubPage title={t('rep.detail.title')} backTo="/reports">
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ReportBody report={query.data} />
      )}
    </SubPage>
  );
}
