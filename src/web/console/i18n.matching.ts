// UI strings of the console's matching panel (in the need drawer): ranked volunteers with their reasons and factor
// bars, inviting, invitation statuses and staff confirmation. Merged into i18n.ts (Chinese) and i18n.en.ts
// (English); the English half is typed against the Chinese keys.

export const matchingZh = {
  'match.community': '社区',
};

export const matchingEn: Record<keyof typeof matchingZh, string> = {
  'match.community': 'Community',
};
