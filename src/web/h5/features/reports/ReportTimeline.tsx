// A report's progress: every step with who took it (their role, and their name where it may be shown), when, the
// note and the photos. The public board gets the same steps without any names.
import { Steps } from 'antd-mobile';
import type { ReportStep } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import { ACTOR_KIND_LABEL, STEP_LABEL } from './labels';
import { ReportPhotos } from './ReportPhotos';

export function ReportTimeline({ steps }: { steps: ReportStep[] }) {
  const { t, locale } = useI18n();
  return (
    <Steps direction="vertical" current={steps.length - 1} className="rep-steps">
      {steps.map((s) => (
        <Steps.Step
          key={s.id}
          title={t(STEP_LABEL[s.kind])}
          description={
            <div className="rep-step">
              <div>
                {t(ACTOR_KIND_LABEL[s.actorKind])}
                {s.actorName ? ` · ${s.actorName}` : ''} · {formatDateTime(s.at, locale)}
              </div>
              {s.note && <p className="rep-step__note">{s.note}</p>}
              <ReportPhotos photos={s.photos} label={t('rep.detail.stepPhotos')} />
            </div>
          }
        />
      ))}
    </Steps>
  );
}
