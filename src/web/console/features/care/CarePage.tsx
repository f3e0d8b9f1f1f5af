// 关爱台账 (/care): the people in care within the actor's scope, most urgent first (red overdue or an emergency,
// yellow due within 48 h, blue on schedule); registering a person; a drawer with the record (the read is logged),
// the tier, visitors and visit history.
import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { CareAlert, CareCategory, CareSubjectSummary, CareTier } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { LoadError } from '../../layout/LoadError';
import { useOrgNodes } from '../org/queries';
import {
  useAssignCareVisitor,
  useCareSubject,
  useCareSubjects,
  useCreateCareSubject,
  useUpdateCareTier,
} from './queries';

const ALERT_COLOR: Record<CareAlert, string> = { red: 'red', yellow: 'gold', blue: 'blue' };
const TIERS: CareTier[] = ['key', 'important', 'general'];
const CATEGORIES: CareCategory[] = [
  'living_alone',
  'empty_nest',
  'disabled',
  'incapacitated',
  'serious_illness',
  'child',
];
const PHONE = /^1[3-9]\d{9}$/;

function day(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function CarePage() {
  const { t } = useI18n();
  const [alert, setAlert] = useState<CareAlert | 'all'>('all');
  const [open, setOpen] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const list = useCareSubjects(alert === 'all' ? undefined : alert);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('care.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setRegistering(true)}>
          {t('care.register')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('care.intro')}</Typography.Paragraph>
      <Segmented<CareAlert | 'all'>
        value={alert}
        onChange={setAlert}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'all', label: t('care.filter.all') },
          { value: 'red', label: t('care.alert.red') },
          { value: 'yellow', label: t('care.alert.yellow') },
          { value: 'blue', label: t('care.alert.blue') },
        ]}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CareSubjectSummary>
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('care.col.name'), dataIndex: 'name' },
            {
              title: t('care.col.alert'),
              render: (_, r) => (
                <Tag color={ALERT_COLOR[r.alert]} data-alert={r.alert}>
                  {r.emergency
                    ? t('care.emergency')
                    : r.daysOverdue > 0
                      ? t('care.overdue', { days: r.daysOverdue })
                      : t(`care.alert.${r.alert}`)}
                </Tag>
              ),
            },
            { title: t('care.col.tier'), render: (_, r) => t(`care.tier.${r.tier}`) },
            {
              title: t('care.col.categories'),
              render: (_, r) => r.categories.map((c) => <Tag key={c}>{t(`care.cat.${c}`)}</Tag>),
            },
            { title: t('care.col.next'), render: (_, r) => day(r.nextVisitAt) },
            { title: t('care.col.last'), render: (_, r) => day(r.lastVisitAt) || t('care.never') },
            { title: t('care.col.visitors'), render: (_, r) => r.visitorNames.join('、') },
            { title: t('care.col.community'), dataIndex: 'communityName' },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          …
        </Button>
      )}
      <RegisterModal
        open={registering}
        onClose={(id) => {
          setRegistering(false);
          if (id) setOpen(id);
        }}
      />
      <SubjectDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}

interface RegisterValues {
  nodeId: string;
  name: string;
  phone?: string;
  idNumber?: string;
  address?: string;
  categories: CareCategory[];
  tier: CareTier;
  intervalDays?: number;
  note?: string;
}

function RegisterModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const nodes = useOrgNodes();
  const create = useCreateCareSubject();
  const places = (nodes.data ?? []).filter((n) => n.kind === 'community' || n.kind === 'grid');
  const required = [{ required: true, message: t('care.required') }];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const s = await create.mutateAsync({
        nodeId: v.nodeId,
        name: v.name.trim(),
        phone: v.phone?.trim() || undefined,
        idNumber: v.idNumber?.trim() || undefined,
        address: v.address?.trim() || undefined,
        categories: v.categories,
        tier: v.tier,
        intervalDays: v.intervalDays ?? undefined,
        note: v.note?.trim() || undefined,
      });
      message.success(t('care.created'));
      form.resetFields();
      onClose(s.id);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t('care.register')}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ tier: 'key', categories: [] }}>
        <Form.Item name="nodeId" label={t('care.field.node')} rules={required}>
          <Select showSearch optionFilterProp="label" options={places.map((n) => ({ value: n.id, label: n.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('care.field.name')} rules={[{ ...required[0], whitespace: true }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('care.field.phone')}
          rules={[
            {
              validator: (_: unknown, v?: string) =>
                !v || PHONE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('care.phoneFormat'))),
            },
          ]}
        >
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('care.field.idNumber')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="address" label={t('care.field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="categories" label={t('care.field.categories')} rules={required}>
          <Select mode="multiple" options={CATEGORIES.map((c) => ({ value: c, label: t(`care.cat.${c}`) }))} />
        </Form.Item>
        <Form.Item name="tier" label={t('care.field.tier')} rules={required}>
          <Select options={TIERS.map((c) => ({ value: c, label: t(`care.tier.${c}`) }))} />
        </Form.Item>
        <Form.Item name="intervalDays" label={t('care.field.interval')}>
          <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('care.field.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SubjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const subject = useCareSubject(id);
  const tier = useUpdateCareTier(id ?? '');
  const assign = useAssignCareVisitor(id ?? '');
  const [newTier, setNewTier] = useState<CareTier | null>(null);
  const [phone, setPhone] = useState('');
  const s = subject.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title={s?.fullName ?? t('care.drawer.title')} width={560}>
      {subject.isError && <LoadError error={subject.error} onRetry={() => void subject.refetch()} />}
      {s && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('care.col.alert')}>
              <Tag color={ALERT_COLOR[s.alert]}>
                {s.emergency
                  ? t('care.emergency')
                  : s.daysOverdue > 0
                    ? t('care.overdue', { days: s.daysOverdue })
                    : t(`care.alert.${s.alert}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('care.col.tier')}>{t(`care.tier.${s.tier}`)}</Descriptions.Item>
            <Descriptions.Item label={t('care.col.next')}>{day(s.nextVisitAt)}</Descriptions.Item>
            <Descriptions.Item label={t('care.col.last')}>{day(s.lastVisitAt) || t('care.never')}</Descriptions.Item>
            <Descriptions.Item label={t('care.drawer.phone')}>{s.phone ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('care.drawer.address')}>{s.address ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('care.drawer.idNumber')}>{s.idNumberMasked ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('care.col.visitors')}>
              {s.visitors.map((v) => (
                <Tag key={v.userId}>
                  {v.name} · {t(`care.visitor.${v.kind}`)}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          {s.canManage && (
            <Space wrap>
              <Select<CareTier>
                style={{ width: 200 }}
                value={newTier ?? s.tier}
                onChange={setNewTier}
                aria-label={t('care.drawer.setTier')}
                options={TIERS.map((c) => ({ value: c, label: t(`care.tier.${c}`) }))}
              />
              <Button
                loading={tier.isPending}
                disabled={!newTier || newTier === s.tier}
                onClick={() => {
                  if (!newTier) return;
                  tier.mutate(
                    { tier: newTier },
                    {
                      onSuccess: () => void message.success(t('care.drawer.tierSaved')),
                      onError: (err) => void message.error(errorMessage(err)),
                    },
                  );
                }}
              >
                {t('care.drawer.saveTier')}
              </Button>
            </Space>
          )}
          {s.canManage && (
            <div>
              <Typography.Text>{t('care.drawer.assign')}</Typography.Text>
              <Space.Compact style={{ width: '100%', marginTop: 6 }}>
                <Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={11} inputMode="numeric" />
                <Button
                  type="primary"
                  loading={assign.isPending}
                  disabled={!PHONE.test(phone.trim())}
                  onClick={() =>
                    assign.mutate(
                      { phone: phone.trim() },
                      {
                        onSuccess: () => {
                          setPhone('');
                          void message.success(t('care.drawer.assigned'));
                        },
                        onError: (err) => void message.error(errorMessage(err)),
                      },
                    )
                  }
                >
                  {t('care.drawer.assignButton')}
                </Button>
              </Space.Compact>
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('care.drawer.visits')}</Typography.Title>
            <List
              size="small"
              locale={{ emptyText: t('care.drawer.noVisits') }}
              dataSource={s.visits}
              renderItem={(v) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${day(v.visitedAt)} · ${v.visitorName} · ${t(`care.visit.${v.outcome}`)}${v.emergency ? ` · ${t('care.emergency')}` : ''}`}
                    description={v.findings}
                  />
                </List.Item>
              )}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
