// One need: who asked, what, where and when (place and phone are staff-only), its progress; triage (category,
// urgency, people, note → dispatch / link to a project / close with a reason), and the matching panel below.
import { App, Button, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Spin, Tag, Timeline } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { NeedDetail, TriageNeedBody, Urgency } from '../../../shared/api-types';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n';
import { formatChina, formatWindow } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { LoadError } from '../../layout/LoadError';
import { STATUS_COLOR, URGENCIES, URGENCY_COLOR } from './labels';
import { useNeed, useNeedCategories, useTriageNeed } from './queries';
import { reloadOnce } from '../../../shared/lazyPages';

// The matching helper's panel, in its own chunk so the board does not carry it.
const MatchingPanel = lazy(reloadOnce(() => import('./MatchingPanel').then((m) => ({ default: m.MatchingPanel }))));
const ResourceMatchPanel = lazy(
  reloadOnce(() => import('./ResourceMatchPanel').then((m) => ({ default: m.ResourceMatchPanel }))),
);

interface TriageValues {
  category: string;
  urgency: Urgency;
  peopleNeeded: number;
  note?: string;
}

function TriageForm({ need }: { need: NeedDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TriageValues>();
  const categories = useNeedCategories(need.districtId);
  const triage = useTriageNeed();
  const [closing, setClosing] = useState(false);
  const send = async (decision: TriageNeedBody['decision'], reason?: string) => {
    const v = form.getFieldsValue();
    try {
      await triage.mutateAsync({
        id: need.id,
        body: {
          decision,
          category: v.category,
          urgency: v.urgency,
          peopleNeeded: v.peopleNeeded,
          note: v.note?.trim() || null,
          reason: reason ?? null,
          version: need.version,
        },
      });
      message.success(
        t(
          decision === 'dispatch'
            ? 'needs.triage.done'
            : decision === 'link'
              ? 'needs.triage.linked'
              : 'needs.triage.closed',
        ),
      );
    } catch (err) {
      message.error(errorMessage(err));
      throw err;
    }
  };
  return (
    <section aria-label={t('needs.triage.title')} style={{ marginTop: 16 }}>
      <Form<TriageValues>
        form={form}
        layout="inline"
        initialValues={{
          category: need.category,
          urgency: need.urgency,
          peopleNeeded: need.peopleNeeded,
          note: need.triageNote ?? '',
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="category" label={t('needs.category')}>
          <Select
            style={{ width: 140 }}
            options={(categories.data?.categories ?? []).map((c) => ({ value: c.key, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('needs.urgency')}>
          <Select
            style={{ width: 100 }}
            options={URGENCIES.map((u) => ({ value: u, label: t(`needs.urgency.${u}`) }))}
          />
        </Form.Item>
        <Form.Item name="peopleNeeded" label={t('needs.people')}>
          <InputNumber min={1} max={50} precision={0} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="note" style={{ width: '100%' }}>
          <Input placeholder={t('needs.triage.note')} maxLength={500} aria-label={t('needs.triage.note')} />
        </Form.Item>
      </Form>
      <Space style={{ marginTop: 12 }} wrap>
        {need.status === 'submitted' && (
          <Button type="primary" loading={triage.isPending} onClick={() => void send('dispatch').catch(() => null)}>
            {t('needs.triage.dispatch')}
          </Button>
        )}
        <Button loading={triage.isPending} onClick={() => void send('link').catch(() => null)}>
          {t('needs.triage.link')}
        </Button>
        <Button danger onClick={() => setClosing(true)}>
          {t('needs.triage.close')}
        </Button>
      </Space>
      <ReasonModal
        open={closing}
        title={t('needs.triage.closeTitle')}
        label={t('needs.triage.closeReason')}
        okText={t('needs.triage.close')}
        onCancel={() => setClosing(false)}
        onSubmit={async (reason) => {
          await send('close', reason);
          setClosing(false);
        }}
      />
    </section>
  );
}

function NeedBody({ need }: { need: NeedDetail }) {
  const { t } = useI18n();
  const window =
    need.windowStart && need.windowEnd
      ? formatWindow(need.windowStart, need.windowEnd)
      : need.windowStart
        ? formatChina(need.windowStart)
        : t('needs.anytime');
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color={STATUS_COLOR[need.status]}>{t(`needs.status.${need.status}`)}</Tag>
        <Tag color={URGENCY_COLOR[need.urgency]}>{t(`needs.urgency.${need.urgency}`)}</Tag>
        <Tag>{need.categoryName}</Tag>
      </Space>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('needs.requester')}>{need.requesterName}</Descriptions.Item>
        <Descriptions.Item label={t('needs.phone')}>{need.requesterPhoneMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('needs.community')}>{need.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('needs.grid')}>{need.gridName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('needs.group')}>{t(`needs.group.${need.beneficiaryGroup}`)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.people')}>{need.peopleNeeded}</Descriptions.Item>
        <Descriptions.Item label={t('needs.place')} span={2}>
          {need.place ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.window')}>{window}</Descriptions.Item>
        <Descriptions.Item label={t('needs.privacy')}>{t(`needs.privacy.${need.privacy}`)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.createdAt')}>{formatChina(need.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.recordedBy')}>
          {need.recordedByUserId ? t('needs.recordedByYes') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.description')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{need.description}</span>
        </Descriptions.Item>
        {need.triageNote && (
          <Descriptions.Item label={t('needs.triageNote')} span={2}>
            {need.triageNote}
          </Descriptions.Item>
        )}
        {need.statusReason && (
          <Descriptions.Item label={t('needs.statusReason')} span={2}>
            {need.statusReason}
          </Descriptions.Item>
        )}
        {need.rating !== null && (
          <Descriptions.Item label={t('needs.rating')} span={2}>
            {'★'.repeat(need.rating)} {need.ratingComment}
          </Descriptions.Item>
        )}
      </Descriptions>

      {need.canManage && (need.status === 'submitted' || need.status === 'triaged') && <TriageForm need={need} />}

      <Suspense fallback={null}>
        <MatchingPanel needId={need.id} need={need} />
      </Suspense>
      <Suspense fallback={null}>
        <ResourceMatchPanel need={need} />
      </Suspense>

      <h3 style={{ marginTop: 24 }}>{t('needs.timeline')}</h3>
      <Timeline
        items={need.timeline.map((s) => ({
          key: `${s.to}-${s.at}`,
          color: STATUS_COLOR[s.to] === 'default' ? 'gray' : 'blue',
          children: (
            <>
              {t(`needs.status.${s.to}`)} · {formatChina(s.at)}
              {s.reason && <div style={{ color: '#888' }}>{s.reason}</div>}
            </>
          ),
        }))}
      />
    </>
  );
}

export function NeedDrawer({ needId, onClose }: { needId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const q = useNeed(needId);
  return (
    <Drawer
      open={needId !== null}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={q.data ? q.data.title : t('needs.drawerTitle')}
    >
      {q.isPending ? (
        <Spin />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <NeedBody need={q.data} />
      )}
    </Drawer>
  );
}
