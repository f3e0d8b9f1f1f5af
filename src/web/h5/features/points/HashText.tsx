// A sha256 hash in short form (abcd…ef12) with a copy button; the full hash is kept in the title and copied whole.
import { Toast } from 'antd-mobile';
import { FileOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { copyText } from '../../lib/clipboard';
import { shortHash } from './labels';

export function HashText({ hash, label, testId }: { hash: string; label: string; testId?: string }) {
  const { t } = useI18n();
  const onCopy = async () => {
    const ok = await copyText(hash);
    Toast.show(ok ? { icon: 'success', content: t('hash.copied') } : { content: t('hash.copyFailed') });
  };
  return (
    <span className="hash">
      <code className="hash__text" title={hash} data-testid={testId} data-hash={hash}>
        {shortHash(hash)}
      </code>
      <button
        type="button"
        className="hash__copy"
        onClick={() => void onCopy()}
        aria-label={t('hash.copyLabel', { what: label })}
      >
        <FileOutline aria-hidden="true" />
        <span>{t('hash.copy')}</span>
      </button>
    </span>
  );
}
