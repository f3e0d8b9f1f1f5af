// UI strings of the resident H5 in zh-CN (default) and English; the provider machinery is shared
// (../shared/i18n.tsx). The volunteering strings live in i18n.volunteering.ts, the points-bank ones in
// i18n.points.ts, the points-mall ones in i18n.mall.ts; the Chinese halves are merged here, the English halves in
// i18n.en.ts, which is loaded only when English is chosen. Strings only lazily loaded pages use sit in
// i18n.<area>.pages.ts and arrive with the first lazy page (i18n.pages.ts), outside the first load; a string any
// first-load file uses belongs in i18n.<area>.ts.
import { createElement, type ReactNode } from 'react';
import { createI18n, type I18nValue, type Vars } from '../shared/i18n';
import type { PageMessageKey } from './i18n.pages';
import type { Role } from '../shared/types';
import { mallZh } from './i18n.mall';
import { serviceMapZh } from './i18n.servicemap';
import { pointsZh } from './i18n.points';
import { volunteeringZh } from './i18n.volunteering';
import { adminZh } from './i18n.admin';
import { needsZh } from './i18n.needs';
import { matchingZh } from './i18n.matching';
import { projectsZh } from './i18n.projects';
import { notificationsZh } from './i18n.notifications';
import { mediationZh } from './i18n.mediation';
import { careZh } from './i18n.care';
import { reportsZh } from './i18n.reports';

export type { Locale } from '../shared/i18n';

