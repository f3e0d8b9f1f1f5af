// Strings of 我的 → 个人信息 (the person's own data, the download of it and closing the account), lazily loaded
// with the page (i18n.pages.ts); the English half travels in the English chunk.

export const privacyPagesZh = {
  'privacy.title': '个人信息',
  'privacy.intro': '这里是平台保存的您本人的信息。您可以查看、下载，也可以注销账号。',
  'privacy.mine': '我的信息',
  'privacy.phone': '手机号',
  'privacy.realName': '姓名',
  'privacy.idNumber': '身份证号',
  'privacy.reveal': '显示完整',
  'privacy.hide': '隐藏',
  'privacy.held': '平台保存的内容',
  'privacy.download': '下载我的数据（Excel）',
  'privacy.downloadJson': '下载 JSON',
  'privacy.downloadNote':
    '包括资料、角色、志愿者档案、报名、服务记录、积分账户和流水、兑换、需求、建议、消息、登录记录和与您有关的操作记录。每次下载都会记录在案。',
  'privacy.close': '注销账号',
  'privacy.closeTitle': '注销账号',
  'privacy.closeErased':
    '将被删除：姓名、手机号、身份证号、所在社区、志愿者档案中的个人信息；所有登录随即失效，角色终止，尚未开始的活动报名取消，未处理的需求撤回。',
  'privacy.closeKept':
    '将被保留（以“已注销用户”化名显示）：积分流水、服务记录和证书，它们是公示账本和他人记录的一部分，不能更改。',
  'privacy.closePoints': '剩余积分按本区规则处理（默认转入您所在社区的公益基金）。',
  'privacy.closeIrreversible': '注销后无法恢复。该手机号可以重新注册，但会是一个新账号。',
  'privacy.password': '当前密码',
  'privacy.passwordRequired': '请输入当前密码',
  'privacy.confirmLabel': '请输入“注销”两个字确认',
  'privacy.confirmPhrase': '注销',
  'privacy.confirmMismatch': '请输入“注销”',
  'privacy.closeSubmit': '确认注销',
  'privacy.closed': '账号已注销',
} as const;

export const privacyPagesEn: Record<keyof typeof privacyPagesZh, string> = {
  'privacy.title': 'Personal information',
  'privacy.intro': 'What the platform keeps about you. You may look at it, download it, or close your account.',
  'privacy.mine': 'My details',
  'privacy.phone': 'Mobile',
  'privacy.realName': 'Name',
  'privacy.idNumber': 'ID number',
  'privacy.reveal': 'Show',
  'privacy.hide': 'Hide',
  'privacy.held': 'What is kept',
  'privacy.download': 'Download my data (Excel)',
  'privacy.downloadJson': 'Download JSON',
  'privacy.downloadNote':
    'Profile, roles, volunteer record, sign-ups, service records, points and journals, vouchers, requests, suggestions, messages, sign-ins and the actions about you. Every download is recorded.',
  'privacy.close': 'Close my account',
  'privacy.closeTitle': 'Close my account',
  'privacy.closeErased':
    'Erased: your name, mobile, ID number, community and the personal details of your volunteer record; every sign-in ends, roles end, sign-ups for activities not yet started are cancelled, open requests are withdrawn.',
  'privacy.closeKept':
    'Kept (shown under the pseudonym 已注销用户…): point journals, service records and certificates — they belong to the public ledger and other people’s records and cannot change.',
  'privacy.closePoints': 'Points left go where the district’s rule says (by default, your community’s fund).',
  'privacy.closeIrreversible': 'This cannot be undone. The mobile number may register again, as a new account.',
  'privacy.password': 'Current password',
  'privacy.passwordRequired': 'Enter your current password',
  'privacy.confirmLabel': 'Type 注销 to confirm',
  'privacy.confirmPhrase': '注销',
  'privacy.confirmMismatch': 'Type 注销',
  'privacy.closeSubmit': 'Close my account',
  'privacy.closed': 'Your account is closed',
};
