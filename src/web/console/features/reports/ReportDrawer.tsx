// One report: what, where (staff see the address and coordinates), who reported it (unless anonymous), its level
// and deadline (red when past it; 已升级 · 网格超时 when it broke a lower level's limit), photos, and the steps the
// actor may take now: 受理, 派给网格员 (a picker of staff holding report.manage over it), 开始处理, 处理完成 (note +
// photos), 不予受理 (reason), 合并 (pick the original), 办结; flagged ones get 恢复公开 / 保持隐藏, and once decided the
// drawer says what was decided (the decision can still be changed). Below, the timeline with who, when, notes, photos.
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Image,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import type { ReportDetail, ReportPhoto } from '../../../shared/api-types';
import type { Role } from '../../../shared/types';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { LoadError } from '../../layout/LoadError';
import {
  ACTOR_LABEL,
  ESCALATED_COLOR,
  isOpen,
  LEVEL_COLOR,
  LEVEL_LABEL,
  STATUS_COLOR,
  STATUS_LABEL,
  STEP_LABEL,
} from './labels';
import { PhotoUpload, photoIdsOf } from './PhotoUpload';
import { type StepAction, useMergeCandidates, useReport, useReportAssignees, useReportStep } from './queries';

function Photos({ photos }: { photos: ReportPhoto[] }) {
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8}>
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.thumbUrl}
            preview={{ src: p.url }}
            width={96}
            height={96}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            alt=""
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

function useStep(report: ReportDetail) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useReportStep();
  const run = async (action: StepAction, body: Record<string, unknown> = {}) => {
    try {
      await step.mutateAsync({
        id: report.id,
        action,
        body: action === 'moderate' ? body : { version: report.version, ...body },
      });
      message.success(t(action === 'moderate' ? 'rpt.done.moderate' : `rpt.done.${action}`));
    } catch (err) {
      message.error(errorMessage(err));
      throw err;
    }
  };
  return { run, busy: step.isPending };
}

function AssignControl({
  report,
  run,
  busy,
}: {
  report: ReportDetail;
  run: ReturnType<typeof useStep>['run'];
  busy: boolean;
}) {
  const { t } = useI18n();
  const assignees = useReportAssignees(report.id, true);
  const [who, setWho] = useState<string | undefined>(report.assigneeUserId ?? undefined);
  return (
    <Space wrap>
      <Select<string>
        aria-label={t('rpt.assignTo')}
        placeholder={t('rpt.assignTo')}
        style={{ width: 260 }}
        loading={assignees.isPending}
        value={who}
        onChange={setWho}
        showSearch={{ optionFilterProp: 'label' }}
        options={(assignees.data?.items ?? []).map((a) => ({
          value: a.userId,
          label: `${a.name}（${t(`role.${a.role as Role}`)} · ${a.nodeName}）`,
        }))}
      />
      <Button
        type={report.status === 'accepted' ? 'primary' : 'default'}
        disabled={!who}
        loading={busy}
        onClick={() => void run('assign', { assigneeUserId: who }).catch(() => null)}
      >
        {report.status === 'assigned' ? t('rpt.act.reassign') : t('rpt.act.assign')}
      </Button>
    </Space>
  );
}

