// 代录需求: staff record a need for a resident who does not use a phone (picked by name or full phone number in
// scope); the server records them as the proxy and audits it.
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { BeneficiaryGroup, Privacy, Urgency } from '../../../shared/api-types';
import { PersonSelect } from '../../components/PersonSelect';
import { useI18n } from '../../i18n';
import { chinaIso } from '../../lib/chinaTime';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { GROUPS, PRIVACIES, URGENCIES } from './labels';
import { useCreateNeed, useNeedCategories } from './queries';

interface Values {
  requesterUserId: string;
  category: string;
  title?: string;
  description: string;
  urgency: Urgency;
  beneficiaryGroup: BeneficiaryGroup;
  place?: string;
  window?: [Dayjs | null, Dayjs | null] | null;
  privacy: Privacy;
  peopleNeeded: number;
}

export function ProxyNeedModal({
  open,
  districtId,
  onClose,
  onCreated,
}: {
  open: boolean;
  districtId: string | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useNeedCategories(districtId);
  const create = useCreateNeed();
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const need = await create.mutateAsync({
        requesterUserId: v.requesterUserId,
        category: v.category,
        title: v.title?.trim() || null,
        description: v.description.trim(),
        urgency: v.urgency,
        beneficiaryGroup: v.beneficiaryGroup,
        place: v.place?.trim() || null,
        windowStart: v.window?.[0] ? chinaIso(v.window[0]) : null,
        windowEnd: v.window?.[1] ? chinaIso(v.window[1]) : null,
        privacy: v.privacy,
        peopleNeeded: v.peopleNeeded,
      });
      message.success(t('needs.form.done'));
      form.resetFields();
      onCreated(need.id);
    } catch (err) {
      if (!applyFieldErrors(form, err, ['category', 'description', 'place', 'windowEnd', 'requesterUserId']))
        message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t('needs.form.title')}
      okText={t('needs.form.submit')}
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('needs.form.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ urgency: 'normal', beneficiaryGroup: 'elderly', privacy: 'community', peopleNeeded: 1 }}
      >
        <Form.Item
          name="requesterUserId"
          label={t('needs.form.requester')}
          rules={[{ required: true, message: t('needs.form.requesterRequired') }]}
        >
          <PersonSelect placeholder={t('needs.form.requesterPh')} aria-label={t('needs.form.requester')} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('needs.form.category')}
          rules={[{ required: true, message: t('needs.form.categoryRequired') }]}
        >
          <Select
            options={(categories.data?.categories ?? []).map((c) => ({ value: c.key, label: c.name }))}
            loading={categories.isPending}
          />
        </Form.Item>
        <Form.Item name="title" label={t('needs.form.title2')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('needs.form.description')}
          rules={[{ required: true, whitespace: true, message: t('needs.form.descriptionRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="urgency" label={t('needs.form.urgency')}>
          <Select options={URGENCIES.map((u) => ({ value: u, label: t(`needs.urgency.${u}`) }))} />
        </Form.Item>
        <Form.Item name="beneficiaryGroup" label={t('needs.form.group')}>
          <Select options={GROUPS.map((g) => ({ value: g, label: t(`needs.group.${g}`) }))} />
        </Form.Item>
        <Form.Item name="place" label={t('needs.form.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="window" label={`${t('needs.form.windowStart')} – ${t('needs.form.windowEnd')}`}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[false, true]} />
        </Form.Item>
        <Form.Item name="privacy" label={t('needs.form.privacy')}>
          <Select options={PRIVACIES.map((p) => ({ value: p, label: t(`needs.privacy.${p}`) }))} />
        </Form.Item>
        <Form.Item name="peopleNeeded" label={t('needs.form.people')}>
          <InputNumber min={1} max={50} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
