// UI strings of the points-bank part of the resident H5 (我的积分、转赠、捐赠、积分公示) and the public volunteer-card check.
// Merged into the dictionaries of i18n.ts; kept apart only to keep each file readable.

export const pointsZh = {
  'home.pointsSection': '公益银行',
  'home.myPoints': '我的积分',
  'home.ledger': '积分公示',
  'me.points': '积分',
  'me.ledger': '积分公示',

  'points.n': '{n} 分',
  'points.give': '转赠与捐赠',
} as const;

export type PointsKey = keyof typeof pointsZh;

export const pointsEn: Record<PointsKey, string> = {
  'home.pointsSection': 'Points bank',
  'home.myPoints': 'My points',
  'home.ledger': 'Public ledger',
  'me.points': 'Points',
  'me.ledger': 'Public ledger',

  'points.n': '{n} pts',
  'points.give': 'Gifts and donations',
};
