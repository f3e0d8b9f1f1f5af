// 新建活动: place, time (China time), slots, skills and weekly repetition; publish at once or keep as draft.
import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { chinaIso, chinaNow } from '../../lib/chinaTime';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import type { Activity } from '../../lib/volunteering';
import type { VolunteeringScope } from '../org/scope';
import { useVolunteeringSettings } from '../settings/queries';
import { useTeamOptions } from '../teams/queries';
import { useCreateActivity } from './queries';

/** Kinds of resident events; the server's RESIDENT_EVENT_CATEGORIES (volunteer service uses the district's list). */
const RESIDENT_EVENT_CATEGORIES = ['便民服务', '课程', '议事会', '文体活动', '其他'];

interface Values {
  audience: 'volunteer' | 'resident';
  communityId: string;
  teamId?: string;
  title: string;
  category: string;
  description?: string;
  address: string;
  gridId?: string;
  window: [Dayjs, Dayjs];
  slots: number;
  signupDeadline?: Dayjs | null;
  requiredSkills?: string[];
  beneficiaries?: string;
  pointsPerHour?: number | null;
  repeatWeeks: number;
  publish: boolean;
}

export interface ActivityFormModalProps {
  open: boolean;
  scope: VolunteeringScope;
  defaults?: { communityId?: string; teamId?: string; date?: Dayjs };
  onClose: () => void;
  onCreated: (items: Activity[]) => void;
}

