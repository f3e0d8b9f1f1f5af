// UI strings of the console's 随手拍 menu entry: the only one in the first load. Merged into i18n.ts (Chinese) and
// i18n.en.ts (English); the board's and drawer's strings are in i18n.reports.pages.ts.

export const reportsZh = {
  'nav.reports': '随手拍',
} as const;

export const reportsEn: Record<keyof typeof reportsZh, string> = {
  'nav.reports': 'Grid reports',
};
