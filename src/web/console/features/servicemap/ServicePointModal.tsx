// 新增/修改服务点: community, name, kind, address, public phone, hours per weekday (China time), and the position —
// typed or pasted from a map picker, in WGS-84 or GCJ-02 (高德/腾讯), converted by the server before it is stored.
import { App, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ServicePoint, ServicePointCategory, WeeklyHours } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useVolunteeringScope } from '../org/scope';
import {
  CATEGORIES,
  CATEGORY_LABEL,
  INTERVAL_RE,
  parsePastedCoordinates,
  splitIntervals,
  WEEKDAY_LABEL,
  WEEKDAYS,
} from './labels';
import { useCreateServicePoint, useUpdateServicePoint } from './queries';

interface Values {
  communityId?: string;
  name?: string;
  category?: ServicePointCategory;
  address?: string;
  contactPhone?: string;
  description?: string;
  hoursNote?: string;
  hours: Record<keyof WeeklyHours, string>;
  coord: 'wgs84' | 'gcj02';
  lat?: number;
  lng?: number;
}

const FIELDS = ['communityId', 'name', 'category', 'address', 'contactPhone', 'description', 'hoursNote', 'lat', 'lng'];

export function ServicePointModal({
  open,
  point,
  onClose,
}: {
  open: boolean;
  /** The point to edit, or null to add one. */
  point: ServicePoint | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const scope = useVolunteeringScope();
  const [form] = Form.useForm<Values>();
  const create = useCreateServicePoint();
  const update = useUpdateServicePoint();
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setPaste('');
    setPasteError(null);
    form.resetFields();
    form.setFieldsValue(
      point
        ? {
            communityId: point.communityId,
            name: point.name,
            category: point.category,
            address: point.address,
            contactPhone: point.contactPhone ?? '',
            description: point.description,
            hoursNote: point.hoursNote ?? '',
            hours: Object.fromEntries(WEEKDAYS.map((d) => [d, point.hours[d].join(', ')])) as Values['hours'],
            coord: 'wgs84',
            lat: point.lat,
            lng: point.lng,
          }
        : {
            communityId: scope.onlyCommunityId,
            coord: 'wgs84',
            hours: Object.fromEntries(WEEKDAYS.map((d) => [d, ''])) as Values['hours'],
          },
    );
  }, [open, point, form, scope.onlyCommunityId]);

  const applyPaste = (text: string) => {
    setPaste(text);
    if (!text.trim()) return setPasteError(null);
    const p = parsePastedCoordinates(text);
    if (!p) return setPasteError(t('sp.f.pasteBad'));
    setPasteError(null);
    form.setFieldsValue({ lat: p.lat, lng: p.lng });
  };

  const copyMonday = () => {
    const mon = form.getFieldValue(['hours', 'mon']) as string | undefined;
    form.setFieldsValue({ hours: Object.fromEntries(WEEKDAYS.map((d) => [d, mon ?? ''])) as Values['hours'] });
  };

  const onOk = async () => {
    const v = await form.validateFields();
    const hours = Object.fromEntries(WEEKDAYS.map((d) => [d, splitIntervals(v.hours[d])])) as WeeklyHours;
    const common = {
      name: v.name ?? '',
      category: v.category ?? 'other',
      address: v.address ?? '',
      contactPhone: v.contactPhone?.trim() || null,
      description: v.description?.trim() ?? '',
      hoursNote: v.hoursNote?.trim() || null,
      hours,
      lat: v.lat ?? 0,
      lng: v.lng ?? 0,
      coord: v.coord,
    };
    try {
      const saved = point
        ? await update.mutateAsync({ point, body: common })
        : await create.mutateAsync({ ...common, communityId: v.communityId ?? '' });
      message.success(t('sp.saved', { name: saved.name }));
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, FIELDS)) message.error(errorMessage(err));
    }
  };

  const required = (what: string) => [{ required: true, whitespace: true, message: t('sp.f.required', { what }) }];

  return (
    <Modal
      open={open}
      title={point ? t('sp.edit') : t('sp.add')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional" data-testid="service-point-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="communityId" label={t('sp.f.community')} rules={required(t('sp.f.community'))}>
              <TreeSelect treeData={scope.communityTree} disabled={!!point} showSearch treeNodeFilterProp="title" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="category"
              label={t('sp.f.category')}
              rules={[{ required: true, message: t('sp.f.required', { what: t('sp.f.category') }) }]}
            >
              <Select options={CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_LABEL[c]) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('sp.f.name')} rules={[...required(t('sp.f.name')), { max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={t('sp.f.phone')}>
              <Input maxLength={20} placeholder="0711-3201234" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('sp.f.address')} rules={[...required(t('sp.f.address')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('sp.f.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('sp.f.hours')}
        </Typography.Paragraph>
        <Row gutter={[12, 0]}>
          {WEEKDAYS.map((d) => (
            <Col span={12} key={d}>
              <Form.Item
                name={['hours', d]}
                label={t(WEEKDAY_LABEL[d])}
                rules={[
                  {
                    validator: (_, value: string | undefined) =>
                      splitIntervals(value).every((s) => INTERVAL_RE.test(s))
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('sp.f.badHours', { day: t(WEEKDAY_LABEL[d]) }))),
                  },
                ]}
              >
                <Input placeholder="08:30-12:00, 14:00-17:30" />
              </Form.Item>
            </Col>
          ))}
          <Col span={12} style={{ display: 'flex', alignItems: 'center' }}>
            <Button onClick={copyMonday}>{t('sp.f.copyMonday')}</Button>
          </Col>
        </Row>
        <Form.Item name="hoursNote" label={t('sp.f.hoursNote')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="coord" label={t('sp.f.coord')} extra={t('sp.f.coordHelp')}>
          <Radio.Group>
            <Radio.Button value="wgs84">{t('sp.f.wgs84')}</Radio.Button>
            <Radio.Button value="gcj02">{t('sp.f.gcj02')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('sp.f.paste')}
          validateStatus={pasteError ? 'error' : undefined}
          help={pasteError ?? undefined}
        >
          <Input value={paste} onChange={(e) => applyPaste(e.target.value)} placeholder={t('sp.f.pastePh')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="lat"
              label={t('sp.f.lat')}
              rules={[{ required: true, message: t('sp.f.required', { what: t('sp.f.lat') }) }]}
            >
              <InputNumber min={-90} max={90} step={0.0001} precision={7} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="lng"
              label={t('sp.f.lng')}
              rules={[{ required: true, message: t('sp.f.required', { what: t('sp.f.lng') }) }]}
            >
              <InputNumber min={-180} max={180} step={0.0001} precision={7} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
