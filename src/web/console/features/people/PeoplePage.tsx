// 人员与角色: search people in scope, see their roles, open one to grant or revoke roles.
import { Button, Card, Input, Select, Space, Table, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Person, Role } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ALL_ROLES } from '../../lib/roles';
import { orgSelectTree } from '../org/orgTreeSelect';
import { useOrgNodes } from '../org/queries';
import { PersonDrawer } from './PersonDrawer';
import { usePeople, type PeopleFilter } from './queries';
import { RoleTag } from './RoleTag';

export function PeoplePage() {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<PeopleFilter>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const people = usePeople(filter);
  const nodes = useOrgNodes(false);

  const rows = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);
  const nodeTree = useMemo(
    () => orgSelectTree(nodes.data ?? [], { titleOf: (n) => `${n.name}（${t(`kind.${n.kind}`)}）` }),
    [nodes.data, t],
  );

  return (
    <Card title={t('nav.people')}>
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('people.search')}
          placeholder={t('people.search')}
          style={{ width: 260 }}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) setFilter((f) => ({ ...f, q: undefined }));
          }}
          onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined }))}
          enterButton={t('common.search')}
        />
        <Select<Role>
          allowClear
          aria-label={t('people.roleFilter')}
          placeholder={t('people.roleFilter')}
          style={{ width: 180 }}
          value={filter.role}
          onChange={(role) => setFilter((f) => ({ ...f, role: role ?? undefined }))}
          options={ALL_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <TreeSelect
          allowClear
          aria-label={t('people.nodeFilter')}
          placeholder={t('people.nodeFilter')}
          style={{ width: 260 }}
          value={filter.nodeId}
          onChange={(nodeId?: string) => setFilter((f) => ({ ...f, nodeId: nodeId ?? undefined }))}
          treeData={nodeTree}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll={false}
          loading={nodes.isPending}
        />
      </Space>
      <Table<Person>
        aria-label={t('people.table')}
        className="linli-clickable-rows"
        size="middle"
        rowKey="id"
        loading={people.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: people.isError ? errorMessage(people.error) : t('people.empty') }}
        onRow={(p) => ({ onClick: () => setOpenId(p.id) })}
        columns={[
          {
            title: t('people.displayName'),
            dataIndex: 'displayName',
            width: 160,
            render: (v: string, p) => (
              <Typography.Link onClick={() => setOpenId(p.id)} strong>
                {v}
              </Typography.Link>
            ),
          },
          {
            title: t('people.realName'),
            dataIndex: 'realNameMasked',
            width: 110,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('people.phone'),
            dataIndex: 'phoneMasked',
            width: 140,
            render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
          },
          {
            title: t('people.home'),
            dataIndex: 'homeNodeName',
            width: 160,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('people.roles'),
            key: 'roles',
            render: (_, p) =>
              p.roles.length ? (
                p.roles.map((r) => <RoleTag key={r.id} assignment={r} />)
              ) : (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ),
          },
          {
            title: t('people.createdAt'),
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => formatDateTime(v, locale),
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="people-total">
          {t('common.totalOf', { total: people.data?.pages[0]?.total ?? 0, count: rows.length })}
        </Typography.Text>
        {people.hasNextPage ? (
          <Button onClick={() => people.fetchNextPage()} loading={people.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>
      <PersonDrawer personId={openId} nodes={nodes.data ?? []} onClose={() => setOpenId(null)} />
    </Card>
  );
}