const baseZh = {
  'app.name': '邻里',
  'app.slogan': '邻里守望 · 志愿同行',
  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.save': '保存',
  'common.saved': '已保存',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.back': '返回',
  'common.notSet': '未填写',
  'common.pleaseSelect': '请选择',
  'common.loadFailed': '加载失败',
  'common.on': '已开启',
  'common.showPassword': '显示密码',
  'common.hidePassword': '隐藏密码',
  'common.off': '已关闭',

  'tab.home': '首页',
  'tab.me': '我的',

  'field.phone': '手机号',
  'field.password': '密码',
  'field.displayName': '称呼',
  'field.newPassword': '新密码',
  'field.confirmPassword': '确认密码',
  'field.currentPassword': '当前密码',
  'field.community': '所在社区',
  'field.realName': '真实姓名',
  'field.idNumber': '身份证号',

  'ph.phone': '请输入手机号',
  'ph.password': '请输入密码',
  'ph.newPassword': '请设置密码',
  'ph.confirmPassword': '请再次输入密码',
  'ph.displayName': '请输入称呼，如“王阿姨”',
  'ph.community': '请选择所在社区',
  'ph.currentPassword': '请输入当前密码',
  'ph.newPassword2': '请输入新密码',
  'ph.confirmNewPassword': '请再次输入新密码',
  'ph.realName': '请输入真实姓名',
  'ph.idNumber': '请输入 18 位身份证号',
  'ph.keepMasked': '已填写：{value}（不修改请留空）',

  'err.phoneRequired': '请输入手机号',
  'err.phoneFormat': '请输入 11 位手机号码',
  'err.passwordRequired': '请输入密码',
  'err.passwordShort': '密码至少 8 位',
  'err.passwordLong': '密码不能超过 128 位',
  'err.passwordWeak': '密码需同时包含字母和数字（或使用 16 位以上的长句）',
  'err.passwordMismatch': '两次输入的密码不一致',
  'err.passwordSame': '新密码不能与当前密码相同',
  'err.displayNameRequired': '请输入称呼',
  'err.displayNameLong': '称呼不能超过 20 个字',
  'err.communityRequired': '请选择所在社区',
  'err.agreeRequired': '请先阅读并同意隐私说明',
  'err.realNameLong': '姓名不能超过 30 个字',
  'err.idNumberFormat': '身份证号应为 18 位（最后一位可以是 X）',
  'err.generic': '操作失败，请稍后重试',

  'login.title': '欢迎来到邻里',
  'login.subtitle': '用手机号登录，参与社区志愿服务',
  'login.submit': '登录',
  'login.noAccount': '还没有账号？',
  'login.toRegister': '立即注册',
  'login.success': '登录成功',

  'register.title': '注册邻里账号',
  'register.subtitle': '加入您所在的社区，一起守望相助',
  'register.submit': '注册',
  'register.hasAccount': '已有账号？',
  'register.toLogin': '去登录',
  'register.agree': '我已阅读并同意',
  'register.privacyLink': '《隐私说明》',
  'register.privacyTitle': '隐私说明',
  'register.privacyBody':
    '邻里只收集为您提供社区志愿服务所必需的信息：手机号（用于登录和联系）、称呼和所在社区。' +
    '真实姓名和身份证号由您自愿填写，仅用于志愿者实名认证，加密保存，在列表中只显示部分号码，' +
    '工作人员查看完整信息会被记录。您可以随时在“我的资料”中修改或清除这些信息。',
  'register.privacyOk': '我知道了',
  'register.noCommunities': '暂无可选社区，注册后可在“我的资料”中设置',
  'register.success': '注册成功',
  'register.passwordHint': '8 位以上，含字母和数字；也可用 16 位以上的一句话。不要用常见密码或手机号',

  'home.greeting': '{name}，您好',
  'home.noCommunity': '还没有设置所在社区',
  'home.setCommunity': '去设置',
  'home.services': '常用功能',
  'home.profile': '我的资料',
  'home.password': '修改密码',
  'home.elder': '长辈模式',
  'home.language': '语言',

  'me.title': '我的',
  'me.realName': '真实姓名',
  'me.idNumber': '身份证号',
  'me.community': '所在社区',
  'me.roles': '我的身份',
  'me.noRoles': '暂无志愿者或工作身份',
  'me.resident': '居民',
  'me.console': '进入工作台',
  'me.consoleHint': '社区工作人员使用',
  'me.editProfile': '编辑资料',
  'me.changePassword': '修改密码',
  'me.privacy': '个人信息（查看、下载、注销）',
  'me.settings': '设置',
  'me.elderMode': '长辈模式',
  'me.elderModeHint': '字更大、颜色更清楚、按钮更好点',
  'me.language': '语言 / Language',
  'me.logout': '退出登录',
  'me.logoutConfirm': '确定要退出登录吗？',
  'me.loggedOut': '已退出登录',

  'profile.title': '我的资料',
  'profile.realNameSection': '实名信息（选填）',
  'profile.realNameNote': '实名信息用于志愿者认证，加密保存，只显示部分号码。',
  'profile.clearRealName': '清除实名信息',
  'profile.clearConfirm': '确定要清除真实姓名和身份证号吗？',
  'profile.cleared': '实名信息已清除',
  'profile.nothingChanged': '没有需要保存的修改',

  'password.title': '修改密码',
  'password.submit': '确认修改',
  'password.success': '密码已修改',
  'password.note': '修改后，其他设备上的登录将会退出。',

  'elder.on': '已开启长辈模式',
  'elder.off': '已关闭长辈模式',
  'lang.zh': '中文',
  'lang.en': 'English',

  'role.volunteer': '志愿者',
  'role.team_leader': '队长',
  'role.social_worker': '社工',
  'role.grid_worker': '网格员',
  'role.community_admin': '社区管理员',
  'role.street_admin': '街道管理员',
  'role.district_admin': '区管理员',
  'role.merchant_staff': '商户',
  'role.partner_contact': '共建单位',
  'role.mediator': '调解员',
  'role.mediation_lead': '调解负责人',
  'role.platform_admin': '平台运营',
} as const;

// Pure (a call, not a bare spread) so the English chunk's copy of this file drops it.
const zhCN = /* @__PURE__ */ (() =>
  ({
    ...baseZh,
    ...volunteeringZh,
    ...pointsZh,
    ...mallZh,
    ...serviceMapZh,
    ...adminZh,
    ...notificationsZh,
    ...mediationZh,
    ...careZh,
    ...needsZh,
    ...matchingZh,
    ...projectsZh,
    ...reportsZh,
  }) as const)();

