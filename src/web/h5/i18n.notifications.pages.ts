// Strings of the notifications part that only lazily loaded pages use: not in the first load. Registered when a page group
// loads (i18n.pages.ts); the English halves travel in the English chunk with the rest.
import type { notificationsZh } from './i18n.notifications';

export const notificationsPagesZh = {
  'messages.title': '消息',
  'messages.readAll': '全部已读',
  'messages.readAllDone': '已全部标为已读',
  'messages.empty': '暂时没有消息。社区审核、活动变动和提醒都会在这里告诉您。',
  'messages.unread': '未读',
  'messages.settings': '消息设置',
  'messages.settingsNote': '关闭后，这一类消息不再通知您。标着“必收”的消息关系到您的安排，不能关闭。',
  'messages.mustReceive': '必收',
  'messages.saved': '已保存',
};

export const notificationsPagesEn: Record<keyof typeof notificationsPagesZh, string> = {
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
};

/** Every key of the notifications part: the first load's and the lazy pages'. */
export type NotificationsKeys = keyof typeof notificationsZh | keyof typeof notificationsPagesZh;
