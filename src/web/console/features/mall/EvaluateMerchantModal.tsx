// 年度评议: renew or exit a filed merchant for a year. The answer carries the year's ratings, complaints and
// redemptions, and how many open vouchers were refunded when the merchant exits.
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Modal, Radio, Result } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { chinaNow } from '../../lib/chinaTime';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useEvaluateMerchant } from './queries';
import type { EvaluationResult, Merchant } from './types';

interface Values {
  year: Dayjs;
  decision: 'renew' | 'exit';
  note?: string;
}

export function EvaluateMerchantModal({ merchant, onClose }: { merchant: Merchant | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const evaluate = useEvaluateMerchant();
  const decision = Form.useWatch('decision', form);
  const [result, setResult] = useState<(EvaluationResult & { year: number; decision: 'renew' | 'exit' }) | null>(null);

  useEffect(() => {
    if (merchant) {
      form.resetFields();
      setResult(null);
    }
  }, [merchant, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const res = await evaluate.mutateAsync({
        id: merchant!.id,
        year: v.year.year(),
        decision: v.decision,
        note: v.note?.trim() || null,
      });
      setResult({ ...res, year: v.year.year(), decision: v.decision });
      message.success(
        v.decision === 'exit'
          ? t('mall.ev.exitedOk', { name: merchant!.name })
          : t('mall.ev.renewedOk', { name: merchant!.name }),
      );
    } catch (err) {
      if (!applyFieldErrors(form, err, ['note'])) message.error(errorMessage(err));
    }
  };

  const exit = decision === 'exit';
  return (
    <Modal
      open={merchant !== null}
      title={merchant ? t('mall.ev.title', { name: merchant.name }) : ''}
      onCancel={onClose}
      width={560}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('mall.ev.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger={exit}
              loading={evaluate.isPending}
              onClick={() => void onOk().catch(() => undefined)}
              data-testid="evaluate-ok"
            >
              {exit ? t('mall.ev.exitOk') : t('mall.ev.renewOk')}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <div data-testid="evaluate-result">
          <Result
            status={result.decision === 'exit' ? 'warning' : 'success'}
            title={
              result.decision === 'exit'
                ? t('mall.ev.resultExit', { year: result.year })
                : t('mall.ev.resultRenew', { year: result.year })
            }
            style={{ padding: '8px 0 16px' }}
          />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('mall.ev.rating')}>
              {result.ratingX10 == null
                ? t('mall.ev.noRatings')
                : t('mall.ev.ratingValue', { score: (result.ratingX10 / 10).toFixed(1), n: result.ratings })}
            </Descriptions.Item>
            <Descriptions.Item label={t('mall.ev.complaints')}>
              {t('mall.ev.times', { n: result.complaints })}
            </Descriptions.Item>
            <Descriptions.Item label={t('mall.ev.redemptions')}>
              {t('mall.ev.vouchersN', { n: result.redemptions })}
            </Descriptions.Item>
            <Descriptions.Item label={t('mall.ev.refunded')}>
              {result.decision === 'exit' ? t('mall.ev.vouchersN', { n: result.refunded }) : t('common.none')}
            </Descriptions.Item>
          </Descriptions>
        </div>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          name="evaluate-merchant"
          initialValues={{ year: chinaNow().startOf('year'), decision: 'renew' }}
        >
          <Form.Item
            name="year"
            label={t('mall.ev.year')}
            rules={[{ required: true, message: t('mall.ev.yearRequired') }]}
          >
            <DatePicker
              picker="year"
              allowClear={false}
              disabledDate={(d) => d.year() > chinaNow().year()}
              aria-label={t('mall.ev.year')}
            />
          </Form.Item>
          <Form.Item name="decision" label={t('mall.ev.decision')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'renew', label: t('mall.ev.renew') },
                { value: 'exit', label: t('mall.ev.exit') },
              ]}
              data-testid="evaluate-decision"
            />
          </Form.Item>
          {exit && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('mall.ev.exitWarnTitle')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  <li>{t('mall.ev.exitWarn1')}</li>
                  <li>{t('mall.ev.exitWarn2')}</li>
                  <li>{t('mall.ev.exitWarn3')}</li>
                </ul>
              }
              data-testid="exit-warning"
            />
          )}
          <Form.Item
            name="note"
            label={exit ? t('mall.ev.exitReason') : t('mall.ev.note')}
            dependencies={['decision']}
            rules={[
              { required: exit, whitespace: true, message: t('mall.ev.exitReasonRequired') },
              { max: 200, message: t('common.maxChars', { n: 200 }) },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={200}
              showCount
              placeholder={exit ? t('mall.ev.exitReasonPlaceholder') : t('mall.ev.notePlaceholder')}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