export type MessageKey = keyof typeof zhCN | PageMessageKey;

/** English base strings; bundled into the English chunk only (see i18n.en.ts). */
export const baseEn: Record<keyof typeof baseZh, string> = {
  'app.name': 'Linli',
  'app.slogan': 'Neighbours helping neighbours',
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.save': 'Save',
  'common.saved': 'Saved',
  'common.cancel': 'Cancel',
  'common.confirm': 'OK',
  'common.back': 'Back',
  'common.notSet': 'Not provided',
  'common.pleaseSelect': 'Please select',
  'common.loadFailed': 'Failed to load',
  'common.on': 'On',
  'common.showPassword': 'Show password',
  'common.hidePassword': 'Hide password',
  'common.off': 'Off',

  'tab.home': 'Home',
  'tab.me': 'Me',

  'field.phone': 'Mobile',
  'field.password': 'Password',
  'field.displayName': 'Name to call you',
  'field.newPassword': 'New password',
  'field.confirmPassword': 'Confirm password',
  'field.currentPassword': 'Current password',
  'field.community': 'Community',
  'field.realName': 'Legal name',
  'field.idNumber': 'ID card number',

  'ph.phone': 'Enter your mobile number',
  'ph.password': 'Enter your password',
  'ph.newPassword': 'Choose a password',
  'ph.confirmPassword': 'Enter the password again',
  'ph.displayName': 'e.g. Auntie Wang',
  'ph.community': 'Choose your community',
  'ph.currentPassword': 'Enter your current password',
  'ph.newPassword2': 'Enter a new password',
  'ph.confirmNewPassword': 'Enter the new password again',
  'ph.realName': 'Enter your legal name',
  'ph.idNumber': 'Enter your 18-character ID number',
  'ph.keepMasked': 'On file: {value} (leave empty to keep)',

  'err.phoneRequired': 'Please enter your mobile number',
  'err.phoneFormat': 'Please enter an 11-digit mobile number',
  'err.passwordRequired': 'Please enter your password',
  'err.passwordShort': 'The password needs at least 8 characters',
  'err.passwordLong': 'The password can have at most 128 characters',
  'err.passwordWeak': 'The password needs both letters and digits (or use a passphrase of 16+ characters)',
  'err.passwordMismatch': 'The two passwords do not match',
  'err.passwordSame': 'The new password must differ from the current one',
  'err.displayNameRequired': 'Please enter a name to call you',
  'err.displayNameLong': 'The name can have at most 20 characters',
  'err.communityRequired': 'Please choose your community',
  'err.agreeRequired': 'Please read and accept the privacy note first',
  'err.realNameLong': 'The name can have at most 30 characters',
  'err.idNumberFormat': 'The ID number has 18 characters (the last may be X)',
  'err.generic': 'Something went wrong, please retry',

  'login.title': 'Welcome to Linli',
  'login.subtitle': 'Sign in with your mobile number to join community volunteering',
  'login.submit': 'Sign in',
  'login.noAccount': 'No account yet?',
  'login.toRegister': 'Register',
  'login.success': 'Signed in',

  'register.title': 'Create your Linli account',
  'register.subtitle': 'Join your community and look out for each other',
  'register.submit': 'Register',
  'register.hasAccount': 'Already registered?',
  'register.toLogin': 'Sign in',
  'register.agree': 'I have read and accept the',
  'register.privacyLink': ' privacy note',
  'register.privacyTitle': 'Privacy note',
  'register.privacyBody':
    'Linli only collects what it needs to serve you: your mobile number (to sign in and reach you), the name ' +
    'to call you and your community. Your legal name and ID number are optional and used only to verify ' +
    'volunteers; they are stored encrypted, shown partly hidden in lists, and every full view by staff is ' +
    'logged. You can change or clear them at any time under "My profile".',
  'register.privacyOk': 'Got it',
  'register.noCommunities': 'No community to choose yet; you can set it later under "My profile"',
  'register.success': 'Registered',
  'register.passwordHint':
    '8+ characters with letters and digits, or a sentence of 16+; not a common password or your phone',

  'home.greeting': 'Hello, {name}',
  'home.noCommunity': 'Your community is not set yet',
  'home.setCommunity': 'Set it',
  'home.services': 'Services',
  'home.profile': 'My profile',
  'home.password': 'Password',
  'home.elder': 'Elder mode',
  'home.language': 'Language',

  'me.title': 'Me',
  'me.realName': 'Legal name',
  'me.idNumber': 'ID number',
  'me.community': 'Community',
  'me.roles': 'My roles',
  'me.noRoles': 'No volunteer or staff role yet',
  'me.resident': 'Resident',
  'me.console': 'Open staff console',
  'me.consoleHint': 'For community staff',
  'me.editProfile': 'Edit profile',
  'me.changePassword': 'Change password',
  'me.privacy': 'My data (view, download, close account)',
  'me.settings': 'Settings',
  'me.elderMode': 'Elder mode',
  'me.elderModeHint': 'Larger text, clearer colours, bigger buttons',
  'me.language': 'Language / 语言',
  'me.logout': 'Sign out',
  'me.logoutConfirm': 'Sign out now?',
  'me.loggedOut': 'Signed out',

  'profile.title': 'My profile',
  'profile.realNameSection': 'Identity (optional)',
  'profile.realNameNote': 'Used to verify volunteers; stored encrypted and shown partly hidden.',
  'profile.clearRealName': 'Clear identity details',
  'profile.clearConfirm': 'Clear your legal name and ID number?',
  'profile.cleared': 'Identity details cleared',
  'profile.nothingChanged': 'Nothing to save',

  'password.title': 'Change password',
  'password.submit': 'Change password',
  'password.success': 'Password changed',
  'password.note': 'Your other devices will be signed out.',

  'elder.on': 'Elder mode is on',
  'elder.off': 'Elder mode is off',
  'lang.zh': '中文',
  'lang.en': 'English',

  'role.volunteer': 'Volunteer',
  'role.team_leader': 'Team leader',
  'role.social_worker': 'Social worker',
  'role.grid_worker': 'Grid worker',
  'role.community_admin': 'Community admin',
  'role.street_admin': 'Street admin',
  'role.district_admin': 'District admin',
  'role.merchant_staff': 'Merchant',
  'role.partner_contact': 'Partner unit',
  'role.mediator': 'Mediator',
  'role.mediation_lead': 'Mediation lead',
  'role.platform_admin': 'Platform operator',
};

export type Translate = (key: MessageKey, vars?: Vars) => string;

// Pure, and read only inside the functions below, so the English chunk's copy of this file
// (see shared/viteEnglishChunk.ts) drops it.
const i18n = /* @__PURE__ */ createI18n<MessageKey>({
  zh: zhCN,
  // i18n.en.ts reads baseEn from its own copy of this file (see shared/viteEnglishChunk.ts): no cycle at run time.
  // eslint-disable-next-line import-x/no-cycle
  loadEn: () => import('./i18n.en').then((m) => m.en),
  storageKey: 'linli.h5.locale',
});

/** Adds the Chinese strings of lazily loaded pages (i18n.pages.ts) when a page group loads. */
export function extendZh(part: Readonly<Partial<Record<MessageKey, string>>>): void {
  i18n.extendZh(part);
}

/** Holds the UI locale for the whole app (and keeps API messages in step). */
export function I18nProvider({ children }: { children: ReactNode }) {
  return createElement(i18n.I18nProvider, null, children);
}

/** The current locale, its translate function and a local switch. */
export function useI18n(): I18nValue<MessageKey> {
  return i18n.useI18n();
}

/** The i18n key of a role's display name. */
export function roleKey(role: Role): MessageKey {
  return `role.${role}`;
}
