// UI strings of the care registry (关爱台账) the console's first load needs (the menu). Merged into i18n.ts and
// i18n.en.ts; the page strings are in i18n.care.pages.ts.

export const careZh = {
  'nav.care': '关爱台账',
} as const;

export const careEn: Record<keyof typeof careZh, string> = {
  'nav.care': 'Care registry',
};
