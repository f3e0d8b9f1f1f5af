// The activity phase as a coloured dot and label, used in the calendar, list and drawer.
import { Badge, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { PHASE_COLOR, type ActivityPhase } from '../../lib/volunteering';

export function PhaseTag({ phase }: { phase: ActivityPhase }) {
  const { t } = useI18n();
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
      <Badge color={PHASE_COLOR[phase]} text={t(`act.phase.${phase}`)} />
    </Tag>
  );
}

export const PHASES: ActivityPhase[] = ['draft', 'open', 'closed', 'ongoing', 'finished', 'cancelled'];

export function PhaseLegend() {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', gap: 12, flexWrap: 'wrap' }} aria-label={t('act.legend')}>
      {PHASES.map((p) => (
        <Badge key={p} color={PHASE_COLOR[p]} text={t(`act.phase.${p}`)} />
      ))}
    </span>
  );
}
