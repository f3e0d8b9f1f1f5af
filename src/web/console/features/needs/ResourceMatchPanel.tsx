// The "可用资源" part of the need drawer: the resources in the staff member's area ranked for the need (category fit,
// distance, availability, quantity; at most 10), each with its reasons as tags, and a hint to bundle the need and the
// resources into a project (项目清单). Staff who manage the need, while it is still open.
import { Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { MatchedResource, NeedDetail } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { LoadError } from '../../layout/LoadError';
import { useNeedResourceMatches } from '../projects/queries';

/** How much of a resource: 3人, ¥5000.00, or nothing. */
function amountOf(r: MatchedResource['resource']): string {
  if (r.kind === 'funds' && r.amountFen !== null) return ` · ¥${(r.amountFen / 100).toFixed(2)}`;
  return r.quantity !== null ? ` · ${r.quantity}${r.unit ?? ''}` : '';
}

const OPEN_STATES: readonly string[] = ['submitted', 'triaged', 'dispatched', 'matched', 'in_service'];

const REASON_COLOR: Record<MatchedResource['reasons'][number]['factor'], string> = {
  category: 'green',
  distance: 'blue',
  availability: 'cyan',
  quantity: 'gold',
};

function Ranked({ needId }: { needId: string }) {
  const { t } = useI18n();
  const q = useNeedResourceMatches(needId);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<MatchedResource>
      aria-label={t('resmatch.table')}
      size="small"
      rowKey={(m) => m.resource.id}
      loading={q.isPending}
      dataSource={q.data?.items ?? []}
      pagination={false}
      scroll={{ x: 560 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resmatch.empty')} /> }}
      columns={[
        {
          title: t('resmatch.resource'),
          key: 'resource',
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{m.resource.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`res.kind.${m.resource.kind}`)} · {m.resource.providerName} · {m.resource.communityName}
                {amountOf(m.resource)}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('resmatch.score'),
          key: 'total',
          width: 90,
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              <span>{m.total}</span>
              <Tag color={m.fit === 'named' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                {t(`resmatch.fit.${m.fit}`)}
              </Tag>
            </Space>
          ),
        },
        {
          title: t('resmatch.reasons'),
          key: 'reasons',
          render: (_, m) => (
            <Tooltip title={m.because}>
              <Space size={[0, 4]} wrap>
                {m.reasons.map((r) => (
                  <Tag key={r.key} color={REASON_COLOR[r.factor]}>
                    {r.text}
                  </Tag>
                ))}
              </Space>
            </Tooltip>
          ),
        },
      ]}
    />
  );
}

export function ResourceMatchPanel({ need }: { need: NeedDetail }) {
  const { t } = useI18n();
  if (!need.canManage || !OPEN_STATES.includes(need.status)) return null;
  return (
    <section aria-label={t('resmatch.title')} style={{ marginTop: 24 }}>
      <h3>{t('resmatch.title')}</h3>
      <Typography.Paragraph type="secondary">{t('resmatch.intro')}</Typography.Paragraph>
      <Ranked needId={need.id} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4 }}>
        {t('resmatch.toProject')}
      </Typography.Paragraph>
      <Space wrap>
        <Link to="/projects">
          <Button size="small">{t('resmatch.openProjects')}</Button>
        </Link>
        <Link to="/resources">
          <Button size="small">{t('resmatch.openResources')}</Button>
        </Link>
      </Space>
    </section>
  );
}
