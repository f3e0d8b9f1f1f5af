// Modal form to add a child node or to rename a node / edit its division code.
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { OrgKind, OrgNode } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { CODE_PATTERN } from '../../lib/org';
import { type CreateOrgNodeInput, useCreateOrgNode, useUpdateOrgNode } from './queries';

interface FormValues {
  name: string;
  code?: string;
}

export type NodeFormMode = { type: 'create'; parent: OrgNode; kind: OrgKind } | { type: 'edit'; node: OrgNode };

export function NodeFormModal({
  mode,
  onClose,
  onCreated,
}: {
  mode: NodeFormMode | null;
  onClose: () => void;
  onCreated?: (node: OrgNode) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateOrgNode();
  const update = useUpdateOrgNode();
  const open = mode !== null;

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.type === 'edit') form.setFieldsValue({ name: mode.node.name, code: mode.node.code ?? '' });
  }, [mode, form]);

  const title = !mode
    ? ''
    : mode.type === 'create'
      ? t('org.addChildOf', { kind: t(`kind.${mode.kind}`) })
      : t('org.editTitle', { kind: t(`kind.${mode.node.kind}`), name: mode.node.name });

  const onError = (err: unknown) => {
    const codeFields = { ORG_NAME_TAKEN: 'name', ORG_CODE_TAKEN: 'code' };
    if (!applyFieldErrors(form, err, ['name', 'code'], codeFields)) message.error(errorMessage(err));
  };

  const onOk = async () => {
    if (!mode) return;
    const values = await form.validateFields();
    const name = values.name.trim();
    const code = values.code?.trim() || undefined;
    if (mode.type === 'create') {
      create.mutate(
        { parentId: mode.parent.id, kind: mode.kind as CreateOrgNodeInput['kind'], name, code }, // a child is never a district
        {
          onSuccess: (node) => {
            message.success(t('org.created', { kind: t(`kind.${node.kind}`), name: node.name }));
            onCreated?.(node);
            onClose();
          },
          onError,
        },
      );
    } else {
      update.mutate(
        { id: mode.node.id, name, code: code ?? null },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" name="org-node" requiredMark="optional" style={{ marginTop: 16 }}>
        <Form.Item
          label={t('org.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('org.nameRequired') },
            { max: 50, message: t('org.nameTooLong') },
          ]}
        >
          <Input autoFocus maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('org.code')}
          name="code"
          extra={t('org.codeHelp')}
          rules={[{ pattern: CODE_PATTERN, message: t('org.codeInvalid') }]}
        >
          <Input
            placeholder={t('org.codePlaceholder')}
            inputMode="numeric"
            maxLength={12}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
