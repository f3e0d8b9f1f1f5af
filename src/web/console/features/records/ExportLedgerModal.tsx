// 导出服务台账: a community or a team, and optionally a date range (China dates).
import { Form, Modal, Radio, Select, TreeSelect, DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { useDownload } from '../../lib/download';
import type { VolunteeringScope } from '../org/scope';
import { useTeamOptions } from '../teams/queries';
import { ledgerExportUrl } from './queries';

interface Values {
  by: 'community' | 'team';
  communityId?: string;
  teamId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function ExportLedgerModal({
  open,
  scope,
  defaults,
  onClose,
}: {
  open: boolean;
  scope: VolunteeringScope;
  defaults: { communityId?: string; teamId?: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form);
  const teams = useTeamOptions({ districtId: scope.districtId ?? undefined }, open && !!scope.districtId);
  const { download, busy } = useDownload();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        by: defaults.teamId ? 'team' : 'community',
        communityId: defaults.communityId ?? scope.onlyCommunityId,
        teamId: defaults.teamId,
        range: null,
      });
  }, [open]);

  const onOk = async () => {
    const v = await form.validateFields();
    const from = v.range?.[0]?.format('YYYY-MM-DD');
    const to = v.range?.[1]?.format('YYYY-MM-DD');
    const url = ledgerExportUrl(v.by === 'team' ? { teamId: v.teamId } : { communityId: v.communityId }, from, to);
    if (await download(url, '服务台账.xlsx', 'ledger')) onClose();
  };

  return (
    <Modal
      open={open}
      title={t('rec.exportTitle')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('rec.exportOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy === 'ledger'}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" name="export-ledger">
        <Form.Item name="by" label={t('rec.exportBy')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'community', label: t('rec.byCommunity') },
              { value: 'team', label: t('rec.byTeam') },
            ]}
          />
        </Form.Item>
        {by === 'team' ? (
          <Form.Item name="teamId" label={t('act.team')} rules={[{ required: true, message: t('rec.pickTeam') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={teams.isPending}
              placeholder={t('rec.pickTeam')}
              options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: `${tm.name}（${tm.communityName}）` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="communityId"
            label={t('vol.community')}
            rules={[{ required: true, message: t('vol.pickCommunity') }]}
          >
            <TreeSelect
              treeData={scope.communityTree}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={t('vol.pickCommunity')}
            />
          </Form.Item>
        )}
        <Form.Item name="range" label={t('rec.exportRange')} extra={t('rec.exportRangeHelp')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