export function ActivityFormModal({ open, scope, defaults, onClose, onCreated }: ActivityFormModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const settings = useVolunteeringSettings(scope.districtId);
  const create = useCreateActivity();
  const communityId = Form.useWatch('communityId', form);
  const repeatWeeks = Form.useWatch('repeatWeeks', form);
  const resident = Form.useWatch('audience', form) === 'resident';
  const teams = useTeamOptions({ districtId: scope.districtId ?? undefined, communityId }, open && !!communityId);
  const grids = scope.gridsOf(communityId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const day = defaults?.date && defaults.date.isAfter(chinaNow(), 'day') ? defaults.date : chinaNow().add(1, 'day');
    form.setFieldsValue({
      audience: 'volunteer',
      communityId: defaults?.communityId ?? scope.onlyCommunityId,
      teamId: defaults?.teamId,
      window: [day.hour(9).minute(0).second(0), day.hour(11).minute(0).second(0)],
      slots: 10,
      repeatWeeks: 1,
      publish: true,
    });
  }, [open]);

  const onOk = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        communityId: v.communityId,
        teamId: v.teamId || null,
        title: v.title.trim(),
        category: v.category,
        description: v.description?.trim() ?? '',
        address: v.address.trim(),
        gridId: v.gridId || null,
        startsAt: chinaIso(v.window[0]),
        endsAt: chinaIso(v.window[1]),
        slots: v.slots,
        signupDeadline: v.signupDeadline ? chinaIso(v.signupDeadline) : null,
        requiredSkills: v.audience === 'resident' ? [] : (v.requiredSkills ?? []),
        beneficiaries: v.beneficiaries?.trim() || null,
        pointsPerHour: v.audience === 'resident' ? null : (v.pointsPerHour ?? null),
        audience: v.audience,
        repeatWeeks: v.repeatWeeks,
        publish: v.publish,
      },
      {
        onSuccess: (res) => {
          message.success(t(v.publish ? 'act.createdPublished' : 'act.createdDraft', { count: res.items.length }));
          onClose();
          onCreated(res.items);
        },
        onError: (err) => {
          const fields = [
            'audience',
            'communityId',
            'teamId',
            'title',
            'category',
            'description',
            'address',
            'gridId',
            'slots',
            'signupDeadline',
            'requiredSkills',
            'beneficiaries',
            'pointsPerHour',
            'repeatWeeks',
          ];
          if (!applyFieldErrors(form, err, fields, { ACTIVITY_BAD_TIME: 'window' })) message.error(errorMessage(err));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('act.create')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('act.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={760}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="create-activity">
        <Form.Item name="audience" label={t('act.audience')}>
          <Radio.Group
            onChange={() => form.setFieldsValue({ category: undefined })}
            options={[
              { value: 'volunteer', label: t('act.audience.volunteer') },
              { value: 'resident', label: t('act.audience.resident') },
            ]}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="communityId"
              label={t('vol.community')}
              rules={[{ required: true, message: t('vol.pickCommunity') }]}
            >
              <TreeSelect
                treeData={scope.communityTree}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                placeholder={t('vol.pickCommunity')}
                onChange={() => form.setFieldsValue({ teamId: undefined, gridId: undefined })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="teamId" label={t('act.team')} extra={t('act.teamHelp')}>
              <Select
                allowClear
                disabled={!communityId}
                loading={teams.isFetching}
                placeholder={t('act.teamPlaceholder')}
                options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="title"
              label={t('act.title')}
              rules={[
                { required: true, whitespace: true, message: t('act.titleRequired') },
                { max: 60, message: t('act.titleTooLong') },
              ]}
            >
              <Input maxLength={60} showCount />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="category"
              label={t('act.category')}
              rules={[{ required: true, message: t('act.categoryRequired') }]}
            >
              <Select
                loading={settings.isPending}
                options={(resident ? RESIDENT_EVENT_CATEGORIES : (settings.data?.activityCategories ?? [])).map(
                  (c) => ({ value: c, label: c }),
                )}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('act.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="address"
              label={t('act.address')}
              rules={[
                { required: true, whitespace: true, message: t('act.addressRequired') },
                { max: 100, message: t('act.addressTooLong') },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="gridId" label={t('act.grid')}>
              <Select
                allowClear
                disabled={!communityId}
                options={grids.map((g) => ({ value: g.id, label: g.name }))}
                placeholder={t('act.gridPlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="window"
              label={t('act.window')}
              extra={t('act.chinaTime')}
              rules={[
                { required: true, message: t('act.windowRequired') },
                {
                  validator: (_, w?: [Dayjs | null, Dayjs | null]) => {
                    if (!w?.[0] || !w[1]) return Promise.resolve();
                    if (!w[1].isAfter(w[0])) return Promise.reject(new Error(t('act.endBeforeStart')));
                    if (w[1].diff(w[0], 'hour', true) > 24) return Promise.reject(new Error(t('act.tooLong')));
                    if (!w[0].isAfter(chinaNow())) return Promise.reject(new Error(t('act.inPast')));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <DatePicker.RangePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="slots"
              label={t('act.slots')}
              rules={[{ required: true, message: t('act.slotsRequired') }]}
            >
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} suffix={t('act.people')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="signupDeadline"
              label={t('act.signupDeadline')}
              extra={t('act.signupDeadlineHelp')}
              dependencies={['window']}
              rules={[
                {
                  validator: (_, d?: Dayjs | null) => {
                    const start = (form.getFieldValue('window') as [Dayjs, Dayjs] | undefined)?.[0];
                    if (d && start && d.isAfter(start)) return Promise.reject(new Error(t('act.deadlineAfterStart')));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="requiredSkills" label={t('act.requiredSkills')}>
              <Select
                mode="multiple"
                allowClear
                maxCount={10}
                disabled={resident}
                options={(settings.data?.skills ?? []).map((s) => ({ value: s, label: s }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="beneficiaries" label={t('act.beneficiaries')} rules={[{ max: 100 }]}>
              <Input maxLength={100} placeholder={t('act.beneficiariesPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="pointsPerHour" label={t('act.pointsPerHour')} extra={t('act.pointsPerHourHelp')}>
              <InputNumber min={0} max={1000} precision={0} disabled={resident} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12} align="middle">
          <Col span={12}>
            <Form.Item
              name="repeatWeeks"
              label={t('act.repeatWeeks')}
              extra={repeatWeeks > 1 ? t('act.repeatWeeksHelpN', { count: repeatWeeks }) : t('act.repeatWeeksHelp1')}
              rules={[{ required: true, message: t('act.repeatWeeksRequired') }]}
            >
              <InputNumber min={1} max={26} precision={0} style={{ width: '100%' }} suffix={t('act.times')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="publish" valuePropName="checked" label=" " colon={false}>
              <Checkbox>{t('act.publishNow')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
