// 登记调解 (the mediation lead, for a walk-in or phoned-in applicant): community, type, what happened, the applicant
// and the other party (name, and phone when known: a resident with an account then sees the case in the H5).
import { App, Form, Input, Modal, Select } from 'antd';
import type { DisputeType, Me } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useOpenCase } from './queries';
import { DISPUTE_TYPES, typeKey } from './labels';

interface Values {
  communityId: string;
  type: DisputeType;
  description: string;
  applicantName: string;
  applicantPhone?: string;
  otherName: string;
  otherPhone?: string;
}

const PHONE = /^1[3-9]\d{9}$/;

export function OpenCaseModal({ me, open, onClose }: { me: Me; open: boolean; onClose: (id?: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useOpenCase();
  const communities = me.roles.filter((r) => r.role === 'mediation_lead');
  const phone = [
    {
      validator: (_: unknown, v?: string) =>
        !v || PHONE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('med.open.phoneFormat'))),
    },
  ];
  const required = [{ required: true, whitespace: true, message: t('med.required') }];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const c = await create.mutateAsync({
        communityId: v.communityId,
        type: v.type,
        description: v.description.trim(),
        applicant: { name: v.applicantName.trim(), phone: v.applicantPhone?.trim() || undefined },
        otherParties: [{ name: v.otherName.trim(), phone: v.otherPhone?.trim() || undefined }],
      });
      message.success(t('med.open.done'));
      form.resetFields();
      onClose(c.id);
    } catch (err) {
      if (!applyFieldErrors(form, err, ['communityId', 'type', 'description'])) message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t('med.open.title')}
      okText={t('med.open.submit')}
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ communityId: communities[0]?.nodeId }}
        preserve={false}
      >
        <Form.Item name="communityId" label={t('med.col.community')} rules={[{ required: true }]}>
          <Select options={communities.map((r) => ({ value: r.nodeId, label: r.nodeName }))} />
        </Form.Item>
        <Form.Item name="type" label={t('med.col.type')} rules={[{ required: true, message: t('med.required') }]}>
          <Select options={DISPUTE_TYPES.map((d) => ({ value: d, label: t(typeKey(d)) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('med.field.description')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="applicantName" label={t('med.open.applicantName')} rules={required}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="applicantPhone" label={t('med.open.applicantPhone')} rules={phone}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="otherName" label={t('med.open.otherName')} rules={required}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="otherPhone" label={t('med.open.otherPhone')} rules={phone}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
