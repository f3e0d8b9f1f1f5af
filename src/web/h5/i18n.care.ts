// UI strings of the care registry (关爱台账) the first load needs (the 首页 tile). Merged into i18n.ts (Chinese) and
// i18n.en.ts (English); the page strings are in i18n.care.pages.ts.

export const careZh = {
  'home.care': '我关照的人',
} as const;

export const careEn: Record<keyof typeof careZh, string> = {
  'home.care': 'People I look after',
};
