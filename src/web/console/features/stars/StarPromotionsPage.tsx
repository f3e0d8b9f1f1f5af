// 星级公示: promotions in publicity and objections to decide, within the staff member's scope (volunteer.review).
// Upholding keeps the level (effective once the period is over); rejecting needs a finding and a note — falsified
// hours block promotion for the district's configured months.
import { App, Button, Card, Form, Input, Modal, Radio, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { StaffStarPromotion, StarFinding, StarStatus } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useDecideStarPromotion, useStarPromotions } from './queries';

const TABS: Array<{ key: string; status: StarStatus | undefined }> = [
  { key: 'live', status: undefined },
  { key: 'objected', status: 'objected' },
  { key: 'effective', status: 'effective' },
  { key: 'rejected', status: 'rejected' },
];

function DecideModal({ p, onClose }: { p: StaffStarPromotion | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const decide = useDecideStarPromotion();
  const [form] = Form.useForm<{ decision: 'uphold' | 'reject'; finding?: StarFinding; note?: string }>();
  const decision = Form.useWatch('decision', form);
  return (
    <Modal
      open={!!p}
      title={p ? t('starc.decideTitle', { name: p.nameMasked, level: p.level }) : ''}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      okText={t('starc.decide')}
    >
      {p && (
        <>
          <Typography.Paragraph type="secondary">{t('starc.objections')}</Typography.Paragraph>
          <ul>
            {p.objections.map((o) => (
              <li key={o.id}>
                {o.reason} <Typography.Text type="secondary">{o.createdAt.slice(0, 10)}</Typography.Text>
              </li>
            ))}
          </ul>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ decision: 'uphold' }}
            onFinish={(v) =>
              decide.mutate(
                { id: p.id, body: { decision: v.decision, finding: v.finding ?? null, note: v.note ?? null } },
                {
                  onSuccess: () => {
                    void message.success(t('starc.decided'));
                    onClose();
                  },
                  onError: (err) => void message.error(errorMessage(err)),
                },
              )
            }
          >
            <Form.Item name="decision" label={t('starc.decision')}>
              <Radio.Group>
                <Radio value="uphold">{t('starc.uphold')}</Radio>
                <Radio value="reject">{t('starc.reject')}</Radio>
              </Radio.Group>
            </Form.Item>
            {decision === 'reject' && (
              <Form.Item name="finding" label={t('starc.finding')} rules={[{ required: true }]}>
                <Radio.Group>
                  <Radio value="falsified">{t('starc.finding.falsified')}</Radio>
                  <Radio value="not_met">{t('starc.finding.not_met')}</Radio>
                  <Radio value="other">{t('starc.finding.other')}</Radio>
                </Radio.Group>
              </Form.Item>
            )}
            <Form.Item name="note" label={t('starc.note')} rules={[{ required: decision === 'reject' }]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

function PromotionTable({ status }: { status: StarStatus | undefined }) {
  const { t } = useI18n();
  const q = useStarPromotions(status);
  const [deciding, setDeciding] = useState<StaffStarPromotion | null>(null);
  return (
    <>
      <Table<StaffStarPromotion>
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('starc.name'), dataIndex: 'nameMasked' },
          { title: t('starc.level'), dataIndex: 'level', render: (l: number) => '★'.repeat(l) },
          { title: t('starc.community'), dataIndex: 'communityName' },
          { title: t('starc.team'), dataIndex: 'teamName' },
          { title: t('starc.hours'), dataIndex: 'acceptedMinutes', render: (m: number) => Math.floor(m / 60) },
          {
            title: t('starc.period'),
            render: (_, p) => `${p.publicityFrom} – ${p.publicityUntil}`,
          },
          {
            title: t('starc.status'),
            dataIndex: 'status',
            render: (s: StarStatus, p) => (
              <>
                <Tag color={s === 'objected' ? 'orange' : s === 'rejected' ? 'red' : 'blue'}>
                  {t(`starc.status.${s}`)}
                </Tag>
                {p.blockedUntil && (
                  <Tag color="red">{t('starc.blockedUntil', { until: p.blockedUntil.slice(0, 10) })}</Tag>
                )}
              </>
            ),
          },
          {
            title: '',
            render: (_, p) =>
              p.status === 'objected' ? (
                <Button size="small" type="primary" onClick={() => setDeciding(p)}>
                  {t('starc.decide')}
                </Button>
              ) : null,
          },
        ]}
      />
      <DecideModal p={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}

export function StarPromotionsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('live');
  return (
    <Card title={t('starc.title')}>
      <Typography.Paragraph type="secondary">{t('starc.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={TABS.map((x) => ({
          key: x.key,
          label: t(`starc.tab.${x.key}` as 'starc.tab.live'),
          children: tab === x.key ? <PromotionTable status={x.status} /> : null,
        }))}
      />
    </Card>
  );
}
