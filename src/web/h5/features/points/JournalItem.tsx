// One line of my points history: type tag, signed amount (green in, grey out), reason, date and ledger number.
import { Tag } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { displayReason, JOURNAL_TYPE_COLOR, JOURNAL_TYPE_LABEL, signed } from './labels';
import type { Journal } from './types';

export function JournalItem({ journal }: { journal: Journal }) {
  const { t } = useI18n();
  const inflow = journal.amount > 0;
  return (
    <div className="journal" data-testid="journal-item">
      <div className="journal__top">
        <Tag color={JOURNAL_TYPE_COLOR[journal.type]} fill="outline" className="journal__type">
          {t(JOURNAL_TYPE_LABEL[journal.type])}
        </Tag>
        <span
          className={`journal__amount${inflow ? ' journal__amount--in' : ' journal__amount--out'}`}
          aria-label={t('points.n', { n: signed(journal.amount) })}
        >
          {signed(journal.amount)}
        </span>
      </div>
      <p className="journal__reason">{displayReason(journal.reason, t)}</p>
      <p className="journal__meta">
        <span>{journal.effectiveDate}</span>
        <span>{t('points.seq', { n: journal.seq })}</span>
      </p>
    </div>
  );
}
