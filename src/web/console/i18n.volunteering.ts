// UI strings of the volunteering pages of the staff console (志愿者、服务队、活动、验收、设置).
// Merged into the dictionaries of i18n.ts; kept apart only to keep each file readable.

export const volunteeringZh = {
  'nav.volunteers': '志愿者',
  'nav.teams': '服务队',
  'nav.activities': '活动',
  'nav.acceptance': '验收',
  'nav.stars': '星级公示',
  'nav.settings': '设置',
};

export const volunteeringEn: Record<keyof typeof volunteeringZh, string> = {
  'nav.volunteers': 'Volunteers',
  'nav.teams': 'Teams',
  'nav.activities': 'Activities',
  'nav.acceptance': 'Acceptance',
  'nav.stars': 'Star levels',
  'nav.settings': 'Settings',
};
