// The per-row error report of an Excel import (volunteers, service recorded after the fact): which row, and every
// reason it was not written, so the worker can fix those rows in the sheet and import them again.
import { Table, Typography } from 'antd';
import { useI18n } from '../i18n';

export interface ImportRowErrors {
  row: number;
  messages: string[];
}

/** A table of the rows an import refused, ten to a page. */
export function ImportErrorsTable({
  errors,
  rowLabel,
}: {
  errors: ImportRowErrors[];
  rowLabel: (row: number) => string;
}) {
  const { t } = useI18n();
  return (
    <Table
      aria-label={t('vol.import.errorsTable')}
      size="small"
      rowKey="row"
      style={{ marginTop: 12 }}
      dataSource={errors}
      pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        { title: t('vol.import.row'), dataIndex: 'row', width: 90, render: (r: number) => rowLabel(r) },
        {
          title: t('vol.import.messages'),
          dataIndex: 'messages',
          render: (m: string[]) => (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {m.map((x, i) => (
                <li key={i}>
                  <Typography.Text type="danger">{x}</Typography.Text>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
