// UI strings of the staff console (zh-CN first, English second); the provider machinery is shared
// (../shared/i18n.tsx). The Chinese halves of the dictionaries are merged here, the English halves in i18n.en.ts,
// which is loaded only when English is chosen. Strings only lazily loaded pages use sit in i18n.<area>.pages.ts and
// arrive with the first lazy page (i18n.pages.ts); a string any first-load file uses belongs in i18n.<area>.ts.
import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZh from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createElement, type ReactNode } from 'react';
import { createI18n, type I18nValue, type Locale } from '../shared/i18n';
import type { PageMessageKey } from './i18n.pages';
import { volunteeringZh } from './i18n.volunteering';
import { pointsZh } from './i18n.points';
import { mallZh } from './i18n.mall';
import { serviceMapZh } from './i18n.servicemap';
import { adminZh } from './i18n.admin';
import { needsZh } from './i18n.needs';
import { matchingZh } from './i18n.matching';
import { notificationsZh } from './i18n.notifications';
import { projectsZh } from './i18n.projects';
import { mediationZh } from './i18n.mediation';
import { careZh } from './i18n.care';
import { reportsZh } from './i18n.reports';

export type { Locale } from '../shared/i18n';

const baseZh = {
  'app.title': '邻里 · 管理后台',
  'app.brand': '邻里',
  'app.brandSub': '管理后台',
  'common.loading': '加载中…',
  'common.loadMore': '加载更多',
  'common.noMore': '没有更多了',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.edit': '编辑',
  'common.archive': '归档',
  'common.restore': '恢复',
  'common.archived': '已归档',
  'common.active': '正常',
  'common.actions': '操作',
  'common.search': '查询',
  'common.reset': '重置',
  'common.retry': '重试',
  'common.none': '—',
  'common.saved': '已保存',
  'common.showArchived': '显示已归档',
  'common.loadError': '数据加载失败',
  'common.all': '全部',
  'common.total': '已加载 {count} 条',
  'common.totalOf': '共 {total} 条，已加载 {count} 条',

  'nav.org': '组织架构',
  'nav.people': '人员与角色',
  'nav.audit': '审计日志',
  'nav.menu': '主菜单',

  'header.scope': '工作范围',
  'header.scopeLabel': '工作范围：',
  'header.logout': '退出登录',
  'header.language': '界面语言',
  'header.loggedOut': '已退出登录',

  'login.title': '登录管理后台',
  'login.subtitle': '社区工作人员专用',
  'login.phone': '手机号',
  'login.password': '密码',
  'login.submit': '登录',
  'login.phoneRequired': '请输入手机号',
  'login.phoneInvalid': '请输入 11 位手机号',
  'login.passwordRequired': '请输入密码',
  'login.welcome': '欢迎回来，{name}',

  'noAccess.title': '无管理权限',
  'noAccess.desc':
    '{name}，您的账号暂未被授予管理角色（区、街道、社区管理员，网格员或社工）。如需使用管理后台，请联系上级管理员为您授权。',

  'kind.district': '区',
  'kind.street': '街道',
  'kind.community': '社区',
  'kind.grid': '网格',
  'kind.building': '楼栋',

  'role.volunteer': '志愿者',
  'role.team_leader': '队长',
  'role.social_worker': '社工',
  'role.grid_worker': '网格员',
  'role.community_admin': '社区管理员',
  'role.street_admin': '街道管理员',
  'role.district_admin': '区管理员',
  'role.merchant_staff': '商户',
  'role.partner_contact': '共建单位联系人',
  'role.mediator': '调解员',
  'role.mediation_lead': '调解负责人',
  'role.platform_admin': '平台运营',

  'org.tree': '组织架构树',
  'org.treeTitle': '组织架构',
  'org.searchTree': '搜索节点名称',
  'org.empty': '暂无可管理的组织节点',
  'org.selectHint': '请在左侧选择一个组织节点',
  'org.details': '节点信息',
  'org.name': '名称',
  'org.kind': '层级',
  'org.code': '统计用区划代码',
  'org.path': '路径',
  'org.status': '状态',
  'org.updatedAt': '更新时间',
  'org.addChild': '新增下级',
  'org.addChildOf': '新增{kind}',
  'org.editNode': '重命名/编辑代码',
  'org.editTitle': '编辑{kind}：{name}',
  'org.move': '移动',
  'org.moveTitle': '移动{kind}：{name}',
  'org.newParent': '新的上级{kind}',
  'org.newParentRequired': '请选择新的上级节点',
  'org.moved': '已移动',
  'org.created': '已新增{kind}：{name}',
  'org.archiveConfirm': '确定归档“{name}”吗？归档后不再出现在日常列表中，可随时恢复。',
  'org.restoreConfirm': '确定恢复“{name}”吗？',
  'org.archivedOk': '已归档',
  'org.restoredOk': '已恢复',
  'org.nameRequired': '请输入名称',
  'org.nameTooLong': '名称不超过 50 个字',
  'org.codeInvalid': '统计用区划代码为 12 位数字',
  'org.codePlaceholder': '12 位数字，可不填',
  'org.codeHelp': '留空表示不设置',
  'org.noChildLevel': '楼栋是最末一级，不能再新增下级',
  'org.children': '下级节点',

  'partner.title': '共建单位',
  'partner.add': '新增共建单位',
  'partner.addTitle': '新增共建单位（{node}）',
  'partner.editTitle': '编辑共建单位：{name}',
  'partner.name': '单位名称',
  'partner.category': '类别',
  'partner.contactName': '联系人',
  'partner.contactPhone': '联系电话',
  'partner.contactPhoneKeep': '当前 {phone}，留空不修改',
  'partner.contactNameKeep': '当前 {name}，留空不修改',
  'partner.phoneInvalid': '请输入 11 位手机号',
  'partner.nameRequired': '请输入单位名称',
  'partner.categoryRequired': '请选择类别',
  'partner.onlyStreetCommunity': '共建单位挂在街道或社区下，请选择街道或社区节点查看。',
  'partner.empty': '暂无共建单位',
  'partner.archiveConfirm': '确定归档“{name}”吗？',
  'partner.cat.university': '高校',
  'partner.cat.hospital': '医院',
  'partner.cat.company': '企业',
  'partner.cat.party_org': '党组织',
  'partner.cat.social_org': '社会组织',
  'partner.cat.other': '其他',

  'people.search': '搜索手机号或姓名',
  'people.roleFilter': '按角色筛选',
  'people.nodeFilter': '按组织节点筛选',
  'people.displayName': '显示名',
  'people.realName': '姓名',
  'people.phone': '手机号',
  'people.idNumber': '身份证号',
  'people.home': '所在社区',
  'people.roles': '角色',
  'people.createdAt': '注册时间',
  'people.locked': '账号状态',
  'people.lockedUntil': '锁定至 {time}',
  'people.notLocked': '正常',
  'people.unlock': '解除锁定',
  'people.unlockDone': '已解除锁定，本人可以立即登录',
  'people.empty': '没有符合条件的人员',
  'people.table': '人员列表',
  'people.drawerTitle': '人员详情：{name}',
  'people.reveal': '查看完整信息',
  'people.revealConfirmTitle': '查看完整敏感信息',
  'people.revealConfirm': '将显示此人的完整手机号、姓名和身份证号。本次查看会记入审计日志，请仅在工作需要时查看。',
  'people.revealed': '完整信息（已记入审计日志）',
  'people.rolesTitle': '角色与授权',
  'people.noRoles': '暂无角色',
  'people.revoke': '撤销',
  'people.revokeConfirm': '确定撤销“{role} · {node}”吗？',
  'people.revoked': '已撤销角色',
  'people.grantTitle': '授予角色',
  'people.grant': '授予角色',
  'people.grantRole': '角色',
  'people.grantNode': '授权节点',
  'people.grantRoleRequired': '请选择角色',
  'people.grantNodeRequired': '请选择授权节点',
  'people.grantNodeHint': '该角色可授予在：{kinds}',
  'people.granted': '已授予角色',
  'people.grantedAt': '授予于 {time}',

  'audit.action': '操作类型',
  'audit.actionPlaceholder': '如 org.create，可输入或选择',
  'audit.range': '时间范围',
  'audit.actorId': '操作人 ID',
  'audit.actorIdPlaceholder': '可不填',
  'audit.time': '时间',
  'audit.actor': '操作人',
  'audit.target': '对象',
  'audit.scope': '范围节点',
  'audit.requestId': '请求编号',
  'audit.details': '详细信息',
  'audit.system': '系统',
  'audit.empty': '没有符合条件的审计记录',
  'audit.table': '审计日志列表',
  'audit.filterActor': '只看此人的操作',
};

