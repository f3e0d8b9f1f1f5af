// UI strings of the account help pages of the resident H5: a forgotten password, a temporary password to replace.
// Merged into the dictionaries of i18n.ts and i18n.en.ts.

export const adminZh = {
  'login.forgot': '忘记密码？',
  'login.forgotTitle': '忘记密码怎么办',
  'login.forgotBody':
    '请联系您所在社区的工作人员（社区居委会或网格员），核实身份后可为您重置密码。工作人员会告诉您一个临时密码，用它登录后请立即设置新密码。',
  'login.forgotSms': '开通短信服务后，也可以用手机验证码自行找回密码。',
  'login.forgotOk': '知道了',
} as const;

export const adminEn: Record<keyof typeof adminZh, string> = {
  'login.forgot': 'Forgot your password?',
  'login.forgotTitle': 'Forgot your password',
  'login.forgotBody':
    'Ask the staff of your community (the residents’ committee or your grid worker). After checking who you are they can reset your password and tell you a temporary one; sign in with it and set a new password straight away.',
  'login.forgotSms': 'Once SMS is available you will also be able to reset it yourself with a text message code.',
  'login.forgotOk': 'Got it',
};
