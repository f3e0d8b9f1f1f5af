// UI strings of the 随手拍 (grid reports) entries on 首页: the only ones in the first load. Merged into the
// dictionaries of i18n.ts (Chinese) and i18n.en.ts (English); the pages' strings are in i18n.reports.pages.ts.

export const reportsZh = {
  'home.reportsSection': '随手拍',
  'home.newReport': '拍照反映',
  'home.myReports': '我的随手拍',
  'home.reportBoard': '公开栏',
} as const;

export const reportsEn: Record<keyof typeof reportsZh, string> = {
  'home.reportsSection': 'Report a problem',
  'home.newReport': 'Snap & report',
  'home.myReports': 'My reports',
  'home.reportBoard': 'Public board',
};
