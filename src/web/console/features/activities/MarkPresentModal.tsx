// 登记到场: mark the chosen people present for the whole activity, or with adjusted arrival / leaving times.
import { Alert, App, DatePicker, Form, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { chinaDayjs, chinaIso, formatWindow } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import type { Activity, RosterEntry } from '../../lib/volunteering';
import { useMarkAttendance } from './queries';

interface Values {
  mode: 'window' | 'custom';
  checkInAt?: Dayjs;
  checkOutAt?: Dayjs;
}

export function MarkPresentModal({
  activity,
  entries,
  onClose,
  onDone,
}: {
  activity: Activity;
  entries: RosterEntry[] | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mark = useMarkAttendance();
  const mode = Form.useWatch('mode', form);
  useEffect(() => {
    if (entries)
      form.setFieldsValue({
        mode: 'window',
        checkInAt: chinaDayjs(activity.startsAt),
        checkOutAt: chinaDayjs(activity.endsAt),
      });
  }, [entries]);

  const onOk = async () => {
    const v = await form.validateFields();
    const times =
      v.mode === 'custom' && v.checkInAt && v.checkOutAt
        ? { checkInAt: chinaIso(v.checkInAt), checkOutAt: chinaIso(v.checkOutAt) }
        : {};
    mark.mutate(
      { id: activity.id, entries: (entries ?? []).map((e) => ({ userId: e.userId, present: true, ...times })) },
      {
        onSuccess: () => {
          void message.success(t('act.markedPresent', { count: entries?.length ?? 0 }));
          onDone();
          onClose();
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Modal
      open={entries !== null}
      title={t('act.markPresentTitle', { count: entries?.length ?? 0 })}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('act.markPresent')}
      cancelText={t('common.cancel')}
      confirmLoading={mark.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('act.markPresentHint', { names: (entries ?? []).map((e) => e.displayName).join('、') })}
      />
      <Form<Values> form={form} layout="vertical" name="mark-present">
        <Form.Item name="mode" label={t('act.attendanceTimes')}>
          <Radio.Group
            options={[
              {
                value: 'window',
                label: t('act.wholeWindow', { window: formatWindow(activity.startsAt, activity.endsAt) }),
              },
              { value: 'custom', label: t('act.customTimes') },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        {mode === 'custom' && (
          <>
            <Form.Item
              name="checkInAt"
              label={t('act.checkIn')}
              rules={[{ required: true, message: t('act.timeRequired') }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="checkOutAt"
              label={t('act.checkOut')}
              dependencies={['checkInAt']}
              rules={[
                { required: true, message: t('act.timeRequired') },
                {
                  validator: (_, out?: Dayjs) => {
                    const inAt = form.getFieldValue('checkInAt') as Dayjs | undefined;
                    return out && inAt && !out.isAfter(inAt)
                      ? Promise.reject(new Error(t('act.outBeforeIn')))
                      : Promise.resolve();
                  },
                },
              ]}
              extra={t('act.chinaTime')}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
