// 审计日志: filter the append-only audit trail and read each event's details.
import { AutoComplete, Button, Card, DatePicker, Form, Input, Space, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { AuditEvent } from '../../../shared/types';
import { hasMessage, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useAuditEvents, type AuditFilter } from './queries';

const KNOWN_ACTIONS = [
  'org.create',
  'org.update',
  'org.archive',
  'org.restore',
  'org.move',
  'role.grant',
  'role.revoke',
  'person.reveal',
  'partner.create',
  'partner.update',
  'partner.archive',
  'account.password_change',
  'points.award',
  'points.reverse',
  'points.contribution',
  'points.rules_update',
  'points.summary_export',
];

/** The target's name when the event recorded one, so rows read without opening details. */
function detailName(e: AuditEvent): string | null {
  const d = e.details ?? {};
  for (const k of ['name', 'personName', 'nodeName']) if (typeof d[k] === 'string' && d[k]) return d[k] as string;
  return null;
}

/** A long id cut to its head, full id on hover and copy. */
function ShortId({ id }: { id: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }} copyable={{ text: id }}>
      <span title={id}>{id.length > 12 ? `${id.slice(0, 10)}…` : id}</span>
    </Typography.Text>
  );
}

interface FilterValues {
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  actorId?: string;
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const events = useAuditEvents(filter);
  const rows = useMemo(() => events.data?.pages.flatMap((p) => p.items) ?? [], [events.data]);

  const actionLabel = (action: string) => {
    const key = `audit.a.${action}`;
    return hasMessage(key) ? t(key) : null;
  };
  const targetLabel = (type: string) => {
    const key = `audit.t.${type}`;
    return hasMessage(key) ? t(key) : type;
  };
  const filterByActor = (actorId: string) => {
    form.setFieldValue('actorId', actorId);
    setFilter((f) => ({ ...f, actorId }));
  };

  const onFinish = (v: FilterValues) =>
    setFilter({
      action: v.action?.trim() || undefined,
      actorId: v.actorId?.trim() || undefined,
      // Whole local days, so "today" includes everything that happened today here.
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });

  return (
    <Card title={t('nav.audit')}>
      <Form<FilterValues> form={form} layout="inline" name="audit-filter" onFinish={onFinish} style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item label={t('audit.action')} name="action">
          <AutoComplete
            style={{ width: 240 }}
            allowClear
            placeholder={t('audit.actionPlaceholder')}
            options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a) ?? a}  ${a}` }))}
            showSearch={{
              filterOption: (input, option) =>
                !!option && String(option.label).toLowerCase().includes(input.toLowerCase()),
            }}
          />
        </Form.Item>
        <Form.Item label={t('audit.range')} name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item label={t('audit.actorId')} name="actorId">
          <Input style={{ width: 200 }} allowClear placeholder={t('audit.actorIdPlaceholder')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditEvent>
        aria-label={t('audit.table')}
        size="middle"
        rowKey="id"
        loading={events.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: events.isError ? errorMessage(events.error) : t('audit.empty') }}
        expandable={{
          expandedRowRender: (e) => (
            <div>
              <Typography.Text type="secondary">{t('audit.details')}</Typography.Text>
              <pre className="linli-json">{JSON.stringify(e.details, null, 2)}</pre>
            </div>
          ),
          rowExpandable: (e) => !!e.details && Object.keys(e.details).length > 0,
        }}
        columns={[
          { title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('audit.actor'),
            key: 'actor',
            width: 120,
            render: (_, e) =>
              !e.actorId || e.actorId === 'system' ? (
                <Typography.Text type="secondary">{e.actorName ?? t('audit.system')}</Typography.Text>
              ) : (
                <Tooltip title={t('audit.filterActor')}>
                  <Typography.Link onClick={() => filterByActor(e.actorId!)}>{e.actorName ?? e.actorId}</Typography.Link>
                </Tooltip>
              ),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 220,
            render: (a: string) => {
              const label = actionLabel(a);
              return label ? (
                <span title={a}>
                  {label}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a}
                  </Typography.Text>
                </span>
              ) : (
                a
              );
            },
          },
          {
            title: t('audit.target'),
            key: 'target',
            render: (_, e) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text type="secondary">{targetLabel(e.targetType)}</Typography.Text>
                {detailName(e) && <span style={{ marginInlineStart: 6 }}>{detailName(e)}</span>}
                {e.targetId && (
                  <span style={{ marginInlineStart: 6 }}>
                    <ShortId id={e.targetId} />
                  </span>
                )}
              </span>
            ),
          },
          { title: t('audit.scope'), dataIndex: 'scopeNodeName', width: 130, render: (v: string | null) => v ?? t('common.none') },
          {
            title: t('audit.requestId'),
            dataIndex: 'requestId',
            width: 150,
            render: (v: string | null) => (v ? <ShortId id={v} /> : t('common.none')),
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary">{t('common.total', { count: rows.length })}</Typography.Text>
        {events.hasNextPage ? (
          <Button onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>
    </Card>
  );
}
