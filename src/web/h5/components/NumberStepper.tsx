// − [number] + with big buttons; the number box can be typed into. Works as a Form.Item control (value/onChange).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

interface Props {
  value?: number;
  onChange?: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  id?: string;
  label: string;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

export function NumberStepper({ value, onChange, min, max, step = 1, id, label }: Props) {
  const { t } = useI18n();
  const current = value ?? min;
  const [text, setText] = useState(String(current));
  useEffect(() => setText(String(current)), [current]);
  const commit = (raw: string) => {
    const n = Number.parseInt(raw, 10);
    const next = Number.isFinite(n) ? clamp(n, min, max) : current;
    setText(String(next));
    if (next !== current) onChange?.(next);
  };
  return (
    <div className="num-stepper">
      <button
        type="button"
        className="num-stepper__btn"
        aria-label={`${t('num.less')} ${label}`}
        disabled={current <= min}
        onClick={() => onChange?.(clamp(current - step, min, max))}
      >
        −
      </button>
      <input
        id={id}
        className="num-stepper__input"
        aria-label={label}
        inputMode="numeric"
        value={text}
        onChange={(e) => {
          // A typed number that is already acceptable counts at once, so a validation message that it clears
          // is gone before the person taps submit (otherwise the layout shifts under their finger).
          const raw = e.target.value.replace(/\D/g, '');
          setText(raw);
          const n = Number.parseInt(raw, 10);
          if (Number.isFinite(n) && n >= min && n <= max && n !== current) onChange?.(n);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit((e.target as HTMLInputElement).value);
          }
        }}
      />
      <button
        type="button"
        className="num-stepper__btn"
        aria-label={`${t('num.more')} ${label}`}
        disabled={current >= max}
        onClick={() => onChange?.(clamp(current + step, min, max))}
      >
        +
      </button>
    </div>
  );
}
