// A small modal asking for a reason (reject, return, cancel); the reason is required unless told otherwise.
import { Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

export interface ReasonModalProps {
  open: boolean;
  title: ReactNode;
  /** Text above the field, e.g. how many rows this applies to. */
  description?: ReactNode;
  label?: string;
  okText?: string;
  danger?: boolean;
  required?: boolean;
  /** Fewest characters the server accepts (default none). */
  minLength?: number;
  /** Most characters the server accepts (default 200). */
  maxLength?: number;
  placeholder?: string;
  onCancel: () => void;
  /** Resolve to close the modal; reject to keep it open (the caller shows the error). */
  onSubmit: (reason: string) => Promise<unknown>;
}

export function ReasonModal({
  open,
  title,
  description,
  label,
  okText,
  danger = true,
  required = true,
  minLength,
  maxLength = 200,
  placeholder,
  onCancel,
  onSubmit,
}: ReasonModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onOk = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit((reason ?? '').trim());
    } catch {
      // The caller already showed the error; keep the modal open.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => void onOk().catch(() => undefined)}
      okText={okText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: busy }}
      destroyOnHidden
    >
      {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
      <Form form={form} layout="vertical" name="reason" requiredMark={required ? undefined : false}>
        <Form.Item
          name="reason"
          label={label ?? t('vol.reason')}
          rules={[
            { required, whitespace: true, message: t('vol.reasonRequired') },
            ...(minLength ? [{ min: minLength, message: t('common.minChars', { n: minLength }) }] : []),
            {
              max: maxLength,
              message: maxLength === 200 ? t('vol.reasonTooLong') : t('common.maxChars', { n: maxLength }),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={maxLength}
            showCount
            autoFocus
            placeholder={placeholder ?? t('vol.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
