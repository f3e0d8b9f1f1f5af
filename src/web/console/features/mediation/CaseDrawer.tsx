// One mediation case in the console: who the parties are (names and phones masked), the mediators (the lead assigns
// them), one private thread per party (a mediator replies to the party whose tab is open), the session records, and
// closing with an outcome. Every opening of this drawer is a logged read on the server.
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MediationCase, MediationOutcome } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { LoadError } from '../../layout/LoadError';
import { STATUS_COLOR, statusKey, typeKey } from './labels';
import {
  useAssignMediators,
  useCandidates,
  useCloseCase,
  useMediationCase,
  useRecordSession,
  useReply,
  useThreads,
} from './queries';

function Assign({ c }: { c: MediationCase }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const candidates = useCandidates(c.id, c.canAssign);
  const assign = useAssignMediators();
  const [picked, setPicked] = useState<string[] | null>(null);
  const value = picked ?? c.mediators.map((m) => m.userId);
  const submit = async () => {
    try {
      await assign.mutateAsync({ id: c.id, body: { mediatorIds: value } });
      message.success(t('med.assign.done'));
      setPicked(null);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <section aria-label={t('med.assign.title')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('med.assign.title')}</Typography.Title>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          mode="multiple"
          style={{ flex: 1 }}
          placeholder={t('med.assign.placeholder')}
          loading={candidates.isPending}
          value={value}
          onChange={setPicked}
          options={(candidates.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))}
        />
        <Button type="primary" loading={assign.isPending} disabled={value.length === 0} onClick={() => void submit()}>
          {t('med.assign.submit')}
        </Button>
      </Space.Compact>
    </section>
  );
}