// Pure (a call, not a bare spread) so the English chunk's copy of this file drops it.
const zh = /* @__PURE__ */ (() => ({
  ...baseZh,
  ...volunteeringZh,
  ...pointsZh,
  ...mallZh,
  ...serviceMapZh,
  ...adminZh,
  ...needsZh,
  ...matchingZh,
  ...notificationsZh,
  ...projectsZh,
  ...mediationZh,
  ...careZh,
  ...reportsZh,
}))();

export type MessageKey = keyof typeof zh | PageMessageKey;

/** English base strings; bundled into the English chunk only (see i18n.en.ts). */
export const baseEn: Record<keyof typeof baseZh, string> = {
  'app.title': 'Linli · Staff console',
  'app.brand': 'Linli',
  'app.brandSub': 'Staff console',
  'common.loading': 'Loading…',
  'common.loadMore': 'Load more',
  'common.noMore': 'No more',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.confirm': 'OK',
  'common.edit': 'Edit',
  'common.archive': 'Archive',
  'common.restore': 'Restore',
  'common.archived': 'Archived',
  'common.active': 'Active',
  'common.actions': 'Actions',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.retry': 'Retry',
  'common.none': '—',
  'common.saved': 'Saved',
  'common.showArchived': 'Show archived',
  'common.loadError': 'Could not load data',
  'common.all': 'All',
  'common.total': '{count} loaded',
  'common.totalOf': '{total} in all, {count} loaded',

  'nav.org': 'Organisation',
  'nav.people': 'People & roles',
  'nav.audit': 'Audit log',
  'nav.menu': 'Main menu',

  'header.scope': 'Scope',
  'header.scopeLabel': 'Scope:',
  'header.logout': 'Log out',
  'header.language': 'Language',
  'header.loggedOut': 'Logged out',

  'login.title': 'Staff console sign-in',
  'login.subtitle': 'For community staff',
  'login.phone': 'Phone',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.phoneRequired': 'Enter your phone number',
  'login.phoneInvalid': 'Enter an 11-digit phone number',
  'login.passwordRequired': 'Enter your password',
  'login.welcome': 'Welcome back, {name}',

  'noAccess.title': 'No staff access',
  'noAccess.desc':
    '{name}, your account has no staff role yet (district, street or community admin, grid worker or social worker). Ask an administrator to grant you one.',

  'kind.district': 'District',
  'kind.street': 'Street',
  'kind.community': 'Community',
  'kind.grid': 'Grid',
  'kind.building': 'Building',

  'role.volunteer': 'Volunteer',
  'role.team_leader': 'Team leader',
  'role.social_worker': 'Social worker',
  'role.grid_worker': 'Grid worker',
  'role.community_admin': 'Community admin',
  'role.street_admin': 'Street admin',
  'role.district_admin': 'District admin',
  'role.merchant_staff': 'Merchant staff',
  'role.partner_contact': 'Partner contact',
  'role.mediator': 'Mediator',
  'role.mediation_lead': 'Mediation lead',
  'role.platform_admin': 'Platform operator',

  'org.tree': 'Organisation tree',
  'org.treeTitle': 'Organisation',
  'org.searchTree': 'Search node names',
  'org.empty': 'No organisation nodes in your scope',
  'org.selectHint': 'Select a node on the left',
  'org.details': 'Node details',
  'org.name': 'Name',
  'org.kind': 'Level',
  'org.code': 'Statistical division code',
  'org.path': 'Path',
  'org.status': 'Status',
  'org.updatedAt': 'Updated',
  'org.addChild': 'Add child',
  'org.addChildOf': 'New {kind}',
  'org.editNode': 'Rename / edit code',
  'org.editTitle': 'Edit {kind}: {name}',
  'org.move': 'Move',
  'org.moveTitle': 'Move {kind}: {name}',
  'org.newParent': 'New parent {kind}',
  'org.newParentRequired': 'Choose the new parent',
  'org.moved': 'Moved',
  'org.created': '{kind} created: {name}',
  'org.archiveConfirm': 'Archive "{name}"? It leaves the everyday lists and can be restored at any time.',
  'org.restoreConfirm': 'Restore "{name}"?',
  'org.archivedOk': 'Archived',
  'org.restoredOk': 'Restored',
  'org.nameRequired': 'Enter a name',
  'org.nameTooLong': 'At most 50 characters',
  'org.codeInvalid': 'The division code has 12 digits',
  'org.codePlaceholder': '12 digits, optional',
  'org.codeHelp': 'Leave empty for none',
  'org.noChildLevel': 'Buildings are the lowest level',
  'org.children': 'Children',

  'partner.title': 'Partner units',
  'partner.add': 'Add partner unit',
  'partner.addTitle': 'New partner unit ({node})',
  'partner.editTitle': 'Edit partner unit: {name}',
  'partner.name': 'Unit name',
  'partner.category': 'Category',
  'partner.contactName': 'Contact',
  'partner.contactPhone': 'Contact phone',
  'partner.contactPhoneKeep': 'Now {phone}; leave empty to keep',
  'partner.contactNameKeep': 'Now {name}; leave empty to keep',
  'partner.phoneInvalid': 'Enter an 11-digit phone number',
  'partner.nameRequired': 'Enter the unit name',
  'partner.categoryRequired': 'Choose a category',
  'partner.onlyStreetCommunity': 'Partner units belong to a street or community; select one to see them.',
  'partner.empty': 'No partner units',
  'partner.archiveConfirm': 'Archive "{name}"?',
  'partner.cat.university': 'University',
  'partner.cat.hospital': 'Hospital',
  'partner.cat.company': 'Company',
  'partner.cat.party_org': 'Party organisation',
  'partner.cat.social_org': 'Social organisation',
  'partner.cat.other': 'Other',

  'people.search': 'Search phone or name',
  'people.roleFilter': 'Filter by role',
  'people.nodeFilter': 'Filter by node',
  'people.displayName': 'Display name',
  'people.realName': 'Real name',
  'people.phone': 'Phone',
  'people.idNumber': 'ID number',
  'people.home': 'Community',
  'people.roles': 'Roles',
  'people.createdAt': 'Registered',
  'people.locked': 'Account',
  'people.lockedUntil': 'Locked until {time}',
  'people.notLocked': 'Active',
  'people.unlock': 'Unlock',
  'people.unlockDone': 'Unlocked: the person can sign in now',
  'people.empty': 'Nobody matches',
  'people.table': 'People',
  'people.drawerTitle': 'Person: {name}',
  'people.reveal': 'Show full details',
  'people.revealConfirmTitle': 'Show sensitive details',
  'people.revealConfirm':
    'This shows the full phone, real name and ID number. The view is written to the audit log; only do it when your work needs it.',
  'people.revealed': 'Full details (logged in the audit log)',
  'people.rolesTitle': 'Roles',
  'people.noRoles': 'No roles',
  'people.revoke': 'Revoke',
  'people.revokeConfirm': 'Revoke "{role} · {node}"?',
  'people.revoked': 'Role revoked',
  'people.grantTitle': 'Grant a role',
  'people.grant': 'Grant role',
  'people.grantRole': 'Role',
  'people.grantNode': 'Node',
  'people.grantRoleRequired': 'Choose a role',
  'people.grantNodeRequired': 'Choose a node',
  'people.grantNodeHint': 'This role goes on: {kinds}',
  'people.granted': 'Role granted',
  'people.grantedAt': 'Granted {time}',

  'audit.action': 'Action',
  'audit.actionPlaceholder': 'e.g. org.create; type or choose',
  'audit.range': 'Date range',
  'audit.actorId': 'Actor ID',
  'audit.actorIdPlaceholder': 'Optional',
  'audit.time': 'Time',
  'audit.actor': 'Actor',
  'audit.target': 'Target',
  'audit.scope': 'Scope node',
  'audit.requestId': 'Request ID',
  'audit.details': 'Details',
  'audit.system': 'System',
  'audit.empty': 'No audit events match',
  'audit.table': 'Audit events',
  'audit.filterActor': "Only this person's actions",
};

export function hasMessage(key: string): key is MessageKey {
  return i18n.has(key);
}

let antdEn: AntdLocale | undefined; // set with the English dictionary

// Pure, and read only inside the functions below, so the English chunk's copy of this file
// (see shared/viteEnglishChunk.ts) drops it.
const i18n = /* @__PURE__ */ createI18n<MessageKey>({
  zh,
  loadEn: () =>
    // i18n.en.ts reads baseEn from its own copy of this file (see shared/viteEnglishChunk.ts): no cycle at run time.
    // eslint-disable-next-line import-x/no-cycle
    import('./i18n.en').then((m) => {
      antdEn = m.antdEn;
      return m.en;
    }),
  storageKey: 'linli.console.locale',
  onApply: (locale) => dayjs.locale(locale === 'en' ? 'en' : 'zh-cn'),
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

/** antd's locale for the UI language (English arrives with the English dictionary). */
export function antdLocale(locale: Locale): AntdLocale {
  return locale === 'en' && antdEn ? antdEn : antdZh;
}
