// Demo mall: a filed barber shop with a haircut offer (merchant staff 13800000008), supermarket goods in 燕岭社区.
import type { Deps } from '../../platform/context.js';
import { authenticate, login } from '../accounts/index.js';
import { applyMerchant, createCatalogItem, fileMerchant, reviewMerchant } from '../mall/index.js';

async function actor(deps: Deps, phone: string, password: string) {
  const s = await login(deps, { phone, password });
  return (await authenticate(deps, s.token, null))!.actor;
}

/** Adds the demo merchant and catalog. */
export async function seedMall(deps: Deps, password: string, communityId: string): Promise<void> {
  const shop = await actor(deps, '13800000008', password);
  const admin = await actor(deps, '13800000002', password);
  const street = await actor(deps, '13800000003', password);
  const m = await applyMerchant(deps, shop, {
    communityId,
    name: '钱师傅理发店',
    licenceNo: '91420100MA4K0001XY',
    address: '燕岭社区商业街 12 号',
    lat: 30.6205,
    lng: 114.1401,
    category: '理发美容',
    offerSummary: '60 岁以上老人凭积分免费理发',
    contactName: '钱德福',
    contactPhone: '13800000008',
  });
  await reviewMerchant(deps, admin, m.id, { decision: 'approve' });
  await fileMerchant(deps, street, m.id, { fenPerPoint: 10, fundName: '东湖街道慈善冠名基金' });
  await createCatalogItem(deps, shop, {
    kind: 'offer',
    merchantId: m.id,
    title: '老人免费理发一次',
    description: '凭券到店理发一次（洗剪吹），限本人使用。',
    category: '生活服务',
    pricePoints: 20,
    perPersonLimit: 2,
    voucherDays: 30,
  });
  for (const g of [
    { title: '食用油 1.8L', category: '粮油', pricePoints: 50, stock: 30 },
    { title: '洗衣液 2kg', category: '日用品', pricePoints: 30, stock: 40 },
    { title: '挂面 1kg', category: '粮油', pricePoints: 10, stock: 100 },
  ]) {
    await createCatalogItem(deps, admin, {
      kind: 'goods',
      communityId,
      description: '积分超市现场领取',
      voucherDays: 14,
      perPersonLimit: 3,
      ...g,
    });
  }
  await createCatalogItem(deps, admin, {
    kind: 'service',
    communityId,
    title: '老年大学书法课名额',
    description: '每周三下午，共 8 次课。',
    category: '课程',
    pricePoints: 15,
    stock: 20,
    perPersonLimit: 1,
  });
}
