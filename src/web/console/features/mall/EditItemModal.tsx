// 编辑商品: price, stock and per-person limit (empty = unlimited).
import { App, Col, Form, InputNumber, Modal, Row, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useUpdateCatalogItem } from './queries';
import type { CatalogItem, CatalogItemPatch } from './types';

interface Values {
  pricePoints?: number;
  stock?: number | null;
  perPersonLimit?: number | null;
}

export function EditItemModal({
  item,
  onClose,
  onSaved,
}: {
  item: CatalogItem | null;
  onClose: () => void;
  onSaved: (it: CatalogItem) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCatalogItem();

  const onOk = async () => {
    const v = await form.validateFields();
    // Only what changed: stock moves with every order, so sending the shown value back could undo orders placed meanwhile.
    const patch: CatalogItemPatch = {};
    if (v.pricePoints !== item!.pricePoints) patch.pricePoints = v.pricePoints!;
    if ((v.stock ?? null) !== item!.stock) patch.stock = v.stock ?? null;
    if ((v.perPersonLimit ?? null) !== item!.perPersonLimit) patch.perPersonLimit = v.perPersonLimit ?? null;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    try {
      const saved = await update.mutateAsync({ id: item!.id, ...patch });
      message.success(t('common.saved'));
      onSaved(saved);
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, ['pricePoints', 'stock', 'perPersonLimit'])) message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={item !== null}
      title={item ? t('mall.c.editTitle', { title: item.title }) : ''}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      width={560}
      destroyOnHidden
    >
      {item?.kind === 'offer' && (
        <Typography.Paragraph type="secondary">
          {t('mall.c.editOfferHint', { merchant: item.merchantName ?? '' })}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="edit-item"
        // The modal's body is rebuilt each time it opens, so these are the values of the item being edited.
        initialValues={
          item ? { pricePoints: item.pricePoints, stock: item.stock, perPersonLimit: item.perPersonLimit } : undefined
        }
      >
        <Row gutter={16}>
          <Col span={8}>
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
                data-testid="edit-price"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="stock" label={t('mall.c.stockLeft')} extra={t('mall.c.emptyUnlimited')}>
              <InputNumber
                min={0}
                max={1_000_000}
                precision={0}
                style={{ width: '100%' }}
                placeholder={t('mall.unlimited')}
                aria-label={t('mall.c.stockLeft')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
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
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('mall.c.editNote')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
