// One catalog item in the mall list: title, kind, where to get it (merchant or the community), distance, price in
// points, stock left.
import { Link } from 'react-router';
import { Tag } from 'antd-mobile';
import { EnvironmentOutline, ShopbagOutline } from 'antd-mobile-icons';
import { useI18n } from '../../i18n';
import { formatDistance, KIND_COLOR, KIND_LABEL } from './labels';
import type { CatalogItem } from './types';

/** Who hands the item out: the merchant, else the community's supermarket or service. */
export function useProviderName() {
  const { t } = useI18n();
  return (item: Pick<CatalogItem, 'kind' | 'merchantName'>) =>
    item.merchantName ?? (item.kind === 'service' ? t('mall.providerService') : t('mall.providerSupermarket'));
}

export function StockText({ stock }: { stock: number | null }) {
  const { t } = useI18n();
  if (stock === null) return <span className="mall-stock">{t('mall.stockUnlimited')}</span>;
  if (stock <= 0) return <span className="mall-stock mall-stock--out">{t('mall.soldOut')}</span>;
  return (
    <span className={`mall-stock${stock <= 5 ? ' mall-stock--low' : ''}`}>{t('mall.stockLeft', { n: stock })}</span>
  );
}

export function ItemCard({ item }: { item: CatalogItem }) {
  const { t } = useI18n();
  const provider = useProviderName();
  return (
    <Link className="mall-card" to={`/mall/items/${encodeURIComponent(item.id)}`} aria-label={item.title}>
      <div className="mall-card__top">
        <h3 className="mall-card__title">{item.title}</h3>
        <Tag color={KIND_COLOR[item.kind]} fill="outline" className="mall-card__kind">
          {t(KIND_LABEL[item.kind])}
        </Tag>
      </div>
      <p className="mall-card__line">
        <ShopbagOutline aria-hidden="true" />
        <span>{provider(item)}</span>
      </p>
      {item.distanceMetres !== null && (
        <p className="mall-card__line" data-testid="item-distance">
          <EnvironmentOutline aria-hidden="true" />
          <span>{formatDistance(item.distanceMetres, t)}</span>
        </p>
      )}
      <div className="mall-card__bottom">
        <span className="mall-price">
          {item.pricePoints}
          <span className="mall-price__unit">{t('points.unit')}</span>
        </span>
        <StockText stock={item.stock} />
        <Tag color="default" fill="outline">
          {item.category}
        </Tag>
      </div>
    </Link>
  );
}
