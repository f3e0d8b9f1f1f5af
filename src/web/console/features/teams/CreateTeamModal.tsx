// 成立服务队: community, name, category, a leader and optionally a paired social worker (1+N).
import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { PersonSelect } from '../../components/PersonSelect';
import type { VolunteeringScope } from '../org/scope';
import { useVolunteeringSettings } from '../settings/queries';
import { useCreateTeam, type CreateTeamInput } from './queries';

export function CreateTeamModal({
  open,
  scope,
  onClose,
  onCreated,
}: {
  open: boolean;
  scope: VolunteeringScope;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateTeamInput>();
  const settings = useVolunteeringSettings(scope.districtId);
  const create = useCreateTeam();

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (scope.onlyCommunityId) form.setFieldValue('communityId', scope.onlyCommunityId);
    }
  }, [open]);

  const onOk = async () => {
    const v = await form.validateFields();
    create.mutate(
      { ...v, socialWorkerUserId: v.socialWorkerUserId || null, description: v.description?.trim() || null },
      {
        onSuccess: (team) => {
          message.success(t('team.created', { name: team.name }));
          onClose();
          onCreated(team.id);
        },
        onError: (err) => {
          const fields = ['communityId', 'name', 'category', 'leaderUserId', 'socialWorkerUserId', 'description'];
          if (!applyFieldErrors(form, err, fields, { ORG_NAME_TAKEN: 'name' })) message.error(errorMessage(err));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('team.create')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('team.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={560}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="create-team">
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
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('team.name')}
          rules={[
            { required: true, whitespace: true, message: t('team.nameRequired') },
            { max: 30, message: t('team.nameTooLong') },
          ]}
        >
          <Input maxLength={30} placeholder={t('team.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('team.category')}
          rules={[{ required: true, message: t('team.categoryRequired') }]}
        >
          <Select
            loading={settings.isPending}
            options={(settings.data?.teamCategories ?? []).map((c) => ({ value: c, label: c }))}
            placeholder={t('team.categoryRequired')}
          />
        </Form.Item>
        <Form.Item
          name="leaderUserId"
          label={t('team.leader')}
          rules={[{ required: true, message: t('team.leaderRequired') }]}
          extra={t('team.leaderHelp')}
        >
          <PersonSelect aria-label={t('team.leader')} />
        </Form.Item>
        <Form.Item name="socialWorkerUserId" label={t('team.socialWorker')} extra={t('team.socialWorkerHelp')}>
          <PersonSelect aria-label={t('team.socialWorker')} role="social_worker" allowClear />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('team.description')}
          rules={[{ max: 500, message: t('team.descriptionTooLong') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
