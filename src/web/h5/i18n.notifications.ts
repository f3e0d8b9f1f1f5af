// UI strings of the inbox (消息) of the resident H5. Merged into the dictionaries of i18n.ts and i18n.en.ts.
// The notices' own words come from the server in the chosen language.

export const notificationsZh = {
  'tab.messages': '消息',
  'messages.title': '消息',
  'messages.readAll': '全部已读',
  'messages.readAllDone': '已全部标为已读',
  'messages.empty': '暂时没有消息。社区审核、活动变动和提醒都会在这里告诉您。',
  'messages.unread': '未读',
  'messages.settings': '消息设置',
  'messages.settingsNote': '关闭后，这一类消息不再通知您。标着“必收”的消息关系到您的安排，不能关闭。',
  'messages.mustReceive': '必收',
  'messages.saved': '已保存',
  'messages.badge': '{n} 条未读消息',
} as const;

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'tab.messages': 'Messages',
  'messages.title': 'Messages',
  'messages.readAll': 'Mark all read',
  'messages.readAllDone': 'All marked read',
  'messages.empty': 'No messages yet. Reviews, activity changes and reminders will show up here.',
  'messages.unread': 'Unread',
  'messages.settings': 'Message settings',
  'messages.settingsNote':
    'Switch a kind off and you will not be told about it. Kinds marked “always” concern your plans and stay on.',
  'messages.mustReceive': 'Always',
  'messages.saved': 'Saved',
  'messages.badge': '{n} unread messages',
};
