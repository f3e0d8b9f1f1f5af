// 新增积分超市商品 / 新增社区服务: a community's own items (merchant offers are published by the merchants).
import { AutoComplete, App, Col, Form, Input, InputNumber, Modal, Radio, Row, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import type { VolunteeringScope } from '../org/scope';
import { useCreateCatalogItem } from './queries';
import { CATEGORY_SUGGESTIONS } from './types';

interface Values {
  communityId?: string;
  title?: string;
  description?: string;
  category?: string;
  pricePoints?: number;
  stock?: number | null;
  perPersonLimit?: number | null;
  voucherDays?: number;
  visibility: 'district' | 'some';
  visibleTo?: string[];
}

export function CatalogItemModal({
  kind,
  scope,
  onClose,
}: {
  kind: 'goods' | 'service' | null;
  scope: VolunteeringScope;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCatalogItem();
  const visibility = Form.useWatch('visibility', form);
  const goods = kind === 'goods';

  useEffect(() => {
    if (kind) {
      form.resetFields();
      form.setFieldsValue({ communityId: scope.onlyCommunityId, voucherDays: goods ? 14 : 30 });
    }
  }, [kind]);

  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const item = await create.mutateAsync({
        kind: kind!,
        communityId: v.communityId!,
        title: v.title!.trim(),
        description: (v.description ?? '').trim(),
        category: v.category!.trim(),
        pricePoints: v.pricePoints!,
        stock: v.stock ?? null,
        perPersonLimit: v.perPersonLimit ?? null,
        voucherDays: v.voucherDays ?? 30,
        visibleTo: v.visibility === 'some' ? (v.visibleTo ?? []) : null,
      });
      message.success(t('mall.c.createdOk', { title: item.title }));
      onClose();
    } catch (err) {
      const fields = [
        'communityId',
        'title',
        'description',
        'category',
        'pricePoints',
        'stock',
        'perPersonLimit',
        'voucherDays',
        'visibleTo',
      ];
      if (!applyFieldErrors(form, err, fields)) message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={kind !== null}
      title={goods ? t('mall.c.addGoods') : t('mall.c.addService')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('mall.c.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="catalog-item" initialValues={{ visibility: 'district' }}>
        <Form.Item
          name="communityId"
          label={t('mall.c.community')}
          rules={[{ required: true, message: t('vol.pickCommunity') }]}
          extra={goods ? t('mall.c.communityHelpGoods') : undefined}
        >
          <TreeSelect
            treeData={scope.communityTree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('vol.pickCommunity')}
            loading={scope.nodesLoading}
            aria-label={t('mall.c.community')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name="title"
              label={t('mall.c.title')}
              rules={[
                { required: true, whitespace: true, message: t('mall.c.titleRequired') },
                { max: 40, message: t('common.maxChars', { n: 40 }) },
              ]}
            >
              <Input
                maxLength={40}
                placeholder={goods ? t('mall.c.titlePlaceholderGoods') : t('mall.c.titlePlaceholderService')}
                data-testid="item-title"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="category"
              label={t('mall.c.category')}
              rules={[
                { required: true, whitespace: true, message: t('mall.c.categoryRequired') },
                { max: 20, message: t('common.maxChars', { n: 20 }) },
              ]}
            >
              <AutoComplete
                options={CATEGORY_SUGGESTIONS[goods ? 'goods' : 'service'].map((c) => ({ value: c }))}
                placeholder={t('mall.c.categoryPlaceholder')}
                aria-label={t('mall.c.category')}
                maxLength={20}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="description"
          label={t('mall.c.description')}
          rules={[{ max: 1000, message: t('common.maxChars', { n: 1000 }) }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={1000}
            showCount
            placeholder={goods ? t('mall.c.descPlaceholderGoods') : t('mall.c.descPlaceholderService')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="pricePoints"
              label={t('mall.c.price')}
              rules={[{ required: true, message: t('mall.c.priceRequired') }]}
            >
              <InputNumber
                min={1}
                max={1_000_000}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('mall.pointsUnit')}
                aria-label={t('mall.c.price')}
                data-testid="item-price"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="stock"
              label={t('mall.c.stock')}
              rules={goods ? [{ required: true, message: t('mall.c.stockRequired') }] : []}
              extra={goods ? undefined : t('mall.c.emptyUnlimited')}
            >
              <InputNumber
                min={0}
                max={1_000_000}
                precision={0}
                style={{ width: '100%' }}
                placeholder={goods ? undefined : t('mall.unlimited')}
                aria-label={t('mall.c.stock')}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="perPersonLimit" label={t('mall.c.limit')} extra={t('mall.c.emptyUnlimited')}>
              <InputNumber
                min={1}
                max={1000}
                precision={0}
                style={{ width: '100%' }}
                placeholder={t('mall.unlimited')}
                aria-label={t('mall.c.limit')}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="voucherDays"
              label={t('mall.c.voucherDays')}
              rules={[{ required: true, message: t('mall.c.voucherDaysRequired') }]}
            >
              <InputNumber
                min={1}
                max={366}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('mall.days')}
                aria-label={t('mall.c.voucherDays')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="visibility" label={t('mall.c.visibleTo')}>
          <Radio.Group
            options={[
              { value: 'district', label: t('mall.c.visibleDistrict') },
              { value: 'some', label: t('mall.c.visibleSome') },
            ]}
          />
        </Form.Item>
        {visibility === 'some' && (
          <Form.Item
            name="visibleTo"
            rules={[{ required: true, type: 'array', min: 1, message: t('mall.c.visibleToRequired') }]}
            extra={t('mall.c.visibleToHelp')}
          >
            <TreeSelect
              multiple
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_CHILD}
              treeData={scope.communityTree}
              treeDefaultExpandAll
              placeholder={t('mall.c.visibleToPlaceholder')}
              aria-label={t('mall.c.visibleTo')}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
