// 商品详情 (/mall/items/:id): what it is, who hands it out and where, stock, limits, how long the voucher lasts, my
// balance, and 兑换 → confirm → placeOrder (one idempotency key per confirmation, reused on a retry) → the voucher.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { FormError } from '../../components/FormError';
import { InfoList } from '../../components/InfoList';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { SubPage } from '../../components/SubPage';
import { StockText, useProviderName } from '../../features/mall/ItemCard';
import { formatDistance, KIND_COLOR, KIND_LABEL } from '../../features/mall/labels';
import { useCatalogItem, usePlaceOrder } from '../../features/mall/queries';
import type { CatalogItem, Voucher } from '../../features/mall/types';
import { useKeyedWrite } from '../../features/mall/useKeyedWrite';
import { pickAccount, useMyPoints } from '../../features/points/queries';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/time';

function ItemDetail({ item }: { item: CatalogItem }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const provider = useProviderName();
  const points = useMyPoints();
  const account = points.data ? pickAccount(points.data.filter((a) => a.districtId === item.districtId)) : undefined;
  const balance = points.data ? (account?.balance ?? 0) : undefined;
  const order = usePlaceOrder();
  const write = useKeyedWrite<Voucher>(t('mall.retryBody'));
  const [error, setError] = useState<unknown>(null);

  const soldOut = item.stock !== null && item.stock <= 0;
  const short = balance !== undefined && balance < item.pricePoints;
  const unavailable = item.status !== 'active';

  const onRedeem = async () => {
    setError(null);
    const ok = await Dialog.confirm({
      title: t('mall.confirmTitle'),
      content: t('mall.confirmBody', { n: item.pricePoints, title: item.title }),
      confirmText: t('mall.confirmOk'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    const result = await write.run(item.id, (idempotencyKey) => order.mutateAsync({ itemId: item.id, idempotencyKey }));
    if (result.ok) {
      Toast.show({ icon: 'success', content: t('mall.ordered') });
      void navigate(`/me/vouchers/${encodeURIComponent(result.value.id)}`);
    } else {
      setError(result.error);
      showError(result.error, t);
    }
  };

  let buttonText = t('mall.redeem');
  if (unavailable) buttonText = t('mall.unavailable');
  else if (soldOut) buttonText = t('mall.soldOut');
  else if (short) buttonText = t('mall.notEnough');

  return (
    <>
      <section className="card" aria-labelledby="item-title">
        <div className="detail__head">
          <span className="mall-card__tags">
            <Tag color={KIND_COLOR[item.kind]} fill="outline">
              {t(KIND_LABEL[item.kind])}
            </Tag>
            <Tag color="default" fill="outline">
              {item.category}
            </Tag>
          </span>
          <h2 id="item-title" className="detail__title">
            {item.title}
          </h2>
          <p className="mall-price mall-price--big" data-testid="item-price">
            {item.pricePoints}
            <span className="mall-price__unit">{t('points.unit')}</span>
          </p>
        </div>
        <InfoList
          rows={[
            { label: t('mall.provider'), value: provider(item) },
            { label: t('mall.address'), value: item.merchantAddress, hidden: !item.merchantAddress },
            {
              label: t('mall.distance'),
              value: item.distanceMetres !== null ? formatDistance(item.distanceMetres, t) : null,
              hidden: item.distanceMetres === null,
            },
            { label: t('mall.stock'), value: <StockText stock={item.stock} /> },
            {
              label: t('mall.limit'),
              value: t('mall.limitValue', { n: item.perPersonLimit ?? 0 }),
              hidden: item.perPersonLimit === null,
            },
            { label: t('mall.voucherDays'), value: t('mall.voucherDaysValue', { n: item.voucherDays }) },
            {
              label: t('mall.validUntil'),
              value: item.validUntil ? formatDateTime(item.validUntil, locale) : null,
              hidden: !item.validUntil,
            },
          ]}
        />
        {item.description && <p className="prewrap mt">{item.description}</p>}
      </section>

      <section className="card" aria-labelledby="item-balance">
        <h2 id="item-balance" className="card__title">
          {t('mall.myPoints')}
        </h2>
        <p className="mall-balance" data-testid="item-balance">
          {balance === undefined ? t('common.loading') : t('points.n', { n: balance })}
        </p>
        {short && (
          <p className="form-error" role="alert">
            {t('mall.shortBy', { n: item.pricePoints - (balance ?? 0) })}
          </p>
        )}
        <p className="muted">{t('mall.howItWorks')}</p>
      </section>

      <div className="signup-panel">
        <FormError error={error} />
        <Button
          block
          color="primary"
          size="large"
          disabled={soldOut || short || unavailable || write.pending}
          loading={write.pending}
          onClick={() => void onRedeem()}
        >
          {buttonText}
        </Button>
      </div>
    </>
  );
}

export function ItemPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id } = useParams();
  const item = useCatalogItem(id);

  let body;
  if (item.data) body = <ItemDetail item={item.data} />;
  else if (item.isPending) body = <Loading />;
  else if (item.isError) body = <LoadError error={item.error} onRetry={() => void item.refetch()} />;
  else
    body = (
      <Empty text={t('mall.itemGone')}>
        <Button color="primary" onClick={() => navigate('/mall')}>
          {t('mall.backToMall')}
        </Button>
      </Empty>
    );

  return (
    <SubPage title={t('mall.itemTitle')} backTo="/mall">
      {body}
    </SubPage>
  );
}
