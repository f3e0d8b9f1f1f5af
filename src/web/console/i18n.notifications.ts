// UI strings of the console's notification bell and drawer. Merged into the dictionaries of i18n.ts and i18n.en.ts.
// The notices' own words come from the server in the chosen language.

export const notificationsZh = {
  'notices.bell': '消息',
  'notices.bellUnread': '消息（{n} 条未读）',
  'notices.title': '我的消息',
  'notices.readAll': '全部已读',
  'notices.readAllDone': '已全部标为已读',
  'notices.markRead': '标为已读',
  'notices.empty': '暂时没有消息。有待审核的申请、待验收的记录时会在这里提醒您。',
  'notices.unread': '未读',
  'notices.open': '去处理',
} as const;

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'notices.bell': 'Messages',
  'notices.bellUnread': 'Messages ({n} unread)',
  'notices.title': 'My messages',
  'notices.readAll': 'Mark all read',
  'notices.readAllDone': 'All marked read',
  'notices.markRead': 'Mark read',
  'notices.empty': 'No messages yet. Applications to review and records to accept will show up here.',
  'notices.unread': 'Unread',
  'notices.open': 'Open',
};
