// UI strings of the points-mall pages of the staff console (商户联盟、商品管理、结算、核销统计).
// Merged into the dictionaries of i18n.ts; kept apart only to keep each file readable.

export const mallZh = {
  'nav.mall': '商城与商户',
  'nav.mallMerchants': '商户联盟',
  'nav.mallCatalog': '商品管理',
  'nav.mallStatements': '结算',
  'nav.mallStats': '核销统计',
};

export const mallEn: Record<keyof typeof mallZh, string> = {
  'nav.mall': 'Mall & merchants',
  'nav.mallMerchants': 'Merchant alliance',
  'nav.mallCatalog': 'Catalog',
  'nav.mallStatements': 'Settlement',
  'nav.mallStats': 'Redemption stats',
};
