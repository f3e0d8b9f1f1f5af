// 街道备案: agree the cash value of one point (typed in yuan, sent as integer fen) and the fund that pays it;
// filing makes the merchant active and its applicant the shop's staff account.
import { Alert, App, Descriptions, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { formatYuan, yuanToFen } from '../points/types';
import { useFileMerchant } from './queries';
import type { Merchant } from './types';

interface Values {
  yuanPerPoint?: number;
  fundName?: string;
}

/** Most fen per point the server accepts (¥100). */
const MAX_FEN = 10_000;

export function FileMerchantModal({ merchant, onClose }: { merchant: Merchant | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const file = useFileMerchant();
  const yuan = Form.useWatch('yuanPerPoint', form);
  const fen = yuan == null ? null : yuanToFen(yuan);

  useEffect(() => {
    if (merchant) form.resetFields();
  }, [merchant, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    const fenPerPoint = yuanToFen(v.yuanPerPoint ?? 0);
    try {
      const m = await file.mutateAsync({ id: merchant!.id, fenPerPoint, fundName: v.fundName?.trim() || null });
      message.success(t('mall.m.filedOk', { name: m.name }));
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, ['fundName'])) message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={merchant !== null}
      title={merchant ? t('mall.m.fileTitle', { name: merchant.name }) : ''}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('mall.m.fileOk')}
      cancelText={t('common.cancel')}
      confirmLoading={file.isPending}
      width={560}
      destroyOnHidden
    >
      {merchant && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('mall.m.community')}>{merchant.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('mall.m.licence')}>
            <span style={{ fontFamily: 'monospace' }}>{merchant.licenceNo}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('mall.m.offer')}>{merchant.offerSummary}</Descriptions.Item>
        </Descriptions>
      )}
      <Form<Values> form={form} layout="vertical" name="file-merchant">
        <Form.Item
          name="yuanPerPoint"
          label={t('mall.m.yuanPerPoint')}
          rules={[{ required: true, message: t('mall.m.yuanPerPointRequired') }]}
          extra={
            fen == null
              ? t('mall.m.yuanPerPointHelp')
              : fen === 0
                ? t('mall.m.donated')
                : t('mall.m.yuanPerPointExample', { fen, points: 20, yuan: formatYuan(fen * 20) })
          }
        >
          <InputNumber<number>
            min={0}
            max={MAX_FEN / 100}
            precision={2}
            step={0.01}
            prefix="¥"
            suffix={t('mall.yuanPerPointUnit')}
            style={{ width: 240 }}
            aria-label={t('mall.m.yuanPerPoint')}
            data-testid="file-yuan"
          />
        </Form.Item>
        <Form.Item
          name="fundName"
          label={t('mall.m.fund')}
          required={fen != null && fen > 0}
          dependencies={['yuanPerPoint']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                (getFieldValue('yuanPerPoint') ?? 0) > 0 && !value?.trim()
                  ? Promise.reject(new Error(t('mall.m.fundRequired')))
                  : Promise.resolve(),
            }),
            { max: 40, message: t('common.maxChars', { n: 40 }) },
          ]}
          extra={t('mall.m.fundHelp')}
        >
          <Input maxLength={40} placeholder={t('mall.m.fundPlaceholder')} data-testid="file-fund" />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('mall.m.fileNote')} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {t('mall.m.fileAudit')}
      </Typography.Paragraph>
    </Modal>
  );
}
