// zh-CN (default) and English texts for every error code and validation key. {name} is replaced by params.

export type Locale = 'zh-CN' | 'en';

type Texts = Record<string, { zh: string; en: string }>;

export const ERROR_TEXTS: Texts = {
  VALIDATION_FAILED: { zh: '请求参数不正确：{summary}', en: 'Invalid request: {summary}' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in first' },
  CSRF_FAILED: { zh: '页面已过期，请刷新后重试', en: 'The page has expired; refresh and try again' },
  NOT_FOUND: { zh: '{entity}不存在', en: '{entity} not found' },
  ROUTE_NOT_FOUND: { zh: '接口不存在', en: 'No such API endpoint' },
  INVALID_CREDENTIALS: { zh: '手机号或密码错误', en: 'Wrong phone number or password' },
  ACCOUNT_LOCKED: {
    zh: '密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many wrong passwords; the account is locked, try again in {minutes} minutes',
  },
  RATE_LIMITED: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; please wait and try again' },
  PHONE_TAKEN: { zh: '该手机号已注册', en: 'This phone number is already registered' },
  WRONG_PASSWORD: { zh: '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_REUSED: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  ORG_INVALID_PARENT: {
    zh: '{kind}只能建在{parentKind}之下',
    en: 'A {kind} can only be placed under a {parentKind}',
  },
  ORG_CODE_TAKEN: { zh: '区划代码 {code} 已被“{name}”使用', en: 'Division code {code} is already used by "{name}"' },
  ORG_NAME_TAKEN: { zh: '同一上级下已有名为“{name}”的节点', en: 'A node named "{name}" already exists under this parent' },
  ORG_HAS_CHILDREN: {
    zh: '“{name}”下还有 {count} 个未归档的下级节点，请先归档或移走',
    en: '"{name}" still has {count} active child nodes; archive or move them first',
  },
  ORG_ARCHIVED: { zh: '“{name}”已归档，不能在其下操作', en: '"{name}" is archived; nothing can be done under it' },
  ORG_MOVE_INTO_SELF: { zh: '不能把节点移到它自己或它的下级之下', en: 'A node cannot be moved under itself or its descendants' },
  ORG_MOVE_DISTRICT: { zh: '不能跨区移动节点', en: 'Nodes cannot move to another district' },
  ORG_ROOT_IMMUTABLE: { zh: '区不能被移动或归档', en: 'A district cannot be moved or archived' },
  PARTNER_NODE_KIND: { zh: '共建单位只能挂在街道或社区下', en: 'Partner units belong to a street or a community' },
  ROLE_NODE_KIND: { zh: '“{role}”角色只能授予在{kinds}上', en: 'The role "{role}" can only be granted on a {kinds}' },
  ROLE_NOT_GRANTABLE: { zh: '您无权授予“{role}”角色', en: 'You may not grant the role "{role}"' },
  ROLE_ALREADY_HELD: { zh: '此人已在该节点担任“{role}”', en: 'This person already holds "{role}" at this node' },
  ROLE_SELF_REVOKE: { zh: '不能撤销自己的管理角色', en: 'You cannot revoke your own admin role' },
  INTERNAL: { zh: '服务器内部错误，请稍后重试（请求编号 {requestId}）', en: 'Internal server error; please retry (request {requestId})' },
};

/** Names of things, used in NOT_FOUND. */
export const ENTITY_TEXTS: Texts = {
  org_node: { zh: '组织节点', en: 'Organisation node' },
  partner_unit: { zh: '共建单位', en: 'Partner unit' },
  person: { zh: '人员', en: 'Person' },
  role_assignment: { zh: '角色授权', en: 'Role assignment' },
  resource: { zh: '资源', en: 'Resource' },
};

/** Texts for validation keys used in schemas as `{ message: 'v.xxx' }`. */
export const VALIDATION_TEXTS: Texts = {
  'v.phone': { zh: '请输入11位中国大陆手机号', en: 'Enter an 11-digit mainland China mobile number' },
  'v.password': {
    zh: '密码需为8至64位，且同时包含字母和数字',
    en: 'The password must be 8–64 characters and contain letters and digits',
  },
  'v.idNumber': { zh: '身份证号码不正确（请检查位数和校验位）', en: 'Invalid ID card number (check length and check digit)' },
  'v.orgCode': { zh: '统计用区划代码应为12位数字', en: 'The division code must be 12 digits' },
  'v.name': { zh: '名称不能为空，且不超过{max}个字', en: 'The name must not be empty or longer than {max} characters' },
  'v.displayName': { zh: '称呼不能为空，且不超过20个字', en: 'The display name must be 1–20 characters' },
  'v.realName': { zh: '姓名应为2至30个字', en: 'The real name must be 2–30 characters' },
  'v.cursor': { zh: '分页游标无效', en: 'Invalid page cursor' },
  'v.date': { zh: '日期格式应为 YYYY-MM-DD 或 ISO 时间', en: 'Dates must be YYYY-MM-DD or ISO timestamps' },
};

/** Field names shown in validation summaries. */
export const FIELD_TEXTS: Texts = {
  phone: { zh: '手机号', en: 'phone' },
  password: { zh: '密码', en: 'password' },
  newPassword: { zh: '新密码', en: 'new password' },
  currentPassword: { zh: '当前密码', en: 'current password' },
  displayName: { zh: '称呼', en: 'display name' },
  realName: { zh: '姓名', en: 'real name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  name: { zh: '名称', en: 'name' },
  code: { zh: '区划代码', en: 'division code' },
  kind: { zh: '类型', en: 'kind' },
  parentId: { zh: '上级节点', en: 'parent' },
  nodeId: { zh: '组织节点', en: 'node' },
  role: { zh: '角色', en: 'role' },
  userId: { zh: '人员', en: 'person' },
  category: { zh: '类别', en: 'category' },
  limit: { zh: '每页条数', en: 'limit' },
  cursor: { zh: '分页游标', en: 'cursor' },
  contactPhone: { zh: '联系电话', en: 'contact phone' },
};

export const KIND_TEXTS: Texts = {
  district: { zh: '区', en: 'district' },
  street: { zh: '街道', en: 'street' },
  community: { zh: '社区', en: 'community' },
  grid: { zh: '网格', en: 'grid' },
  building: { zh: '楼栋', en: 'building' },
};

export const ROLE_TEXTS: Texts = {
  resident: { zh: '居民', en: 'Resident' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  team_leader: { zh: '队长', en: 'Team leader' },
  social_worker: { zh: '社工', en: 'Social worker' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  community_admin: { zh: '社区管理员', en: 'Community admin' },
  street_admin: { zh: '街道管理员', en: 'Street admin' },
  district_admin: { zh: '区管理员', en: 'District admin' },
  merchant_staff: { zh: '商户', en: 'Merchant staff' },
  partner_contact: { zh: '共建单位', en: 'Partner unit contact' },
  mediator: { zh: '调解员', en: 'Mediator' },
};

/** Picks the locale from an Accept-Language header: English only when asked for first. */
export function pickLocale(header: string | undefined): Locale {
  return header && /^\s*en\b/i.test(header) ? 'en' : 'zh-CN';
}

/** Looks up a text and fills its {params}. Unknown keys come back as the key itself. */
export function translate(table: Texts, key: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = table[key];
  if (!entry) return key;
  const text = locale === 'en' ? entry.en : entry.zh;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => localiseParam(name, params[name], locale));
}

function localiseParam(name: string, value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  const s = String(value);
  if (name === 'entity') return translate(ENTITY_TEXTS, s, locale);
  if (name === 'kind' || name === 'parentKind') return translate(KIND_TEXTS, s, locale);
  if (name === 'role') return translate(ROLE_TEXTS, s, locale);
  if (name === 'kinds' && Array.isArray(value)) {
    return value.map((k) => translate(KIND_TEXTS, String(k), locale)).join(locale === 'en' ? ' or ' : '或');
  }
  return s;
}
