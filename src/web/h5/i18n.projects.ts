// UI strings of the H5 suggestion box (意见箱), its public list (意见公示) and the partner contacts' claim page
// (共建认领). Merged into the dictionaries of i18n.ts / i18n.en.ts.

export const projectsZh = {
  'home.suggestSection': '意见箱',
  'sug.tile.box': '我要提意见',
  'sug.tile.public': '意见公示',
  'sug.tile.partner': '共建认领',
} as const;

export const projectsEn: Record<keyof typeof projectsZh, string> = {
  'home.suggestSection': 'Suggestion box',
  'sug.tile.box': 'Make a suggestion',
  'sug.tile.public': 'Answers',
  'sug.tile.partner': 'Claim projects',
};
