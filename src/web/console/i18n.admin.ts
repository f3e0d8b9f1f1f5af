// UI strings of the admin tools in the staff console: bulk review filters, password reset, service recorded after
// the fact (补记). Merged into the dictionaries of i18n.ts and i18n.en.ts.

export const adminZh = {
  'nav.pastService': '补记服务',

  'login.mustChangeTitle': '请设置新密码',
  'login.mustChangeNote':
    '您正在使用临时密码（由上级管理员重置，或开通新区时生成）。请先设置只有您自己知道的新密码，然后才能使用管理后台。',
  'login.temporaryPassword': '临时密码',
  'login.newPassword': '新密码',
  'login.confirmPassword': '再次输入新密码',
  'login.passwordRule': '8 至 128 位，须同时包含字母和数字（16 位以上的长句不限）；不能用常见密码或手机号',
  'login.passwordMismatch': '两次输入的新密码不一致',
  'login.setPassword': '设置新密码并进入',
} as const;

export const adminEn: Record<keyof typeof adminZh, string> = {
  'nav.pastService': 'Past service',

  'login.mustChangeTitle': 'Set a new password',
  'login.mustChangeNote':
    'You signed in with a temporary password (reset by an admin, or created with a new district). Set a new password only you know before using the console.',
  'login.temporaryPassword': 'Temporary password',
  'login.newPassword': 'New password',
  'login.confirmPassword': 'New password again',
  'login.passwordRule':
    '8–128 characters with letters and digits (or a passphrase of 16+); not a common password or your phone',
  'login.passwordMismatch': 'The two new passwords differ',
  'login.setPassword': 'Set the new password and continue',
};
