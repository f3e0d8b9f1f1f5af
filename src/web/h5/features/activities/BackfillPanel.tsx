// 补录时长 after a finished activity: an approved volunteer who served without checking in declares minutes
// and a note (never more than the activity lasted); the leader confirms. Shows my record when one exists.
import { useState } from 'react';
import { Button, Tag, TextArea, Toast } from 'antd-mobile';
import { NumberStepper } from '../../components/NumberStepper';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n';
import { formatMinutes } from '../../lib/time';
import { RECORD_COLOR, RECORD_LABEL } from '../records/labels';
import { useServiceRecords } from '../records/queries';
import { useDeclareBackfill } from './queries';
import type { Activity } from './types';

const NOTE_MAX = 200;

export function BackfillPanel({ activity }: { activity: Activity }) {
  const { t, locale } = useI18n();
  const records = useServiceRecords({ mine: true, activityId: activity.id });
  const declare = useDeclareBackfill(activity.id);
  const duration = Math.max(
    15,
    Math.floor((new Date(activity.endsAt).getTime() - new Date(activity.startsAt).getTime()) / 60_000),
  );
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState(Math.min(duration, 60));
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);

  const mine = (records.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (r) => r.status !== 'superseded' && r.status !== 'voided',
  );
  if (records.isPending) return null;

  const onSubmit = () => {
    if (!note.trim()) {
      setNoteMissing(true);
      return;
    }
    declare.mutate(
      { minutes, note: note.trim() },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('backfill.done') });
          setOpen(false);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="backfill-title">
      <h2 id="backfill-title" className="card__title">
        {mine.length ? t('backfill.myRecord') : t('backfill.title')}
      </h2>
      {mine.length > 0 ? (
        <ul className="plain-list">
          {mine.map((r) => (
            <li key={r.id} className="record-line">
              <span>{formatMinutes(r.minutes, locale)}</span>
              <Tag color={RECORD_COLOR[r.status]}>{t(RECORD_LABEL[r.status])}</Tag>
              {r.isBackfill && (
                <Tag color="default" fill="outline">
                  {t('record.backfill')}
                </Tag>
              )}
            </li>
          ))}
        </ul>
      ) : !open ? (
        <>
          <p className="muted">{t('backfill.hint')}</p>
          <Button block fill="outline" color="primary" onClick={() => setOpen(true)} className="mt">
            {t('backfill.open')}
          </Button>
        </>
      ) : (
        <div className="stack">
          <label className="field-label" htmlFor="backfill-minutes">
            {t('backfill.minutes')}
          </label>
          <NumberStepper
            id="backfill-minutes"
            label={t('backfill.minutes')}
            min={15}
            max={duration}
            step={15}
            value={minutes}
            onChange={setMinutes}
          />
          <p className="muted">{t('backfill.max', { max: duration })}</p>
          <label className="field-label" htmlFor="backfill-note">
            {t('backfill.note')}
          </label>
          <TextArea
            id="backfill-note"
            placeholder={t('backfill.ph.note')}
            value={note}
            onChange={(v) => {
              setNote(v);
              setNoteMissing(false);
            }}
            maxLength={NOTE_MAX}
            autoSize={{ minRows: 2, maxRows: 4 }}
            className="boxed-input"
          />
          {noteMissing && (
            <p className="form-error" role="alert">
              {t('backfill.noteRequired')}
            </p>
          )}
          <FormError error={declare.error} />
          <Button block color="primary" loading={declare.isPending} onClick={onSubmit}>
            {t('backfill.submit')}
          </Button>
        </div>
      )}
    </section>
  );
}
