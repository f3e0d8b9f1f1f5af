// One team: totals, join requests to approve or reject, members, and the leader / social-worker pairing.
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Popconfirm,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { errorMessage } from '../../lib/errors';
import { hoursOf, type TeamDetail, type TeamMember } from '../../lib/volunteering';
import { LoadError } from '../../layout/LoadError';
import { PersonSelect } from '../../components/PersonSelect';
import { ReasonModal } from '../../components/ReasonModal';
import { useReviewJoinRequest, useTeam, useUpdateTeam } from './queries';

export function TeamDrawer({ teamId, onClose }: { teamId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const team = useTeam(teamId);
  return (
    <Drawer
      open={teamId !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={team.data ? team.data.name : t('team.drawerTitle')}
    >
      {team.isPending ? (
        <Spin />
      ) : team.isError ? (
        <LoadError error={team.error} onRetry={() => team.refetch()} />
      ) : (
        <TeamBody team={team.data} />
      )}
    </Drawer>
  );
}

function TeamBody({ team }: { team: TeamDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reviewReq = useReviewJoinRequest();
  const [rejecting, setRejecting] = useState<TeamMember | null>(null);
  const none = t('common.none');

  const decide = (m: TeamMember, decision: 'approve' | 'reject', reason?: string) =>
    reviewReq.mutateAsync({ teamId: team.id, userId: m.userId, decision, reason }).then(
      () =>
        void message.success(
          t(decision === 'approve' ? 'team.requestApproved' : 'team.requestRejected', { name: m.displayName }),
        ),
      (err: unknown) => {
        message.error(errorMessage(err));
        throw err;
      },
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={12}>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('team.members')} value={team.totals.memberCount} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('team.hours')} value={hoursOf(team.totals.acceptedMinutes)} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('team.activityCount')} value={team.totals.activityCount} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title={t('team.rating')}
              value={team.totals.ratingAverage !== null ? team.totals.ratingAverage.toFixed(1) : none}
              suffix={
                team.totals.ratingCount ? (
                  <span style={{ fontSize: 12 }}>{t('team.ratingCount', { count: team.totals.ratingCount })}</span>
                ) : undefined
              }
            />
          </Card>
        </Col>
      </Row>
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'community', label: t('vol.community'), children: team.communityName },
          { key: 'category', label: t('team.category'), children: <Tag>{team.category}</Tag> },
          { key: 'leader', label: t('team.leader'), children: team.leaderName },
          { key: 'sw', label: t('team.socialWorker'), children: team.socialWorkerName ?? none },
          { key: 'created', label: t('team.createdAt'), children: formatChina(team.createdAt) },
          { key: 'desc', label: t('team.description'), span: 2, children: team.description ?? none },
        ]}
      />

      <Divider titlePlacement="start" style={{ margin: '4px 0 0' }}>
        {t('team.pendingRequests', { count: team.pendingRequests.length })}
      </Divider>
      {team.pendingRequests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('team.noRequests')} />
      ) : (
        <Table<TeamMember>
          aria-label={t('team.pendingRequestsTable')}
          size="small"
          rowKey="userId"
          dataSource={team.pendingRequests}
          pagination={false}
          columns={[
            { title: t('vol.name'), dataIndex: 'displayName' },
            { title: t('vol.no'), dataIndex: 'volunteerNo', render: (v: string | null) => v ?? none },
            { title: t('team.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatChina(v) },
            {
              title: t('common.actions'),
              key: 'a',
              width: 140,
              render: (_, m) => (
                <Space size={4}>
                  <Popconfirm
                    title={t('team.approveConfirm', { name: m.displayName })}
                    okText={t('vol.approve')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => decide(m, 'approve').catch(() => undefined)}
                  >
                    <Button type="link" size="small">
                      {t('vol.approve')}
                    </Button>
                  </Popconfirm>
                  <Button type="link" size="small" danger onClick={() => setRejecting(m)}>
                    {t('vol.reject')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}

      <Divider titlePlacement="start" style={{ margin: '4px 0 0' }}>
        {t('team.memberList', { count: team.members.length })}
      </Divider>
      <Table<TeamMember>
        aria-label={t('team.memberList', { count: team.members.length })}
        size="small"
        rowKey="userId"
        dataSource={team.members}
        pagination={team.members.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: t('team.noMembers') }}
        columns={[
          {
            title: t('vol.name'),
            dataIndex: 'displayName',
            render: (v: string, m) => (
              <span>
                {v} {m.userId === team.leaderUserId && <Tag color="purple">{t('team.leaderTag')}</Tag>}
              </span>
            ),
          },
          {
            title: t('vol.no'),
            dataIndex: 'volunteerNo',
            render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? none}</span>,
          },
          { title: t('team.joinedAt'), dataIndex: 'decidedAt', render: (v: string | null) => formatChina(v) },
        ]}
      />

      {team.canManage && (
        <>
          <Divider titlePlacement="start" style={{ margin: '4px 0 0' }}>
            {t('team.pairing')}
          </Divider>
          <PairingForm team={team} />
        </>
      )}

      <ReasonModal
        open={rejecting !== null}
        title={t('team.rejectTitle', { name: rejecting?.displayName ?? '' })}
        required={false}
        label={t('team.rejectReasonOptional')}
        okText={t('vol.reject')}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) => decide(rejecting!, 'reject', reason || undefined).then(() => setRejecting(null))}
      />
    </Space>
  );
}

interface PairingValues {
  leaderUserId: string;
  socialWorkerUserId: string | null;
}

function PairingForm({ team }: { team: TeamDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PairingValues>();
  const update = useUpdateTeam();
  useEffect(() => {
    form.setFieldsValue({ leaderUserId: team.leaderUserId, socialWorkerUserId: team.socialWorkerUserId });
  }, [team.leaderUserId, team.socialWorkerUserId]);

  const onFinish = (v: PairingValues) => {
    const patch: { leaderUserId?: string; socialWorkerUserId?: string | null } = {};
    if (v.leaderUserId !== team.leaderUserId) patch.leaderUserId = v.leaderUserId;
    if ((v.socialWorkerUserId ?? null) !== team.socialWorkerUserId)
      patch.socialWorkerUserId = v.socialWorkerUserId ?? null;
    if (Object.keys(patch).length === 0) {
      message.info(t('team.nothingChanged'));
      return;
    }
    update.mutate(
      { id: team.id, ...patch },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Form<PairingValues> form={form} layout="vertical" name="team-pairing" onFinish={onFinish} requiredMark={false}>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="leaderUserId"
            label={t('team.leader')}
            rules={[{ required: true, message: t('team.leaderRequired') }]}
            extra={t('team.changeLeaderHelp')}
          >
            <PersonSelect aria-label={t('team.leader')} currentLabel={team.leaderName} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="socialWorkerUserId" label={t('team.socialWorker')}>
            <PersonSelect
              aria-label={t('team.socialWorker')}
              role="social_worker"
              allowClear
              currentLabel={team.socialWorkerName}
            />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('team.savePairing')}
      </Button>
      <Typography.Text type="secondary" style={{ marginInlineStart: 12, fontSize: 12 }}>
        {t('team.pairingHint')}
      </Typography.Text>
    </Form>
  );
}
