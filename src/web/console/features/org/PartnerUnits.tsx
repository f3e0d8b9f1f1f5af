// Partner units (共建单位) attached to the selected street or community.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OrgNode, PartnerUnit } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { PHONE_PATTERN } from '../../lib/org';
import {
  PARTNER_CATEGORIES,
  useCreatePartnerUnit,
  usePartnerUnits,
  useUpdatePartnerUnit,
  type PartnerCategory,
} from './queries';

const CATEGORY_COLOR: Record<PartnerCategory, string> = {
  university: 'geekblue',
  hospital: 'cyan',
  company: 'gold',
  party_org: 'red',
  social_org: 'green',
  other: 'default',
};

interface FormValues {
  name: string;
  category: PartnerCategory;
  contactName?: string;
  contactPhone?: string;
}

type Editing = { type: 'create' } | { type: 'edit'; unit: PartnerUnit } | null;

export function PartnerUnits({ node }: { node: OrgNode }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const units = usePartnerUnits(node.id, showArchived);
  const update = useUpdatePartnerUnit();

  const setArchived = (unit: PartnerUnit, archived: boolean) =>
    update.mutateAsync({ id: unit.id, archived }).then(
      () => void message.success(archived ? t('org.archivedOk') : t('org.restoredOk')),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  return (
    <Card
      title={t('partner.title')}
      extra={
        <Space size={16}>
          <label style={{ display: 'flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}>
            <Switch
              size="small"
              checked={showArchived}
              onChange={setShowArchived}
              aria-label={`${t('partner.title')} ${t('common.showArchived')}`}
            />
            <Typography.Text type="secondary">{t('common.showArchived')}</Typography.Text>
          </label>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing({ type: 'create' })}
            disabled={node.archived}
          >
            {t('partner.add')}
          </Button>
        </Space>
      }
    >
      <Table<PartnerUnit>
        aria-label={t('partner.title')}
        size="small"
        rowKey="id"
        loading={units.isLoading}
        dataSource={units.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: units.isError ? errorMessage(units.error) : t('partner.empty') }}
        rowClassName={(u) => (u.archived ? 'linli-row-archived' : '')}
        columns={[
          // The name keeps a readable width; a narrow card scrolls sideways instead of wrapping it a character a line.
          { title: t('partner.name'), dataIndex: 'name', width: 180 },
          {
            title: t('partner.category'),
            dataIndex: 'category',
            width: 130,
            render: (c: PartnerCategory) => <Tag color={CATEGORY_COLOR[c]}>{t(`partner.cat.${c}`)}</Tag>,
          },
          {
            title: t('partner.contactName'),
            dataIndex: 'contactNameMasked',
            width: 120,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('partner.contactPhone'),
            dataIndex: 'contactPhoneMasked',
            width: 140,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('org.status'),
            dataIndex: 'archived',
            width: 90,
            render: (a: boolean) =>
              a ? <Tag>{t('common.archived')}</Tag> : <Tag color="success">{t('common.active')}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            fixed: 'right',
            render: (_, u) => (
              <Space size={4}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing({ type: 'edit', unit: u })}
                  aria-label={`${t('common.edit')} ${u.name}`}
                >
                  {t('common.edit')}
                </Button>
                {u.archived ? (
                  <Button type="link" size="small" onClick={() => void setArchived(u, false)}>
                    {t('common.restore')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('partner.archiveConfirm', { name: u.name })}
                    okText={t('common.archive')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setArchived(u, true)}
                  >
                    <Button type="link" size="small" danger aria-label={`${t('common.archive')} ${u.name}`}>
                      {t('common.archive')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PartnerFormModal node={node} editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function PartnerFormModal({ node, editing, onClose }: { node: OrgNode; editing: Editing; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreatePartnerUnit();
  const update = useUpdatePartnerUnit();
  const unit = editing?.type === 'edit' ? editing.unit : null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    // The contact's name is stored encrypted and listed masked: an empty field on edit keeps it, like the phone.
    if (unit) form.setFieldsValue({ name: unit.name, category: unit.category, contactName: '' });
  }, [editing, unit, form]);

  const onError = (err: unknown) => {
    if (!applyFieldErrors(form, err, ['name', 'category', 'contactName', 'contactPhone']))
      message.error(errorMessage(err));
  };

  const onOk = async () => {
    const v = await form.validateFields();
    const body = {
      name: v.name.trim(),
      category: v.category,
      contactName: v.contactName?.trim() || undefined,
      // The list shows phones masked, so an empty field on edit means "keep the current number".
      contactPhone: v.contactPhone?.trim() || undefined,
    };
    const done = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError,
    };
    if (unit) update.mutate({ id: unit.id, ...body }, done);
    else create.mutate({ nodeId: node.id, ...body }, done);
  };

  return (
    <Modal
      open={editing !== null}
      title={unit ? t('partner.editTitle', { name: unit.name }) : t('partner.addTitle', { node: node.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" name="partner-unit" requiredMark="optional" style={{ marginTop: 16 }}>
        <Form.Item
          label={t('partner.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('partner.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('partner.category')}
          name="category"
          rules={[{ required: true, message: t('partner.categoryRequired') }]}
        >
          <Select options={PARTNER_CATEGORIES.map((c) => ({ value: c, label: t(`partner.cat.${c}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('partner.contactName')}
          name="contactName"
          extra={unit?.contactNameMasked ? t('partner.contactNameKeep', { name: unit.contactNameMasked }) : undefined}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('partner.contactPhone')}
          name="contactPhone"
          extra={
            unit?.contactPhoneMasked ? t('partner.contactPhoneKeep', { phone: unit.contactPhoneMasked }) : undefined
          }
          rules={[{ pattern: PHONE_PATTERN, message: t('partner.phoneInvalid') }]}
        >
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
