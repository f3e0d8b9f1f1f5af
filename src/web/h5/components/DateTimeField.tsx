// A form control that picks a date and time (China time) and holds it as a UTC ISO string.
import { useState } from 'react';
import { DatePicker } from 'antd-mobile';
import { useI18n } from '../i18n';
import { formatDateTime, isoToPicker, pickerToIso } from '../lib/time';

interface Props {
  value?: string;
  onChange?: (iso: string | undefined) => void;
  id?: string;
  placeholder: string;
  title: string;
  /** Earliest instant offered (default now). */
  min?: string;
  /** Where the wheels start when nothing is chosen yet (default the earliest instant). */
  suggest?: string;
  clearable?: boolean;
}

const UNITS_ZH: Record<string, string> = { year: '年', month: '月', day: '日', hour: '时', minute: '分' };
const MINUTE_STEP = 5;

export function DateTimeField({ value, onChange, id, placeholder, title, min, suggest, clearable }: Props) {
  const { t, locale } = useI18n();
  const [visible, setVisible] = useState(false);
  const minDate = isoToPicker(min ?? new Date().toISOString());
  const maxDate = new Date(minDate.getFullYear() + 1, minDate.getMonth(), minDate.getDate());
  return (
    <div className="dt-field">
      <button
        type="button"
        id={id}
        className={`picker-field${value ? '' : ' picker-field--empty'}`}
        aria-label={value ? `${title} ${formatDateTime(value, locale)}` : title}
        onClick={() => setVisible(true)}
      >
        {value ? formatDateTime(value, locale) : placeholder}
      </button>
      {clearable && value && (
        <button type="button" className="link-button" onClick={() => onChange?.(undefined)}>
          {t('common.cancel')}
        </button>
      )}
      <DatePicker
        title={title}
        visible={visible}
        precision="minute"
        min={minDate}
        max={maxDate}
        // Controlled, so the wheels follow a suggestion that changes (e.g. the end follows the start).
        value={value ? isoToPicker(value) : suggest && suggest > (min ?? '') ? isoToPicker(suggest) : minDate}
        filter={{ minute: (m) => m % MINUTE_STEP === 0 }}
        renderLabel={(type, data) =>
          locale === 'en' ? String(data).padStart(2, '0') : `${data}${UNITS_ZH[type] ?? ''}`
        }
        onClose={() => setVisible(false)}
        onConfirm={(picked) => onChange?.(pickerToIso(picked))}
      />
    </div>
  );
}
