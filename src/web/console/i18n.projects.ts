// UI strings of the console's resource, project and suggestion-box pages (资源清单、项目清单、意见箱).
// Merged into the dictionaries of i18n.ts; kept apart only to keep each file readable.

export const projectsZh = {
  'nav.resources': '资源清单',
  'nav.projects': '项目清单',
  'nav.suggestions': '意见箱',
  'sug.answered': '已答复',
} as const;

export const projectsEn: Record<keyof typeof projectsZh, string> = {
  'nav.resources': 'Resources',
  'nav.projects': 'Projects',
  'nav.suggestions': 'Suggestion box',
  'sug.answered': 'Answered',
};
