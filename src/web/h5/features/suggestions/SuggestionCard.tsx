// One suggestion as a card: category, text, who (masked, or 匿名居民), the state and the community's answer.
import type { Suggestion } from '../../../shared/api-types';
import { type MessageKey, useI18n } from '../../i18n';

export function SuggestionCard({ s, showStatus }: { s: Suggestion; showStatus?: boolean }) {
  const { t } = useI18n();
  return (
    <article className="card suggestion" data-testid="suggestion">
      <p className="suggestion__meta">
        <span className="suggestion__category" style={{ fontWeight: 600, marginRight: 8 }}>
          {s.category}
        </span>
        <span className="muted">
          {s.authorName ?? t('sug.anonymousName')} · {s.communityName} · {s.createdAt.slice(0, 10)}
        </span>
      </p>
      <p className="suggestion__content" style={{ fontSize: 18, lineHeight: 1.6, whiteSpace: 'pre-wrap' }}>
        {s.content}
      </p>
      {showStatus && <p className="suggestion__status">{t(`sug.status.${s.status}` as MessageKey)}</p>}
      {s.answer && (
        <div className="suggestion__answer" style={{ background: '#f0f9f4', borderRadius: 8, padding: '8px 12px' }}>
          <strong>{t('sug.answerLabel')}</strong>
          <p>{s.answer}</p>
        </div>
      )}
    </article>
  );
}
