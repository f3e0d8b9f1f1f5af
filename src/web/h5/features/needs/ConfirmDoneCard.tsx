// The requester's 确认已完成 on a need in service: the help is done, the volunteers' time goes to the community's
// acceptance queue.
import { Button, Dialog, Toast } from 'antd-mobile';
import { FormError } from '../../components/FormError';
import type { Need } from '../../../shared/api-types';
import { useCurrentUser } from '../account/currentUser';
import { useI18n } from '../../i18n';
import { useCompleteNeed } from './invitationQueries';

export function ConfirmDoneCard({ need }: { need: Pick<Need, 'id' | 'requesterUserId'> }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const complete = useCompleteNeed();
  const needId = need.id;
  const onConfirm = async () => {
    const ok = await Dialog.confirm({
      content: t('needs.confirm.ask'),
      confirmText: t('needs.confirm.button'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    const done = await complete
      .mutateAsync(needId)
      .then(() => true)
      .catch(() => false);
    if (done) Toast.show({ icon: 'success', content: t('needs.confirm.done') });
  };
  if (me.id !== need.requesterUserId) return null;
  return (
    <section className="card" aria-labelledby="need-confirm">
      <h2 id="need-confirm" className="card__title">
        {t('needs.confirm.title')}
      </h2>
      <p>{t('needs.confirm.text')}</p>
      <FormError error={complete.error} />
      <Button block color="primary" size="large" loading={complete.isPending} onClick={() => void onConfirm()}>
        {t('needs.confirm.button')}
      </Button>
    </section>
  );
}