function Threads({ c }: { c: MediationCase }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const threads = useThreads(c.id);
  const reply = useReply();
  const [text, setText] = useState<Record<string, string>>({});
  const send = async (partyId: string) => {
    const body = (text[partyId] ?? '').trim();
    if (!body) return;
    try {
      await reply.mutateAsync({ id: c.id, body: { partyId, body } });
      setText((x) => ({ ...x, [partyId]: '' }));
      message.success(t('med.thread.sent'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  if (threads.isError) return <LoadError error={threads.error} onRetry={() => threads.refetch()} />;
  return (
    <section aria-label={t('med.thread.title')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('med.thread.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('med.thread.hint')}</Typography.Paragraph>
      <Tabs
        items={c.parties.map((p) => {
          const messages = (threads.data?.items ?? []).filter((m) => m.partyId === p.id);
          return {
            key: p.id,
            label: `${p.name}（${t(p.side === 'applicant' ? 'med.side.applicant' : 'med.side.respondent')}）`,
            children: (
              <>
                {threads.isPending ? (
                  <Spin />
                ) : messages.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('med.thread.empty')} />
                ) : (
                  <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {messages.map((m) => (
                      <li
                        key={m.id}
                        style={{
                          margin: '6px 0',
                          padding: '8px 12px',
                          borderRadius: 8,
                          background: m.authorRole === 'mediator' ? '#e6f4ff' : '#f5f5f5',
                          marginLeft: m.authorRole === 'mediator' ? 48 : 0,
                          marginRight: m.authorRole === 'mediator' ? 0 : 48,
                        }}
                      >
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {m.authorRole === 'mediator'
                            ? t('med.thread.mediator', { name: m.authorName })
                            : m.authorName}{' '}
                          · {formatChina(m.createdAt)}
                        </Typography.Text>
                        <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
                      </li>
                    ))}
                  </ul>
                )}
                {c.isMediator && c.canPost && (
                  <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                    <Input.TextArea
                      aria-label={t('med.thread.placeholder')}
                      placeholder={t('med.thread.placeholder')}
                      autoSize={{ minRows: 2, maxRows: 6 }}
                      maxLength={2000}
                      value={text[p.id] ?? ''}
                      onChange={(e) => setText((x) => ({ ...x, [p.id]: e.target.value }))}
                    />
                    <Button type="primary" loading={reply.isPending} onClick={() => void send(p.id)}>
                      {t('med.thread.send')}
                    </Button>
                  </Space.Compact>
                )}
              </>
            ),
          };
        })}
      />
    </section>
  );
}

interface SessionValues {
  heldAt: Dayjs;
  mode: 'online' | 'offline';
  place: string;
  attendees: string;
  notes: string;
}

function Sessions({ c }: { c: MediationCase }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const record = useRecordSession();
  const [form] = Form.useForm<SessionValues>();
  const [adding, setAdding] = useState(false);
  const submit = async (v: SessionValues) => {
    try {
      await record.mutateAsync({
        id: c.id,
        body: {
          heldAt: v.heldAt.toISOString(),
          mode: v.mode,
          place: v.place,
          attendees: v.attendees,
          notes: v.notes,
        },
      });
      message.success(t('med.session.saved'));
      form.resetFields();
      setAdding(false);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const required = [{ required: true, whitespace: true, message: t('med.required') }];
  return (
    <section aria-label={t('med.session.title')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('med.session.title')}</Typography.Title>
      {c.sessions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('med.session.empty')}</Typography.Paragraph>
      ) : (
        <Timeline
          items={c.sessions.map((s) => ({
            key: s.id,
            children: (
              <>
                <Typography.Text strong>
                  {formatChina(s.heldAt)} · {t(s.mode === 'online' ? 'med.session.online' : 'med.session.offline')} ·{' '}
                  {s.place}
                </Typography.Text>
                <div>{s.attendees}</div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('med.session.by', { name: s.recordedByName })}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
      {c.canRecordSession &&
        (adding ? (
          <Form<SessionValues>
            form={form}
            layout="vertical"
            initialValues={{ mode: 'offline' }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="heldAt"
              label={t('med.session.heldAt')}
              rules={[{ required: true, message: t('med.required') }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item name="mode" label={t('med.session.mode')}>
              <Radio.Group
                options={[
                  { value: 'offline', label: t('med.session.offline') },
                  { value: 'online', label: t('med.session.online') },
                ]}
              />
            </Form.Item>
            <Form.Item name="place" label={t('med.session.place')} rules={required}>
              <Input placeholder={t('med.session.placePh')} maxLength={100} />
            </Form.Item>
            <Form.Item name="attendees" label={t('med.session.attendees')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="notes" label={t('med.session.notes')} rules={required}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={record.isPending}>
                {t('med.session.add')}
              </Button>
              <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        ) : (
          <Button onClick={() => setAdding(true)}>{t('med.session.add')}</Button>
        ))}
    </section>
  );
}

interface CloseValues {
  outcome: MediationOutcome;
  terms?: string;
  referredTo?: string;
  note?: string;
}

function Close({ c }: { c: MediationCase }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const close = useCloseCase();
  const [form] = Form.useForm<CloseValues>();
  const outcome = Form.useWatch('outcome', form);
  const submit = (v: CloseValues) =>
    modal.confirm({
      content: t('med.close.confirm'),
      onOk: async () => {
        try {
          await close.mutateAsync({
            id: c.id,
            body: {
              outcome: v.outcome,
              terms: v.outcome === 'agreement' ? v.terms : undefined,
              referredTo: v.outcome === 'referred' ? v.referredTo : undefined,
              note: v.note || undefined,
            },
          });
          message.success(t('med.close.done'));
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  return (
    <section aria-label={t('med.close.title')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('med.close.title')}</Typography.Title>
      <Form<CloseValues> form={form} layout="vertical" initialValues={{ outcome: 'agreement' }} onFinish={submit}>
        <Form.Item name="outcome" label={t('med.close.outcome')}>
          <Radio.Group
            options={(['agreement', 'referred', 'failed'] as const).map((o) => ({ value: o, label: t(statusKey(o)) }))}
          />
        </Form.Item>
        {outcome === 'agreement' && (
          <Form.Item
            name="terms"
            label={t('med.close.terms')}
            rules={[{ required: true, whitespace: true, message: t('med.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount />
          </Form.Item>
        )}
        {outcome === 'referred' && (
          <Form.Item
            name="referredTo"
            label={t('med.close.referredTo')}
            rules={[{ required: true, whitespace: true, message: t('med.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('med.close.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Button danger htmlType="submit" loading={close.isPending}>
          {t('med.close.submit')}
        </Button>
      </Form>
    </section>
  );
}

export function CaseDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const query = useMediationCase(id);
  const c = query.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={720} title={t('med.drawer.title')} destroyOnHidden>
      {query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : !c ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('med.col.type')}>{t(typeKey(c.type))}</Descriptions.Item>
            <Descriptions.Item label={t('med.col.status')}>
              <Tag color={STATUS_COLOR[c.status]}>{t(statusKey(c.status))}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('med.col.community')}>{c.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('med.col.createdAt')}>{formatChina(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('med.field.parties')} span={2}>
              <Space orientation="vertical" size={2}>
                {c.parties.map((p) => (
                  <span key={p.id}>
                    {p.name}（{t(p.side === 'applicant' ? 'med.side.applicant' : 'med.side.respondent')}）{' '}
                    {p.phoneMasked ?? ''} {p.hasAccount === false && <Tag>{t('med.party.noAccount')}</Tag>}
                  </span>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('med.field.mediators')} span={2}>
              {c.mediators.length > 0 ? c.mediators.map((m) => m.name).join('、') : t('med.field.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('med.field.description')} span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.description}</div>
            </Descriptions.Item>
            {c.outcome && (
              <Descriptions.Item label={t('med.outcome.title')} span={2}>
                <Tag color={STATUS_COLOR[c.status]}>{t(statusKey(c.status))}</Tag>
                {c.outcome.terms && <div style={{ whiteSpace: 'pre-wrap' }}>{c.outcome.terms}</div>}
                {c.outcome.referredTo && <div>{c.outcome.referredTo}</div>}
                {c.outcome.note && <Typography.Text type="secondary">{c.outcome.note}</Typography.Text>}
              </Descriptions.Item>
            )}
          </Descriptions>
          {c.canAssign && <Assign c={c} />}
          <Threads c={c} />
          <Sessions c={c} />
          {c.canClose && <Close c={c} />}
        </>
      )}
    </Drawer>
  );
}
