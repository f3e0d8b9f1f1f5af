// Strings of the admin part that only lazily loaded pages use: not in the first load. Registered when a page group
// loads (i18n.pages.ts); the English halves travel in the English chunk with the rest.
import type { adminZh } from './i18n.admin';

export const adminPagesZh = {
  'password.forcedTitle': '请设置新密码',
  'password.forcedNote': '您正在使用工作人员提供的临时密码。为了账号安全，请先设置只有您自己知道的新密码。',
  'field.temporaryPassword': '临时密码',
  'ph.temporaryPassword': '请输入工作人员告诉您的临时密码',
};

export const adminPagesEn: Record<keyof typeof adminPagesZh, string> = {
  'password.forcedTitle': 'Set a new password',
  'password.forcedNote':
    'You signed in with a temporary password from the staff. To keep your account safe, set a new password only you know first.',
  'field.temporaryPassword': 'Temporary password',
  'ph.temporaryPassword': 'The temporary password the staff gave you',
};

/** Every key of the admin part: the first load's and the lazy pages'. */
export type AdminKeys = keyof typeof adminZh | keyof typeof adminPagesZh;
