// The answer to a check-in or check-out: 签到成功 09:02 / 签退成功，本次服务 120 分钟，待队长确认.
import { Button, Result } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { formatTime } from '../../lib/time';
import type { AttendanceAnswer } from './types';

export function AttendanceResult({
  action,
  answer,
  onDone,
}: {
  action: 'in' | 'out';
  answer: AttendanceAnswer;
  onDone: () => void;
}) {
  const { t } = useI18n();
  let title: string;
  if (action === 'in') title = t('checkin.inOk', { time: answer.checkInAt ? formatTime(answer.checkInAt) : '' });
  else if (answer.minutes === 0)
    title = t('checkin.outOkZero', { time: answer.checkOutAt ? formatTime(answer.checkOutAt) : '' });
  else if (answer.minutes !== null && answer.minutes !== undefined)
    title = t('checkin.outOk', { minutes: answer.minutes });
  else title = t('checkin.outOkPlain', { time: answer.checkOutAt ? formatTime(answer.checkOutAt) : '' });
  return (
    <div className="card" role="status" aria-live="polite">
      <Result status="success" title={title} description={answer.title} />
      <Button block color="primary" fill="outline" onClick={onDone}>
        {t('checkin.again')}
      </Button>
    </div>
  );
}