function ResolveModal({
  districtId,
  open,
  onClose,
  run,
}: {
  districtId: string;
  open: boolean;
  onClose: () => void;
  run: ReturnType<typeof useStep>['run'];
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const uploading = files.some((f) => f.status === 'uploading');
  const onOk = async () => {
    const { note } = await form.validateFields();
    setBusy(true);
    try {
      await run('resolve', { note: note.trim(), photoIds: photoIdsOf(files) });
      setFiles([]);
      onClose();
    } catch {
      // shown by run
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('rpt.resolveTitle')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('rpt.act.resolve')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: uploading }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="resolve">
        <Form.Item
          name="note"
          label={t('rpt.resolveNote')}
          rules={[{ required: true, whitespace: true, message: t('rpt.resolveNoteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('rpt.resolveNotePh')} />
        </Form.Item>
        <Form.Item label={t('rpt.resolvePhotos')}>
          <PhotoUpload districtId={districtId} files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MergeModal({
  report,
  open,
  onClose,
  run,
}: {
  report: ReportDetail;
  open: boolean;
  onClose: () => void;
  run: ReturnType<typeof useStep>['run'];
}) {
  const { t } = useI18n();
  const candidates = useMergeCandidates(report.category, open);
  const [into, setInto] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const options = (candidates.data?.items ?? [])
    .filter((r) => r.id !== report.id && (isOpen(r.status) || r.status === 'resolved'))
    .map((r) => ({
      value: r.id,
      label: `${formatChina(r.createdAt, 'MM-DD HH:mm')} · ${[r.communityName, r.gridName].filter(Boolean).join(' · ')} · ${r.description.slice(0, 40)}`,
    }));
  return (
    <Modal
      open={open}
      title={t('rpt.mergeTitle')}
      onCancel={onClose}
      okText={t('rpt.act.merge')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !into, loading: busy }}
      destroyOnHidden
      onOk={() => {
        setBusy(true);
        void run('merge', { intoReportId: into, note: note.trim() || null })
          .then(onClose, () => null)
          .finally(() => setBusy(false));
      }}
    >
      <Typography.Paragraph type="secondary">{t('rpt.mergeIntro')}</Typography.Paragraph>
      <Select<string>
        aria-label={t('rpt.mergeInto')}
        placeholder={t('rpt.mergeInto')}
        style={{ width: '100%' }}
        loading={candidates.isPending}
        value={into}
        onChange={setInto}
        showSearch={{ optionFilterProp: 'label' }}
        options={options}
        notFoundContent={t('rpt.mergeNone')}
      />
      <Input.TextArea
        style={{ marginTop: 12 }}
        rows={2}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('rpt.notePh')}
        aria-label={t('rpt.notePh')}
      />
    </Modal>
  );
}

function Actions({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const { run, busy } = useStep(report);
  const [rejecting, setRejecting] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [merging, setMerging] = useState(false);
  const can = (a: ReportDetail['actions'][number]) => report.actions.includes(a);
  const flagged = report.canModerate && (report.hidden || report.flagCount > 0);
  if (report.actions.length === 0 && !flagged) return null;
  return (
    <section aria-label={t('rpt.actions')} style={{ margin: '16px 0' }}>
      {flagged && (
        <Alert
          type={report.moderation ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-moderation"
          title={
            report.moderation
              ? t(`rpt.moderated.${report.moderation}`, { n: report.flagCount })
              : t('rpt.flaggedNote', { n: report.flagCount })
          }
          action={
            <Space>
              {report.moderation !== 'show' && (
                <Button
                  size="small"
                  loading={busy}
                  onClick={() => void run('moderate', { decision: 'show' }).catch(() => null)}
                >
                  {t('rpt.act.show')}
                </Button>
              )}
              {report.moderation !== 'hide' && (
                <Button
                  size="small"
                  danger
                  loading={busy}
                  onClick={() => void run('moderate', { decision: 'hide' }).catch(() => null)}
                >
                  {t('rpt.act.hide')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      <Space wrap>
        {can('accept') && (
          <Button type="primary" loading={busy} onClick={() => void run('accept').catch(() => null)}>
            {t('rpt.act.accept')}
          </Button>
        )}
        {can('start') && (
          <Button type="primary" loading={busy} onClick={() => void run('start').catch(() => null)}>
            {t('rpt.act.start')}
          </Button>
        )}
        {can('resolve') && (
          <Button type="primary" onClick={() => setResolving(true)}>
            {t('rpt.act.resolve')}
          </Button>
        )}
        {can('close') && (
          <Button loading={busy} onClick={() => void run('close').catch(() => null)}>
            {t('rpt.act.close')}
          </Button>
        )}
        {can('merge') && <Button onClick={() => setMerging(true)}>{t('rpt.act.merge')}</Button>}
        {can('reject') && (
          <Button danger onClick={() => setRejecting(true)}>
            {t('rpt.act.reject')}
          </Button>
        )}
      </Space>
      {can('assign') && (
        <div style={{ marginTop: 12 }}>
          <AssignControl report={report} run={run} busy={busy} />
        </div>
      )}
      <ReasonModal
        open={rejecting}
        title={t('rpt.rejectTitle')}
        label={t('rpt.rejectReason')}
        okText={t('rpt.act.reject')}
        maxLength={500}
        onCancel={() => setRejecting(false)}
        onSubmit={async (note) => {
          await run('reject', { note });
          setRejecting(false);
        }}
      />
      <ResolveModal districtId={report.districtId} open={resolving} onClose={() => setResolving(false)} run={run} />
      <MergeModal report={report} open={merging} onClose={() => setMerging(false)} run={run} />
    </section>
  );
}

function ReportBody({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color={STATUS_COLOR[report.status]}>{t(STATUS_LABEL(report.status))}</Tag>
        <Tag color={LEVEL_COLOR[report.level]}>{t(LEVEL_LABEL(report.level))}</Tag>
        <Tag>{report.categoryName}</Tag>
        {report.escalatedFrom && (
          <Tag color={ESCALATED_COLOR}>{t('rpt.escalated', { level: t(LEVEL_LABEL(report.escalatedFrom)) })}</Tag>
        )}
        {report.overdue && <Tag color="red">{t('rpt.overdue')}</Tag>}
        {report.hidden && <Tag color="red">{t('rpt.hidden')}</Tag>}
      </Space>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('rpt.reporter')}>
          {report.anonymous && !report.reporterName ? t('rpt.anonymous') : (report.reporterName ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('rpt.supportersLabel')}>{report.supporterCount + 1}</Descriptions.Item>
        <Descriptions.Item label={t('rpt.community')}>{report.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('rpt.grid')}>
          {[report.gridName, report.buildingName].filter(Boolean).join(' · ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('rpt.address')} span={2}>
          {report.address ?? '—'}
          {report.lat !== null && report.lng !== null && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              ({report.lat.toFixed(6)}, {report.lng.toFixed(6)})
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('rpt.createdAt')}>{formatChina(report.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('rpt.due')}>
          {report.dueAt ? (
            <Typography.Text style={report.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
              {t('rpt.dueAt', { level: t(LEVEL_LABEL(report.level)), at: formatChina(report.dueAt) })}
            </Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('rpt.assignee')}>{report.assigneeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('rpt.visibility')}>
          {report.visibility === 'public' ? t('rpt.visibility.public') : t('rpt.visibility.private')}
        </Descriptions.Item>
        <Descriptions.Item label={t('rpt.description')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{report.description}</span>
        </Descriptions.Item>
      </Descriptions>
      {report.photos.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Photos photos={report.photos} />
        </div>
      )}

      <Actions report={report} />

      <h3 style={{ marginTop: 24 }}>{t('rpt.timeline')}</h3>
      <Timeline
        items={report.timeline.map((s) => ({
          key: s.id,
          color: s.kind === 'reject' || s.kind === 'reopen' || s.kind === 'escalate' ? 'red' : 'blue',
          content: (
            <>
              <Typography.Text strong>{t(STEP_LABEL(s.kind))}</Typography.Text> · {t(ACTOR_LABEL(s.actorKind))}
              {s.actorName ? ` ${s.actorName}` : ''} · {formatChina(s.at)}
              {s.note && <div style={{ color: '#555', whiteSpace: 'pre-wrap' }}>{s.note}</div>}
              {s.photos.length > 0 && (
                <div style={{ marginTop: 6 }}>
                  <Photos photos={s.photos} />
                </div>
              )}
            </>
          ),
        }))}
      />
    </>
  );
}

export function ReportDrawer({ reportId, onClose }: { reportId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const q = useReport(reportId);
  return (
    <Drawer
      open={reportId !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={q.data ? `${q.data.categoryName} · ${q.data.communityName}` : t('rpt.drawerTitle')}
    >
      {q.isPending ? (
        <Spin />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <ReportBody report={q.data} />
      )}
    </Drawer>
  );
}
