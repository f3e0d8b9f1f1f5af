// 审计日志: filter the append-only audit trail and read it as words — the server labels each action and target
// type in the UI language and names the actor and target (people masked); the list shows its total.
import { AutoComplete, Button, Card, DatePicker, Form, Input, Space, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { AuditEvent } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useAuditActions, useAuditEvents, type AuditFilter } from './queries';

/** The target's name when the event recorded one and the server found none (e.g. a removed row). */
function detailName(e: AuditEvent): string | null {
  const d = e.details ?? {};
  for (const k of ['name', 'personName', 'nodeName']) {
    const v = d[k];
    if (typeof v === 'string' && v) return v;
  }
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
  const events = useAuditEvents(filter, locale);
  const actions = useAuditActions(locale);
  const rows = useMemo(() => events.data?.pages.flatMap((p) => p.items) ?? [], [events.data]);
  const total = events.data?.pages[0]?.total ?? 0;
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
      <Form<FilterValues>
        form={form}
        layout="inline"
        name="audit-filter"
        onFinish={onFinish}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item label={t('audit.action')} name="action">
          <AutoComplete
            style={{ width: 240 }}
            allowClear
            placeholder={t('audit.actionPlaceholder')}
            options={(actions.data?.items ?? []).map((a) => ({ value: a.action, label: `${a.label}  ${a.action}` }))}
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
                  <Typography.Link onClick={() => filterByActor(e.actorId!)}>
                    {e.actorName ?? e.actorId}
                  </Typography.Link>
                </Tooltip>
              ),
          },
          {
            title: t('audit.action'),
            key: 'action',
            width: 180,
            // The label reads; the code stays on hover for whoever searches by it.
            render: (_, e) => <span title={e.action}>{e.actionLabel}</span>,
          },
          {
            title: t('audit.target'),
            key: 'target',
            render: (_, e) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text type="secondary">{e.targetTypeLabel}</Typography.Text>
                {(e.targetName ?? detailName(e)) && (
                  <span style={{ marginInlineStart: 6 }}>{e.targetName ?? detailName(e)}</span>
                )}
                {e.targetId && !e.targetName && (
                  <span style={{ marginInlineStart: 6 }}>
                    <ShortId id={e.targetId} />
                  </span>
                )}
              </span>
            ),
          },
          {
            title: t('audit.scope'),
            dataIndex: 'scopeNodeName',
            width: 130,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('audit.requestId'),
            dataIndex: 'requestId',
            width: 150,
            render: (v: string | null) => (v ? <ShortId id={v} /> : t('common.none')),
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="audit-total">
          {t('common.totalOf', { total, count: rows.length })}
        </Typography.Text>
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
