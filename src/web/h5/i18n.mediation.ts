// UI strings of mediation (调解) the first load needs (the 首页 tile). Merged into i18n.ts (Chinese) and i18n.en.ts
// (English); the page strings are in i18n.mediation.pages.ts.

export const mediationZh = {
  'home.mediation': '邻里调解',
} as const;

export const mediationEn: Record<keyof typeof mediationZh, string> = {
  'home.mediation': 'Mediation',
};
