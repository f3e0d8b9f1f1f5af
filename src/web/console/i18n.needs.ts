// UI strings of the console's needs board (需求看板), its drawer with triage, and the proxy form (代录需求). Merged
// into i18n.ts (Chinese) and i18n.en.ts (English); the English half is typed against the Chinese keys.

export const needsZh = {
  'nav.needs': '需求看板',
} as const;

export const needsEn: Record<keyof typeof needsZh, string> = {
  'nav.needs': 'Needs board',
};
