// 补记服务: community staff record service that had no activity in the system (help at night, a rider's errand, the
// paper 台账), one entry at a time or from the Excel template. Records wait for confirmation and acceptance as usual.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  TreeSelect,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ImportErrorsTable } from '../../components/ImportErrorsTable';
import { useI18n } from '../../i18n';
import { useDownload } from '../../lib/download';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useVolunteeringScope } from '../org/scope';
import { useVolunteeringSettings } from '../settings/queries';
import { useVolunteers } from '../volunteers/queries';
import {
  pastServiceUrls,
  type PastServiceImportReport,
  useImportPastService,
  useRecordPastService,
} from './PastService.queries';

const MAX_BYTES = 10 * 1024 * 1024;

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface FormValues {
  userId: string;
  communityId: string;
  serviceDate: Dayjs;
  minutes: number;
  category: string;
  place: string;
  content: string;
  vouchedBy: string;
}

const FIELDS = ['userId', 'communityId', 'serviceDate', 'minutes', 'category', 'place', 'content', 'vouchedBy'];

export function PastServicePage() {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('past.title')}>
        <Alert type="info" showIcon title={t('past.intro')} style={{ marginBottom: 16 }} />
        <PastServiceForm />
      </Card>
      <PastServiceImport />
    </Space>
  );
}

function PastServiceForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const settings = useVolunteeringSettings(scope.districtId);
  const [form] = Form.useForm<FormValues>();
  const [q, setQ] = useState('');
  const volunteers = useVolunteers({ status: 'approved', q: q || undefined });
  const record = useRecordPastService();
  const options = (volunteers.data?.pages.flatMap((p) => p.items) ?? []).map((v) => ({
    value: v.userId,
    label: `${v.realNameMasked} · ${v.phoneMasked} · ${v.communityName}`,
  }));
  // The scope loads after the form mounts: a staff member of one community gets it filled in once it is known.
  useEffect(() => {
    if (scope.onlyCommunityId && !form.getFieldValue('communityId'))
      form.setFieldValue('communityId', scope.onlyCommunityId);
  }, [form, scope.onlyCommunityId]);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('past.required', { field }) }];

  const onFinish = async (v: FormValues) => {
    try {
      const rec = await record.mutateAsync({
        ...v,
        serviceDate: v.serviceDate.format('YYYY-MM-DD'),
        place: v.place.trim(),
        content: v.content.trim(),
        vouchedBy: v.vouchedBy.trim(),
      });
      message.success(
        rec.minutes < v.minutes
          ? t('past.capped', { minutes: rec.minutes, asked: v.minutes })
          : t('past.done', { minutes: rec.minutes }),
      );
      form.resetFields(['minutes', 'place', 'content', 'vouchedBy']);
    } catch (err) {
      if (!applyFieldErrors(form, err, FIELDS, { SERVICE_DATE_FUTURE: 'serviceDate', DAILY_CAP_REACHED: 'minutes' }))
        message.error(errorMessage(err));
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      name="past-service"
      onFinish={onFinish}
      initialValues={{ serviceDate: dayjs() }}
      style={{ maxWidth: 640 }}
    >
      <Form.Item
        name="userId"
        label={t('past.volunteer')}
        rules={[{ required: true, message: t('past.required', { field: t('past.volunteer') }) }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('past.volunteerPlaceholder')}
          options={options}
          loading={volunteers.isFetching}
          aria-label={t('past.volunteer')}
        />
      </Form.Item>
      <Form.Item
        name="communityId"
        label={t('past.community')}
        rules={[{ required: true, message: t('past.pickCommunityFirst') }]}
      >
        <TreeSelect
          aria-label={t('past.community')}
          treeData={scope.communityTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={scope.nodesLoading}
        />
      </Form.Item>
      <Space wrap size={16} align="start">
        <Form.Item
          name="serviceDate"
          label={t('past.date')}
          rules={[{ required: true, message: t('past.required', { field: t('past.date') }) }]}
        >
          <DatePicker aria-label={t('past.date')} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('past.minutes')}
          rules={[{ required: true, message: t('past.required', { field: t('past.minutes') }) }]}
        >
          <InputNumber aria-label={t('past.minutes')} min={1} max={1440} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('past.category')}
          rules={[{ required: true, message: t('past.required', { field: t('past.category') }) }]}
        >
          <Select
            aria-label={t('past.category')}
            style={{ width: 180 }}
            options={(settings.data?.activityCategories ?? []).map((c) => ({ value: c, label: c }))}
            loading={settings.isPending}
          />
        </Form.Item>
      </Space>
      <Form.Item name="place" label={t('past.place')} rules={required(t('past.place'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="content" label={t('past.content')} rules={required(t('past.content'))}>
        <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item
        name="vouchedBy"
        label={t('past.vouchedBy')}
        extra={t('past.vouchedByHint')}
        rules={required(t('past.vouchedBy'))}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="record-past-service">
        {t('past.submit')}
      </Button>
    </Form>
  );
}

function PastServiceImport() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const importer = useImportPastService();
  const { download, busy } = useDownload();
  const [communityId, setCommunityId] = useState<string | undefined>(scope.onlyCommunityId);
  const [report, setReport] = useState<PastServiceImportReport | null>(null);
  const target = communityId ?? scope.onlyCommunityId;

  const upload = async (file: File) => {
    if (!target) {
      message.warning(t('past.pickCommunityFirst'));
      return;
    }
    if (file.size > MAX_BYTES) {
      message.error(t('vol.import.tooBig'));
      return;
    }
    try {
      setReport(await importer.mutateAsync({ communityId: target, fileBase64: await readBase64(file) }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Card title={t('past.import')}>
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <TreeSelect
          aria-label={t('past.community')}
          placeholder={t('past.community')}
          style={{ width: 240 }}
          value={target}
          onChange={(v?: string) => setCommunityId(v ?? undefined)}
          treeData={scope.communityTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={scope.nodesLoading}
        />
        <Button
          icon={<DownloadOutlined aria-hidden />}
          disabled={!target}
          loading={busy === 'template'}
          onClick={() => target && download(pastServiceUrls.template(target), '补记服务导入模板.xlsx', 'template')}
        >
          {t('past.template')}
        </Button>
      </Space>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        disabled={!target || importer.isPending}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{importer.isPending ? t('past.importing') : t('past.pickFile')}</p>
      </Upload.Dragger>
      {report && (
        <div style={{ marginTop: 16 }} data-testid="past-import-result">
          <Alert
            type={report.errors.length === 0 ? 'success' : 'warning'}
            showIcon
            title={t('past.imported', { created: report.created, skipped: report.skipped })}
            description={report.errors.length > 0 ? t('past.rowErrors', { count: report.errors.length }) : undefined}
          />
          {report.errors.length > 0 && (
            <ImportErrorsTable errors={report.errors} rowLabel={(r) => t('past.row', { row: r })} />
          )}
        </div>
      )}
    </Card>
  );
}
