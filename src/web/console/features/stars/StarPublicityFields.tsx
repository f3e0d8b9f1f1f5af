// The star publicity part of the district's volunteering settings: the period in working days, the block after a
// falsified-hours finding, and the district's calendar (holidays skipped, 调休 make-up working days counted).
import { Col, Form, InputNumber, Row, Select } from 'antd';
import { useI18n } from '../../i18n';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function StarPublicityFields() {
  const { t } = useI18n();
  const dateRules = [
    {
      validator: (_: unknown, list?: string[]) =>
        (list ?? []).every((d) => DATE.test(d.trim()))
          ? Promise.resolve()
          : Promise.reject(new Error(t('starc.set.dateInvalid'))),
    },
  ];
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="starPublicityWorkingDays" label={t('starc.set.days')} extra={t('starc.set.daysHelp')}>
            <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} suffix={t('starc.set.unitDays')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="starBlockMonths" label={t('starc.set.block')} extra={t('starc.set.blockHelp')}>
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} suffix={t('starc.set.unitMonths')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="nonWorkingDates" label={t('starc.set.holidays')} rules={dateRules}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder={t('starc.set.datePh')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="makeUpWorkingDates" label={t('starc.set.makeUp')} rules={dateRules}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder={t('starc.set.datePh')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
