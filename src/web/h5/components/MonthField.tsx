// A labelled button that picks a month (YYYY-MM) or none ("all months") from a bottom sheet: year chips, then a
// grid of month buttons (future months, China time, disabled), and an "all months" button.
import { useState } from 'react';
import { Button, Popup } from 'antd-mobile';
import { useI18n } from '../i18n';
import { chinaParts } from '../lib/time';
import { ChipSelect } from './ChipSelect';

interface Props {
  id: string;
  label: string;
  /** YYYY-MM, or '' for none. */
  value: string;
  onChange: (month: string) => void;
  emptyText: string;
  /** Earliest year offered. */
  fromYear?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function MonthField({ id, label, value, onChange, emptyText, fromYear = 2020 }: Props) {
  const { t, locale } = useI18n();
  const [visible, setVisible] = useState(false);
  const today = chinaParts(new Date());
  const thisYear = today.year;
  const [year, setYear] = useState(() => (value ? Number(value.slice(0, 4)) : thisYear));
  const years: string[] = [];
  for (let y = thisYear; y >= Math.min(fromYear, thisYear); y--) years.push(String(y));
  const pick = (month: string) => {
    setVisible(false);
    onChange(month);
  };
  return (
    <div className="select-field">
      <label id={`${id}-label`} className="select-field__label" htmlFor={id}>
        {label}
      </label>
      <button
        type="button"
        id={id}
        // Named by the label and its own text: "社区 燕岭社区".
        aria-labelledby={`${id}-label ${id}`}
        data-testid={id}
        className="select-field__button"
        aria-haspopup="dialog"
        onClick={() => {
          setYear(value ? Number(value.slice(0, 4)) : thisYear);
          setVisible(true);
        }}
      >
        {value || emptyText}
      </button>
      <Popup
        visible={visible}
        onMaskClick={() => setVisible(false)}
        onClose={() => setVisible(false)}
        destroyOnClose
        bodyClassName="sheet"
      >
        <div role="dialog" aria-modal="true" aria-labelledby={`${id}-sheet`}>
          <h2 id={`${id}-sheet`} className="sheet__title">
            {label}
          </h2>
          <div className="sheet__body">
            <ChipSelect<string>
              scroll
              label={t('month.year')}
              value={String(year)}
              options={years.map((y) => ({ value: y, label: locale === 'en' ? y : `${y}年` }))}
              onChange={(y) => setYear(Number(y))}
            />
            <div className="month-grid" role="group" aria-label={String(year)}>
              {Array.from({ length: 12 }, (_, i) => {
                const month = `${year}-${pad(i + 1)}`;
                const future = year > thisYear || (year === thisYear && i + 1 > today.month);
                return (
                  <button
                    key={month}
                    type="button"
                    className={`chips__item month-grid__item${month === value ? ' chips__item--on' : ''}`}
                    aria-pressed={month === value}
                    aria-label={locale === 'en' ? `${MONTHS_EN[i]} ${year}` : `${year}年${i + 1}月`}
                    disabled={future}
                    onClick={() => pick(month)}
                  >
                    {locale === 'en' ? MONTHS_EN[i] : `${i + 1}月`}
                  </button>
                );
              })}
            </div>
            <Button block fill="outline" color="primary" className="mt" onClick={() => pick('')}>
              {emptyText}
            </Button>
          </div>
        </div>
      </Popup>
    </div>
  );
}
