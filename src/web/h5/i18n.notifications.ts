// UI strings of the inbox (消息) of the resident H5. Merged into the dictionaries of i18n.ts and i18n.en.ts.
// The notices' own words come from the server in the chosen language.

export const notificationsZh = {
  'tab.messages': '消息',
  'messages.badge': '{n} 条未读消息',
} as const;

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'tab.messages': 'Messages',
  'messages.badge': '{n} unread messages',
};
