// One entry of the public ledger: date, type, the (masked) parties with signed amounts, reason, community,
// ledger number and short hash.
import { Tag } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { displayReason, JOURNAL_TYPE_COLOR, JOURNAL_TYPE_LABEL, shortHash, signed } from './labels';
import type { PublicJournal } from './types';

export function PublicJournalItem({ journal }: { journal: PublicJournal }) {
  const { t } = useI18n();
  return (
    <article className="pjournal" data-testid="public-journal">
      <div className="pjournal__top">
        <Tag color={JOURNAL_TYPE_COLOR[journal.type]} fill="outline" className="journal__type">
          {t(JOURNAL_TYPE_LABEL[journal.type])}
        </Tag>
        <span className="pjournal__date">{journal.date}</span>
      </div>
      <ul className="pjournal__parties" aria-label={t('ledger.parties')}>
        {journal.parties.map((p, i) => (
          <li key={`${p.name}-${i}`} className="pjournal__party">
            <span className="pjournal__name">{p.name}</span>
            <span
              className={`journal__amount${p.amount > 0 ? ' journal__amount--in' : ' journal__amount--out'}`}
              aria-label={t('points.n', { n: signed(p.amount) })}
            >
              {signed(p.amount)}
            </span>
          </li>
        ))}
      </ul>
      <p className="journal__reason">{displayReason(journal.reason, t)}</p>
      <p className="journal__meta">
        {journal.communityName && <span>{journal.communityName}</span>}
        <span>{t('points.seq', { n: journal.seq })}</span>
        <code className="pjournal__hash" title={journal.hash}>
          {shortHash(journal.hash)}
        </code>
      </p>
    </article>
  );
}
