// 调解详情 (/mediation/:id): the dispute in brief, who takes part (names masked), the outcome once there is one, and my
// private conversation with the mediators (the other side never sees it); withdraw before a mediator is assigned.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Dialog, List, Tag, TextArea, Toast } from 'antd-mobile';
import { FormError } from '../../components/FormError';
import { LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { STATUS_COLOR, STATUS_LABEL, TYPE_LABEL } from '../../features/mediation/labels';
import {
  useMediationCase,
  useMyThread,
  usePostToMediators,
  useWithdrawMediationCase,
} from '../../features/mediation/queries';
import type { MediationCase } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';

function Thread({ c }: { c: MediationCase }) {
  const { t, locale } = useI18n();
  const thread = useMyThread(c.id);
  const post = usePostToMediators(c.id);
  const [text, setText] = useState('');
  const send = async () => {
    const body = text.trim();
    if (!body) return;
    const ok = await post.mutateAsync(body).catch(() => null);
    if (ok) {
      setText('');
      Toast.show({ icon: 'success', content: t('med.case.sent') });
    }
  };
  return (
    <section className="card" aria-labelledby="med-thread">
      <h2 id="med-thread" className="card__title">
        {t('med.case.thread')}
      </h2>
      <p style={{ color: 'var(--adm-color-weak)', margin: '0 0 8px' }}>{t('med.case.threadHint')}</p>
      {thread.isPending ? (
        <Loading />
      ) : thread.isError ? (
        <LoadError error={thread.error} onRetry={() => void thread.refetch()} />
      ) : thread.data.items.length === 0 ? (
        <p>{t('med.case.noMessages')}</p>
      ) : (
        <ul className="plain-list" aria-live="polite">
          {thread.data.items.map((m) => (
            <li
              key={m.id}
              style={{
                margin: '8px 0',
                padding: '10px 12px',
                borderRadius: 12,
                background: m.mine ? 'var(--adm-color-primary-light, #e6f4ff)' : '#f5f5f5',
                marginLeft: m.mine ? 32 : 0,
                marginRight: m.mine ? 0 : 32,
              }}
            >
              <div style={{ fontSize: '0.9em', color: 'var(--adm-color-weak)' }}>
                {m.mine ? t('med.case.me') : t('med.case.mediatorSays', { name: m.authorName })} ·{' '}
                {formatDateTime(m.createdAt, locale)}
              </div>
              <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{m.body}</div>
            </li>
          ))}
        </ul>
      )}
      {c.canPost ? (
        <div style={{ marginTop: 12 }}>
          <TextArea
            aria-label={t('med.case.messagePh')}
            placeholder={t('med.case.messagePh')}
            value={text}
            onChange={setText}
            rows={3}
            maxLength={2000}
          />
          <FormError error={post.error} />
          <Button
            block
            color="primary"
            size="large"
            style={{ marginTop: 8 }}
            loading={post.isPending}
            disabled={!text.trim()}
            onClick={() => void send()}
          >
            {t('med.case.send')}
          </Button>
        </div>
      ) : (
        <p style={{ color: 'var(--adm-color-weak)' }}>{t('med.case.closedNoMessages')}</p>
      )}
    </section>
  );
}

function Outcome({ c }: { c: MediationCase }) {
  const { t } = useI18n();
  if (!c.outcome) return null;
  return (
    <section className="card" aria-labelledby="med-outcome">
      <h2 id="med-outcome" className="card__title">
        {t('med.case.outcome')}
      </h2>
      <p>
        <Tag color={STATUS_COLOR[c.status]}>{t(STATUS_LABEL[c.status])}</Tag>
      </p>
      {c.outcome.outcome === 'agreement' && (
        <>
          <strong>{t('med.case.terms')}</strong>
          <p style={{ whiteSpace: 'pre-wrap' }}>{c.outcome.terms}</p>
        </>
      )}
      {c.outcome.outcome === 'referred' && <p>{t('med.case.referredTo', { to: c.outcome.referredTo ?? '' })}</p>}
      {c.outcome.outcome === 'failed' && <p>{t('med.case.failed')}</p>}
    </section>
  );
}

export function MediationCasePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useMediationCase(id);
  const withdraw = useWithdrawMediationCase(id);
  if (query.isPending || query.isError)
    return (
      <SubPage title={t('med.case.title')} backTo="/mediation">
        {query.isPending ? <Loading /> : <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      </SubPage>
    );
  const c = query.data;
  const onWithdraw = async () => {
    if (!(await Dialog.confirm({ content: t('med.case.withdrawConfirm') }))) return;
    const ok = await withdraw.mutateAsync().catch(() => null);
    if (ok) {
      Toast.show({ content: t('med.case.withdrawn') });
      void navigate('/mediation', { replace: true });
    }
  };
  return (
    <SubPage title={t('med.case.title')} backTo="/mediation">
      <section className="card">
        <h2 className="card__title">{t(TYPE_LABEL[c.type])}</h2>
        <Tag color={STATUS_COLOR[c.status]} style={{ fontSize: '0.95em', padding: '3px 8px' }}>
          {t(STATUS_LABEL[c.status])}
        </Tag>
        <List style={{ marginTop: 8 }}>
          <List.Item
            title={t('med.case.parties')}
            description={c.parties.map((p) => `${p.name}${p.mine ? t('med.case.you') : ''}`).join('、')}
          />
          <List.Item
            title={t('med.case.mediators')}
            description={c.mediators.length > 0 ? c.mediators.map((m) => m.name).join('、') : t('med.case.noMediators')}
          />
          <List.Item title={t('med.case.description')} description={c.description} />
        </List>
        {c.canWithdraw && (
          <>
            <FormError error={withdraw.error} />
            <Button block fill="outline" color="danger" loading={withdraw.isPending} onClick={() => void onWithdraw()}>
              {t('med.case.withdraw')}
            </Button>
          </>
        )}
      </section>
      <Outcome c={c} />
      {c.isParty && <Thread c={c} />}
    </SubPage>
  );
}
