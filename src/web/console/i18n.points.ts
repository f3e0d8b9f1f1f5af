// UI strings of the points-bank pages of the staff console (积分账户、流水与冲正、共建贡献、规则、年度汇总、核验).
// Merged into the dictionaries of i18n.ts; kept apart only to keep each file readable.

export const pointsZh = {
  'nav.points': '积分',
  'nav.pointsAccounts': '积分账户',
  'nav.pointsJournals': '积分流水',
  'nav.pointsContributions': '共建贡献',
  'nav.pointsRules': '积分规则',
  'nav.pointsYearSummary': '年度汇总',
  'nav.pointsVerification': '账本核验',
};

export const pointsEn: Record<keyof typeof pointsZh, string> = {
  'nav.points': 'Points',
  'nav.pointsAccounts': 'Accounts',
  'nav.pointsJournals': 'Journals',
  'nav.pointsContributions': 'Contributions',
  'nav.pointsRules': 'Rules',
  'nav.pointsYearSummary': 'Year summary',
  'nav.pointsVerification': 'Verification',
};
