// Right panel of the org page: the selected node's facts and the actions on it.
import { DragOutlined, EditOutlined, InboxOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { OrgNode } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { ancestorNames, childKind, KIND_COLOR } from '../../lib/org';
import { errorMessage } from '../../lib/errors';
import { useUpdateOrgNode } from './queries';

interface Props {
  node: OrgNode;
  byId: Map<string, OrgNode>;
  childCount: number;
  onAddChild: () => void;
  onEdit: () => void;
  onMove: () => void;
}

export function NodeDetails({ node, byId, childCount, onAddChild, onEdit, onMove }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const update = useUpdateOrgNode();
  const next = childKind(node.kind);

  const setArchived = (archived: boolean) =>
    update.mutateAsync({ id: node.id, archived }).then(
      () => void message.success(archived ? t('org.archivedOk') : t('org.restoredOk')),
      // The server refuses e.g. archiving a node that still has active children; show why.
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const addButton = (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onAddChild} disabled={!next || node.archived}>
      {t('org.addChild')}
    </Button>
  );

  return (
    <Card
      title={
        <Space size={8}>
          <Tag color={KIND_COLOR[node.kind]} variant="outlined">
            {t(`kind.${node.kind}`)}
          </Tag>
          <span data-testid="org-selected-name">{node.name}</span>
          {node.archived && <Tag>{t('common.archived')}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          {next ? addButton : <Tooltip title={t('org.noChildLevel')}>{addButton}</Tooltip>}
          <Button icon={<EditOutlined aria-hidden />} onClick={onEdit} disabled={node.archived}>
            {t('org.editNode')}
          </Button>
          {/* Moving needs the level above; someone scoped to this node cannot see any candidate parent. */}
          {node.parentId !== null && byId.has(node.parentId) && (
            <Button icon={<DragOutlined aria-hidden />} onClick={onMove} disabled={node.archived}>
              {t('org.move')}
            </Button>
          )}
          {node.kind === 'district' ? null : node.archived ? (
            <Popconfirm
              title={t('org.restoreConfirm', { name: node.name })}
              okText={t('common.restore')}
              cancelText={t('common.cancel')}
              onConfirm={() => setArchived(false)}
            >
              <Button icon={<RollbackOutlined aria-hidden />} loading={update.isPending}>
                {t('common.restore')}
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t('org.archiveConfirm', { name: node.name })}
              okText={t('common.archive')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => setArchived(true)}
              styles={{ root: { maxWidth: 320 } }}
            >
              <Button danger icon={<InboxOutlined aria-hidden />} loading={update.isPending}>
                {t('common.archive')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 150 } }}
        items={[
          { key: 'name', label: t('org.name'), children: node.name },
          { key: 'kind', label: t('org.kind'), children: t(`kind.${node.kind}`) },
          {
            key: 'code',
            label: t('org.code'),
            children: node.code ? (
              <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                {node.code}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
            ),
          },
          {
            key: 'status',
            label: t('org.status'),
            children: node.archived ? (
              <Tag>{t('common.archived')}</Tag>
            ) : (
              <Tag color="success">{t('common.active')}</Tag>
            ),
          },
          {
            key: 'path',
            label: t('org.path'),
            span: 2,
            children: <span title={node.path}>{ancestorNames(node, byId).join(' / ')}</span>,
          },
          { key: 'children', label: t('org.children'), children: childCount },
          { key: 'updated', label: t('org.updatedAt'), children: formatDateTime(node.updatedAt, locale) },
        ]}
      />
    </Card>
  );
}
