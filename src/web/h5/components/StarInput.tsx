// 1–5 star picker made of real buttons (big targets, named "3 星" for screen readers and tests).
import { useI18n } from '../i18n';

export function StarInput({
  value = 0,
  onChange,
  label,
}: {
  value?: number;
  onChange?: (v: number) => void;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <div className="star-input" role="group" aria-label={label}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          className={`star-input__star${n <= value ? ' star-input__star--on' : ''}`}
          aria-label={t('stars.label', { n })}
          aria-pressed={n === value}
          onClick={() => onChange?.(n)}
        >
          ★
        </button>
      ))}
    </div>
  );
}
