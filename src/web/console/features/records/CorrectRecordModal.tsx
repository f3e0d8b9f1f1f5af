// 更正: a new record with the right minutes and a reason; the old one is kept as superseded.
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import type { ServiceRecord } from '../../lib/volunteering';
import { useCorrectRecord } from './queries';

interface Values {
  minutes: number;
  reason: string;
}

export function CorrectRecordModal({ record, onClose }: { record: ServiceRecord | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const correct = useCorrectRecord();
  useEffect(() => {
    if (record) form.setFieldsValue({ minutes: record.minutes, reason: '' });
  }, [record]);

  const onOk = async () => {
    const v = await form.validateFields();
    correct.mutate(
      { id: record!.id, minutes: v.minutes, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('rec.corrected'));
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err, ['minutes', 'reason'])) message.error(errorMessage(err));
        },
      },
    );
  };

  return (
    <Modal
      open={record !== null}
      title={record ? t('rec.correctTitle', { name: record.displayName, title: record.activityTitle }) : ''}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('rec.correct')}
      cancelText={t('common.cancel')}
      confirmLoading={correct.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('rec.correctHint')} />
      <Form<Values> form={form} layout="vertical" name="correct-record">
        <Form.Item
          name="minutes"
          label={t('rec.correctMinutes')}
          extra={record ? t('rec.currentMinutes', { minutes: record.minutes }) : undefined}
          rules={[{ required: true, message: t('rec.minutesRequired') }]}
        >
          <InputNumber min={0} max={1440} step={15} precision={0} style={{ width: 200 }} suffix={t('rec.minuteUnit')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('rec.correctReason')}
          rules={[
            { required: true, whitespace: true, message: t('vol.reasonRequired') },
            { max: 200, message: t('vol.reasonTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
