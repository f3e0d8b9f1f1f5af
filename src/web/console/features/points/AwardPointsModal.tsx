// 奖励积分: an admin awards points to a person with a required reason. The idempotency key is made when the
// modal opens and reused on every retry, so a double click or a lost answer never pays twice.
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { newIdempotencyKey } from '../../lib/idempotency';
import { PersonSelect } from '../../components/PersonSelect';
import { useAwardPoints } from './queries';

export interface AwardTarget {
  userId: string;
  name: string;
}

interface Values {
  userId?: string | null;
  points?: number;
  reason?: string;
}

export const REASON_MIN = 2;
export const REASON_MAX = 100;

export function AwardPointsModal({
  open,
  target,
  onClose,
}: {
  open: boolean;
  target: AwardTarget | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const award = useAwardPoints();
  const keyRef = useRef<string>('');
  /** Name of the person chosen in the picker, for the success message. */
  const pickedLabel = useRef<string>('');

  useEffect(() => {
    if (open) {
      keyRef.current = newIdempotencyKey();
      form.resetFields();
      award.reset();
    }
  }, [open]);

  const onOk = async () => {
    const v = await form.validateFields();
    const userId = target?.userId ?? v.userId!;
    const name = target?.name ?? pickedLabel.current;
    try {
      const j = await award.mutateAsync({
        userId,
        points: v.points!,
        reason: v.reason!.trim(),
        idempotencyKey: keyRef.current,
      });
      message.success(t('pts.award.ok', { name, points: v.points!, seq: j.seq }));
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, ['userId', 'points', 'reason'])) message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={target ? t('pts.award.titleFor', { name: target.name }) : t('pts.award.title')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('pts.award.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: award.isPending, 'data-testid': 'award-submit' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="award-points">
        {!target && (
          <Form.Item
            name="userId"
            label={t('pts.award.person')}
            extra={t('pts.award.personHelp')}
            rules={[{ required: true, message: t('pts.award.personRequired') }]}
          >
            <PersonSelect
              aria-label={t('pts.award.person')}
              onPersonChange={(p) => {
                pickedLabel.current = p?.displayName ?? '';
              }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="points"
          label={t('pts.award.points')}
          rules={[{ required: true, message: t('pts.award.pointsRequired') }]}
        >
          <InputNumber
            min={1}
            max={1_000_000}
            precision={0}
            style={{ width: 200 }}
            suffix={t('pts.unit')}
            aria-label={t('pts.award.points')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pts.award.reason')}
          rules={[
            { required: true, whitespace: true, message: t('pts.award.reasonRequired') },
            { min: REASON_MIN, message: t('common.minChars', { n: REASON_MIN }) },
            { max: REASON_MAX, message: t('common.maxChars', { n: REASON_MAX }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={t('pts.award.reasonPlaceholder')} />
        </Form.Item>
        <Alert type="info" showIcon title={t('pts.award.publicNote')} />
      </Form>
    </Modal>
  );
}
