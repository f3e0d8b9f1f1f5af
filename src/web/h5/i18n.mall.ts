// UI strings of the points mall part of the resident H5 (积分商城、兑换券、商户工作台、核销、月度结算、商户入驻).
// Merged into the dictionaries of i18n.ts; kept apart only to keep each file readable.

export const mallZh = {
  'tab.mall': '商城',

  'home.mallSection': '积分商城',
  'home.mall': '积分商城',
  'home.vouchers': '我的兑换券',
  'home.vouchersUsable': '{n} 张可用',
  'home.vouchersMany': '{n}+ 张可用',
  'home.merchantDesk': '商户工作台',

  'join.title': '商户入驻申请',
} as const;

export type MallKey = keyof typeof mallZh;

export const mallEn: Record<MallKey, string> = {
  'tab.mall': 'Mall',

  'home.mallSection': 'Points mall',
  'home.mall': 'Points mall',
  'home.vouchers': 'My vouchers',
  'home.vouchersUsable': '{n} to use',
  'home.vouchersMany': '{n}+ to use',
  'home.merchantDesk': 'Merchant desk',

  'join.title': 'Join the merchant alliance',
};
