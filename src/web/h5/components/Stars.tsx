// Star level (0–5) as ★★★☆☆ with a readable name.
import { useI18n } from '../i18n';

export function Stars({ level, max = 5 }: { level: number; max?: number }) {
  const { t } = useI18n();
  const filled = Math.max(0, Math.min(max, Math.round(level)));
  return (
    <span className="stars" role="img" aria-label={filled ? t('stars.label', { n: filled }) : t('card.noStar')}>
      <span className="stars__on">{'★'.repeat(filled)}</span>
      <span className="stars__off">{'★'.repeat(max - filled)}</span>
    </span>
  );
}
