// 确认时长: the activity's pending service records; select some or all, then confirm them or return them
// with a reason.
import { useState } from 'react';
import { Button, Checkbox, Toast } from 'antd-mobile';
import { askReason } from '../../components/askReason';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { useI18n } from '../../i18n';
import { RecordItem } from '../records/RecordItem';
import { useConfirmRecords, useReturnRecords, useServiceRecords } from '../records/queries';

export function ConfirmRecordsPanel({ activityId }: { activityId: string }) {
  const { t } = useI18n();
  const query = useServiceRecords({ activityId, status: 'pending' });
  const confirm = useConfirmRecords();
  const giveBack = useReturnRecords();
  const [selected, setSelected] = useState<string[]>([]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items).filter((r) => r.canConfirm !== false);
  if (items.length === 0) return <Empty text={t('confirm.empty')} />;

  const ids = selected.filter((id) => items.some((r) => r.id === id));
  const allOn = ids.length === items.length;
  const busy = confirm.isPending || giveBack.isPending;

  const onConfirm = () =>
    confirm.mutate(
      { recordIds: ids },
      {
        onSuccess: (answer) => {
          Toast.show({ icon: 'success', content: t('confirm.ok', { n: answer.items.length }) });
          setSelected([]);
        },
        onError: (e) => showError(e, t),
      },
    );

  const onReturn = async () => {
    const reason = await askReason({ title: t('confirm.returnTitle'), placeholder: t('confirm.ph.reason'), t });
    if (reason === null) return;
    giveBack.mutate(
      { recordIds: ids, reason },
      {
        onSuccess: (answer) => {
          Toast.show({ content: t('confirm.returnedOk', { n: answer.items.length }) });
          setSelected([]);
        },
        onError: (e) => showError(e, t),
      },
    );
  };

  return (
    <section className="card">
      <div className="confirm-bar">
        <Checkbox
          checked={allOn}
          indeterminate={ids.length > 0 && !allOn}
          onChange={(on) => setSelected(on ? items.map((r) => r.id) : [])}
        >
          {t('confirm.selectAll')}
        </Checkbox>
        <span className="muted">{t('confirm.selected', { n: ids.length })}</span>
      </div>
      <Checkbox.Group value={ids} onChange={(v) => setSelected(v as string[])}>
        <ul className="plain-list">
          {items.map((r) => (
            <li key={r.id} className="confirm-row">
              <Checkbox value={r.id} aria-label={r.displayName} className="confirm-row__check" />
              <RecordItem record={r} showPerson />
            </li>
          ))}
        </ul>
      </Checkbox.Group>
      <div className="two-buttons">
        <Button
          color="primary"
          size="large"
          disabled={ids.length === 0 || busy}
          loading={confirm.isPending}
          onClick={onConfirm}
        >
          {t('confirm.confirm')}
        </Button>
        <Button
          color="danger"
          fill="outline"
          size="large"
          disabled={ids.length === 0 || busy}
          loading={giveBack.isPending}
          onClick={() => void onReturn()}
        >
          {t('confirm.return')}
        </Button>
      </div>
    </section>
  );
}
