// UI strings of the admin tools in the staff console: bulk review filters, password reset, service recorded after
// the fact (补记). Merged into the dictionaries of i18n.ts and i18n.en.ts.

export const adminZh = {
  'vol.filterTeam': '按服务队筛选',
  'vol.appliedRange': '申请日期',
  'vol.reviewAllOrNothing': '所选申请一并处理：其中任何一条不能处理时，全部保持不变',

  'people.resetPassword': '重置密码',
  'people.resetConfirmTitle': '为 {name} 重置密码？',
  'people.resetConfirm': '将生成一次性临时密码，此人的所有登录随即退出；下次登录须先修改密码。此操作记入审计日志。',
  'people.resetDoneTitle': '临时密码（只显示这一次）',
  'people.resetDoneHint': '请当面或电话告知本人，不要通过他人转交；本人用它登录后须立即设置新密码。',
  'people.copy': '复制',
  'people.copied': '已复制',

  'nav.pastService': '补记服务',
  'past.title': '补记服务（系统外的服务）',
  'past.intro':
    '夜间帮助、骑手顺手办的小事、纸质台账里的历史服务等未在系统中发布活动的服务，可由社区工作人员事后补记。补记记录标注为“事后补记”，同样经确认、验收后才计入服务时长和积分，并受每日时长上限约束。',
  'past.volunteer': '志愿者',
  'past.volunteerPlaceholder': '输入姓名或手机号查找',
  'past.community': '服务所在社区',
  'past.date': '服务日期',
  'past.minutes': '时长（分钟）',
  'past.category': '服务类别',
  'past.place': '服务地点',
  'past.content': '服务内容',
  'past.vouchedBy': '证明人',
  'past.vouchedByHint': '姓名及联系方式，如：李四（楼长）13900000000',
  'past.submit': '补记',
  'past.done': '已补记 {minutes} 分钟，待确认',
  'past.capped': '已按每日上限记为 {minutes} 分钟（申报 {asked} 分钟），待确认',
  'past.required': '请填写{field}',
  'past.import': '从 Excel 批量补记',
  'past.template': '下载模板',
  'past.pickFile': '选择 .xlsx 文件',
  'past.importing': '正在导入…',
  'past.imported': '已导入 {created} 条，跳过空行 {skipped} 行',
  'past.rowErrors': '{count} 行未导入（改正后只需再导入这些行）',
  'past.row': '第 {row} 行',
  'past.pickCommunityFirst': '请先选择社区',
  'past.afterTheFact': '事后补记',

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
  'vol.filterTeam': 'Filter by team',
  'vol.appliedRange': 'Applied between',
  'vol.reviewAllOrNothing': 'The selected applications are decided together: if any one cannot be, none changes',

  'people.resetPassword': 'Reset password',
  'people.resetConfirmTitle': 'Reset the password of {name}?',
  'people.resetConfirm':
    'A one-time password is created and every session of this person ends; they must set a new password at the next login. This is recorded in the audit log.',
  'people.resetDoneTitle': 'One-time password (shown only now)',
  'people.resetDoneHint':
    'Tell the person directly (in person or by phone); they must set a new password right after logging in with it.',
  'people.copy': 'Copy',
  'people.copied': 'Copied',

  'nav.pastService': 'Past service',
  'past.title': 'Service recorded after the fact',
  'past.intro':
    'Service that had no activity in the system — help at night, a rider’s errand, history from the paper ledger — can be recorded by community staff afterwards. Such records are marked “recorded after the fact”, count only once confirmed and accepted, and are subject to the daily limit.',
  'past.volunteer': 'Volunteer',
  'past.volunteerPlaceholder': 'Type a name or phone number',
  'past.community': 'Community where it happened',
  'past.date': 'Date',
  'past.minutes': 'Minutes',
  'past.category': 'Category',
  'past.place': 'Place',
  'past.content': 'What was done',
  'past.vouchedBy': 'Who can vouch',
  'past.vouchedByHint': 'Name and how to reach them, e.g. Li Si (building head) 13900000000',
  'past.submit': 'Record',
  'past.done': '{minutes} minutes recorded, awaiting confirmation',
  'past.capped': 'Recorded as {minutes} minutes under the daily limit ({asked} asked), awaiting confirmation',
  'past.required': 'Please fill in {field}',
  'past.import': 'Record many from Excel',
  'past.template': 'Download template',
  'past.pickFile': 'Choose an .xlsx file',
  'past.importing': 'Importing…',
  'past.imported': '{created} imported, {skipped} empty rows skipped',
  'past.rowErrors': '{count} rows not imported (fix them and import only those rows again)',
  'past.row': 'Row {row}',
  'past.pickCommunityFirst': 'Pick a community first',
  'past.afterTheFact': 'Recorded after the fact',

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
