// UI strings of mediation (调解) the console's first load needs (the menu). Merged into i18n.ts and i18n.en.ts; the
// page strings are in i18n.mediation.pages.ts.

export const mediationZh = {
  'nav.mediation': '调解',
} as const;

export const mediationEn: Record<keyof typeof mediationZh, string> = {
  'nav.mediation': 'Mediation',
};
