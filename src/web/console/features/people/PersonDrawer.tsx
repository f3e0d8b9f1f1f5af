// One person: details (masked, with an audited "show full details"), roles, revoke and grant.
import { EyeOutlined, KeyOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { OrgNode, Role } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { LoadError } from '../../layout/LoadError';
import { orgSelectTree } from '../org/orgTreeSelect';
import {
  usePerson,
  useResetPassword,
  useRevealPerson,
  useRevokeRole,
  useRoleCatalog,
  useGrantRole,
  useUnlockAccount,
  type RevealedPerson,
} from './queries';
import { RoleTag } from './RoleTag';

export function PersonDrawer({
  personId,
  nodes,
  onClose,
}: {
  personId: string | null;
  nodes: OrgNode[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const person = usePerson(personId);
  const name = person.data?.displayName ?? '';
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={600}
      title={name ? t('people.drawerTitle', { name }) : ''}
      destroyOnHidden
    >
      {person.isPending ? (
        <Spin />
      ) : person.isError ? (
        <LoadError error={person.error} onRetry={() => person.refetch()} />
      ) : (
        // Keyed by person so revealed details never carry over to the next one opened.
        <PersonBody key={person.data.id} personId={person.data.id} nodes={nodes} />
      )}
    </Drawer>
  );
}

function PersonBody({ personId, nodes }: { personId: string; nodes: OrgNode[] }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const person = usePerson(personId).data!;
  const reveal = useRevealPerson();
  const revoke = useRevokeRole();
  const [revealed, setRevealed] = useState<RevealedPerson | null>(null);
  const reset = useResetPassword();
  const unlock = useUnlockAccount();
  const [temporary, setTemporary] = useState<string | null>(null);

  const onReset = () =>
    reset.mutateAsync(person.id).then(
      (res) => setTemporary(res.temporaryPassword),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const onReveal = () =>
    reveal.mutateAsync(person.id).then(setRevealed, (err: unknown) => void message.error(errorMessage(err)));

  const onRevoke = (id: string) =>
    revoke.mutateAsync(id).then(
      () => void message.success(t('people.revoked')),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const locked = person.lockedUntil && new Date(person.lockedUntil) > new Date();

  const onUnlock = () =>
    unlock.mutateAsync(person.id).then(
      () => void message.success(t('people.unlockDone')),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {revealed && <Alert type="warning" showIcon title={t('people.revealed')} />}
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'dn', label: t('people.displayName'), children: person.displayName },
          {
            key: 'rn',
            label: t('people.realName'),
            children: (revealed ? revealed.realName : person.realNameMasked) ?? t('common.none'),
          },
          {
            key: 'ph',
            label: t('people.phone'),
            children: (
              <span style={{ fontFamily: 'monospace' }} data-testid="person-phone">
                {revealed ? revealed.phone : person.phoneMasked}
              </span>
            ),
          },
          {
            key: 'id',
            label: t('people.idNumber'),
            children: (
              <span style={{ fontFamily: 'monospace' }}>
                {(revealed ? revealed.idNumber : person.idNumberMasked) ?? t('common.none')}
              </span>
            ),
          },
          { key: 'home', label: t('people.home'), children: person.homeNodeName ?? t('common.none') },
          { key: 'ct', label: t('people.createdAt'), children: formatDateTime(person.createdAt, locale) },
          {
            key: 'lock',
            label: t('people.locked'),
            children: locked ? (
              <Space size={8} wrap>
                <Tag color="error">{t('people.lockedUntil', { time: formatDateTime(person.lockedUntil, locale) })}</Tag>
                <Button
                  size="small"
                  icon={<UnlockOutlined aria-hidden />}
                  loading={unlock.isPending}
                  onClick={onUnlock}
                  data-testid="unlock-account"
                >
                  {t('people.unlock')}
                </Button>
              </Space>
            ) : (
              <Tag color="success">{t('people.notLocked')}</Tag>
            ),
          },
        ]}
      />
      <Space wrap>
        {!revealed && (
          <Popconfirm
            title={t('people.revealConfirmTitle')}
            description={<div style={{ maxWidth: 300 }}>{t('people.revealConfirm')}</div>}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={onReveal}
          >
            <Button icon={<EyeOutlined aria-hidden />} loading={reveal.isPending}>
              {t('people.reveal')}
            </Button>
          </Popconfirm>
        )}
        <Popconfirm
          title={t('people.resetConfirmTitle', { name: person.displayName })}
          description={<div style={{ maxWidth: 300 }}>{t('people.resetConfirm')}</div>}
          okText={t('people.resetPassword')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={onReset}
        >
          <Button icon={<KeyOutlined aria-hidden />} loading={reset.isPending} data-testid="reset-password">
            {t('people.resetPassword')}
          </Button>
        </Popconfirm>
      </Space>
      <Modal
        open={temporary !== null}
        title={t('people.resetDoneTitle')}
        onCancel={() => setTemporary(null)}
        onOk={() => setTemporary(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('common.close')}
        destroyOnHidden
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph
            copyable={{ text: temporary ?? '', tooltips: [t('people.copy'), t('people.copied')] }}
            style={{ fontFamily: 'monospace', fontSize: 22, letterSpacing: 2, margin: 0 }}
            data-testid="temporary-password"
          >
            {temporary}
          </Typography.Paragraph>
          <Alert type="info" showIcon title={t('people.resetDoneHint')} />
        </Space>
      </Modal>

      <Divider titlePlacement="start" style={{ margin: '8px 0 0' }}>
        {t('people.rolesTitle')}
      </Divider>
      {person.roles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noRoles')} />
      ) : (
        <ul aria-label={t('people.rolesTitle')} className="linli-role-list">
          {person.roles.map((r) => (
            <li key={r.id}>
              <Space orientation="vertical" size={0}>
                <RoleTag assignment={r} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`kind.${r.nodeKind}`)} · {t('people.grantedAt', { time: formatDateTime(r.grantedAt, locale) })}
                </Typography.Text>
              </Space>
              <Popconfirm
                title={t('people.revokeConfirm', { role: t(`role.${r.role}`), node: r.nodeName })}
                okText={t('people.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onRevoke(r.id)}
              >
                <Button
                  type="link"
                  danger
                  size="small"
                  aria-label={`${t('people.revoke')} ${t(`role.${r.role}`)} · ${r.nodeName}`}
                >
                  {t('people.revoke')}
                </Button>
              </Popconfirm>
            </li>
          ))}
        </ul>
      )}

      <Divider titlePlacement="start" style={{ margin: '8px 0 0' }}>
        {t('people.grantTitle')}
      </Divider>
      <GrantRoleForm userId={person.id} nodes={nodes} />
    </Space>
  );
}

interface GrantValues {
  role: Role;
  nodeId: string;
}

function GrantRoleForm({ userId, nodes }: { userId: string; nodes: OrgNode[] }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantValues>();
  const catalog = useRoleCatalog();
  const grant = useGrantRole();
  const role = Form.useWatch('role', form);
  const info = catalog.data?.find((r) => r.role === role);

  const nodeTree = useMemo(
    () =>
      info
        ? orgSelectTree(
            nodes.filter((n) => !n.archived),
            { selectableKinds: info.nodeKinds, titleOf: (n) => `${n.name}（${t(`kind.${n.kind}`)}）` },
          )
        : [],
    [info, nodes, t],
  );

  const onFinish = (v: GrantValues) =>
    grant.mutate(
      { userId, role: v.role, nodeId: v.nodeId },
      {
        onSuccess: () => {
          message.success(t('people.granted'));
          form.resetFields();
        },
        onError: (err) => {
          const codeFields = { ROLE_NODE_KIND: 'nodeId', ROLE_ALREADY_HELD: 'nodeId', ROLE_NOT_GRANTABLE: 'role' };
          if (!applyFieldErrors(form, err, ['role', 'nodeId'], codeFields)) message.error(errorMessage(err));
        },
      },
    );

  return (
    <Form<GrantValues> form={form} layout="vertical" name="grant-role" onFinish={onFinish} requiredMark={false}>
      <Form.Item
        label={t('people.grantRole')}
        name="role"
        rules={[{ required: true, message: t('people.grantRoleRequired') }]}
      >
        <Select<Role>
          loading={catalog.isPending}
          onChange={() => form.setFieldValue('nodeId', undefined)}
          options={(catalog.data ?? []).map((r) => ({ value: r.role, label: locale === 'en' ? r.nameEn : r.nameZh }))}
        />
      </Form.Item>
      <Form.Item
        label={t('people.grantNode')}
        name="nodeId"
        rules={[{ required: true, message: t('people.grantNodeRequired') }]}
        extra={
          info
            ? t('people.grantNodeHint', {
                kinds: info.nodeKinds.map((k) => t(`kind.${k}`)).join(locale === 'en' ? ', ' : '、'),
              })
            : undefined
        }
      >
        <TreeSelect
          treeData={nodeTree}
          disabled={!info}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={grant.isPending}>
        {t('people.grant')}
      </Button>
    </Form>
  );
}
