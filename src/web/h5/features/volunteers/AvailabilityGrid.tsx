// 可服务时间: weekday × 上午/下午/晚上 grid of big toggle buttons (a form control: value/onChange).
import { useI18n } from '../../i18n';
import { DAY_SLOTS, WEEKDAYS, type Availability, type DaySlot, type Weekday } from './types';

interface Props {
  value?: Availability;
  onChange?: (value: Availability) => void;
  id?: string;
}

export function AvailabilityGrid({ value = {}, onChange, id }: Props) {
  const { t } = useI18n();
  const isOn = (day: Weekday, slot: DaySlot) => value[day]?.includes(slot) ?? false;
  const toggle = (day: Weekday, slot: DaySlot) => {
    const current = value[day] ?? [];
    const nextSlots = current.includes(slot)
      ? current.filter((s) => s !== slot)
      : DAY_SLOTS.filter((s) => s === slot || current.includes(s));
    const next: Availability = { ...value };
    if (nextSlots.length) next[day] = nextSlots;
    else delete next[day];
    onChange?.(next);
  };
  return (
    <table id={id} className="avail" aria-label={t('apply.availability')}>
      <thead>
        <tr>
          <th aria-hidden="true" />
          {DAY_SLOTS.map((slot) => (
            <th key={slot} scope="col">
              {t(`slot.${slot}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((day) => (
          <tr key={day}>
            <th scope="row">{t(`week.${day}`)}</th>
            {DAY_SLOTS.map((slot) => (
              <td key={slot}>
                <button
                  type="button"
                  className={`avail__cell${isOn(day, slot) ? ' avail__cell--on' : ''}`}
                  aria-pressed={isOn(day, slot)}
                  aria-label={t('avail.cell', { day: t(`week.${day}`), slot: t(`slot.${slot}`) })}
                  onClick={() => toggle(day, slot)}
                >
                  {isOn(day, slot) ? '✓' : ''}
                </button>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
