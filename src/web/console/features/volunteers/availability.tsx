// Availability ("可服务时间") shown compactly in tables and in full in the drawer.
import { Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { TIME_BANDS, WEEKDAYS, type Volunteer } from '../../lib/volunteering';

/** "周六：上午、下午；周日：上午" — every day and band spelled out. */
export function useAvailabilityText() {
  const { t, locale } = useI18n();
  const sep = locale === 'en' ? ', ' : '、';
  return (a: Volunteer['availability']): string => {
    const parts = WEEKDAYS.filter((d) => a[d]?.length).map(
      (d) =>
        `${t(`vol.week.${d}`)}${locale === 'en' ? ': ' : '：'}${TIME_BANDS.filter((b) => a[d]!.includes(b))
          .map((b) => t(`vol.band.${b}`))
          .join(sep)}`,
    );
    return parts.join(locale === 'en' ? '; ' : '；');
  };
}

/** "六 上·下 | 日 上" with the full text on hover. */
export function AvailabilityCompact({ availability }: { availability: Volunteer['availability'] }) {
  const { t } = useI18n();
  const full = useAvailabilityText()(availability);
  const days = WEEKDAYS.filter((d) => availability[d]?.length);
  if (days.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Tooltip title={full}>
      <span style={{ whiteSpace: 'nowrap', fontSize: 13 }} aria-label={full}>
        {days.map((d, i) => (
          <span key={d}>
            {i > 0 && <Typography.Text type="secondary"> | </Typography.Text>}
            <b style={{ fontWeight: 500 }}>{t(`vol.weekShort.${d}`)}</b>{' '}
            {TIME_BANDS.filter((b) => availability[d]!.includes(b))
              .map((b) => t(`vol.bandShort.${b}`))
              .join('·')}
          </span>
        ))}
      </span>
    </Tooltip>
  );
}
