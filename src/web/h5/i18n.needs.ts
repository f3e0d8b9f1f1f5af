// UI strings of the needs part of the resident H5 (我有需求、我的需求、需求详情). Merged into the dictionaries of
// i18n.ts (Chinese) and i18n.en.ts (English); the English half is typed against the Chinese keys.

export const needsZh = {
  'home.needsSection': '有事找社区',
  'home.newNeed': '我有需求',
  'home.myNeeds': '我的需求',
} as const;

export const needsEn: Record<keyof typeof needsZh, string> = {
  'home.needsSection': 'Ask the community',
  'home.newNeed': 'I need help',
  'home.myNeeds': 'My requests',
};
