// Modal to move a node under another parent of the level above it.
import { App, Form, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import type { OrgNode } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { parentKind } from '../../lib/org';
import { orgSelectTree } from './orgTreeSelect';
import { useUpdateOrgNode } from './queries';

export function MoveNodeModal({
  node,
  nodes,
  onClose,
}: {
  node: OrgNode | null;
  nodes: OrgNode[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  const update = useUpdateOrgNode();
  const upKind = node ? parentKind(node.kind) : null;

  useEffect(() => {
    if (node) form.resetFields();
  }, [node, form]);

  const treeData = useMemo(
    () =>
      upKind && node
        ? orgSelectTree(
            nodes.filter((n) => !n.archived),
            { selectableKinds: [upKind], disabledIds: new Set(node.parentId ? [node.parentId] : []) },
          )
        : [],
    [nodes, node, upKind],
  );

  const onOk = async () => {
    if (!node) return;
    const { parentId } = await form.validateFields();
    update.mutate(
      { id: node.id, parentId },
      {
        onSuccess: () => {
          message.success(t('org.moved'));
          onClose();
        },
        onError: (err) => {
          const codeFields = { ORG_INVALID_PARENT: 'parentId', ORG_NAME_TAKEN: 'parentId', ORG_ARCHIVED: 'parentId' };
          if (!applyFieldErrors(form, err, ['parentId'], codeFields)) message.error(errorMessage(err));
        },
      },
    );
  };

  return (
    <Modal
      open={node !== null}
      title={node ? t('org.moveTitle', { kind: t(`kind.${node.kind}`), name: node.name }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" name="org-move" style={{ marginTop: 16 }}>
        <Form.Item
          label={upKind ? t('org.newParent', { kind: t(`kind.${upKind}`) }) : ''}
          name="parentId"
          rules={[{ required: true, message: t('org.newParentRequired') }]}
        >
          <TreeSelect
            treeData={treeData}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={upKind ? t(`kind.${upKind}`) : ''}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
