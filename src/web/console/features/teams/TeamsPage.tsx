// 服务队: teams of the district or one community, with members and accepted hours; found a team; open one.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { hoursOf, type Team } from '../../lib/volunteering';
import { useVolunteeringScope } from '../org/scope';
import { useVolunteeringSettings } from '../settings/queries';
import { CreateTeamModal } from './CreateTeamModal';
import { useTeam, useTeams } from './queries';
import { TeamDrawer } from './TeamDrawer';

/** Members and hours come from the team's detail (cached, shared with the drawer). */
function TotalsCell({ teamId, field }: { teamId: string; field: 'members' | 'hours' }) {
  const d = useTeam(teamId);
  if (!d.data) return <Typography.Text type="secondary">…</Typography.Text>;
  return <>{field === 'members' ? d.data.totals.memberCount : hoursOf(d.data.totals.acceptedMinutes)}</>;
}

export function TeamsPage() {
  const { t } = useI18n();
  const scope = useVolunteeringScope();
  const settings = useVolunteeringSettings(scope.districtId);
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const teams = useTeams({ districtId: scope.districtId ?? undefined, communityId }, !!scope.districtId);
  const rows = useMemo(() => {
    const all = teams.data?.pages.flatMap((p) => p.items) ?? [];
    return category ? all.filter((r) => r.category === category) : all;
  }, [teams.data, category]);

  return (
    <Card
      title={t('nav.teams')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setCreating(true)}
          data-testid="create-team"
        >
          {t('team.create')}
        </Button>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <TreeSelect
          allowClear
          aria-label={t('vol.community')}
          placeholder={t('vol.filterCommunity')}
          style={{ width: 220 }}
          value={communityId}
          onChange={(v?: string) => setCommunityId(v ?? undefined)}
          treeData={scope.communityTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={scope.nodesLoading}
        />
        <Select<string>
          allowClear
          aria-label={t('team.category')}
          placeholder={t('team.filterCategory')}
          style={{ width: 160 }}
          value={category}
          onChange={(v) => setCategory(v ?? undefined)}
          options={(settings.data?.teamCategories ?? []).map((c) => ({ value: c, label: c }))}
        />
      </Space>
      <Table<Team>
        aria-label={t('team.table')}
        className="linli-clickable-rows"
        size="middle"
        rowKey="id"
        loading={teams.isPending && !!scope.districtId}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: teams.isError ? errorMessage(teams.error) : t('team.empty') }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id) })}
        columns={[
          {
            title: t('team.name'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Typography.Link strong onClick={() => setOpenId(r.id)}>
                {v}
              </Typography.Link>
            ),
          },
          { title: t('team.category'), dataIndex: 'category', width: 120, render: (v: string) => <Tag>{v}</Tag> },
          { title: t('vol.community'), dataIndex: 'communityName', width: 130 },
          { title: t('team.leader'), dataIndex: 'leaderName', width: 110 },
          {
            title: t('team.socialWorker'),
            dataIndex: 'socialWorkerName',
            width: 110,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('team.members'),
            key: 'members',
            width: 90,
            align: 'right',
            render: (_, r) => <TotalsCell teamId={r.id} field="members" />,
          },
          {
            title: t('team.hours'),
            key: 'hours',
            width: 110,
            align: 'right',
            render: (_, r) => <TotalsCell teamId={r.id} field="hours" />,
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="teams-total">
          {/* The category is picked among the loaded teams, so the server's total holds only without it. */}
          {category
            ? t('common.total', { count: rows.length })
            : t('common.totalOf', { total: teams.data?.pages[0]?.total ?? 0, count: rows.length })}
        </Typography.Text>
        {teams.hasNextPage && (
          <Button onClick={() => teams.fetchNextPage()} loading={teams.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </div>
      <TeamDrawer teamId={openId} onClose={() => setOpenId(null)} />
      <CreateTeamModal open={creating} scope={scope} onClose={() => setCreating(false)} onCreated={setOpenId} />
    </Card>
  );
}
