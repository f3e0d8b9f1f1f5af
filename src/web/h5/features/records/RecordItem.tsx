// One service record: activity, date, minutes, status tag (待确认/已确认/已验收/已退回/已更正), 补录 tag and reasons.
import { Tag } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { formatMinutes } from '../../lib/time';
import { RECORD_COLOR, RECORD_LABEL } from './labels';
import type { ServiceRecord } from './types';

export function RecordItem({ record: r, showPerson = false }: { record: ServiceRecord; showPerson?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <div className="record">
      <div className="record__top">
        <span className="record__title">
          {showPerson ? `${r.displayName}${r.volunteerNo ? ` · ${r.volunteerNo}` : ''}` : r.activityTitle}
        </span>
        <span className="record__minutes">{formatMinutes(r.minutes, locale)}</span>
      </div>
      <div className="record__meta">
        <span className="muted">{r.serviceDate}</span>
        <Tag color={RECORD_COLOR[r.status]}>{t(RECORD_LABEL[r.status])}</Tag>
        {r.isBackfill && (
          <Tag color="warning" fill="outline">
            {t('record.backfill')}
          </Tag>
        )}
      </div>
      {r.note && <p className="record__note">{t('record.note', { note: r.note })}</p>}
      {r.returnedReason && r.status === 'returned' && (
        <p className="record__note record__note--bad">{t('record.returned', { reason: r.returnedReason })}</p>
      )}
      {r.correctionReason && <p className="record__note">{t('record.corrected', { reason: r.correctionReason })}</p>}
    </div>
  );
}
