// Volunteer rosters in Excel: the import template, bulk import with a per-row error report, and export.
import { recordAudit } from '../../platform/audit.js';
import { chinaDateTime, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { addSheet, newWorkbook, readFirstSheet, toBuffer } from '../../platform/excel.js';
import { newId } from '../../platform/ids.js';
import { must } from '../../platform/must.js';
import { hashPassword } from '../../platform/passwords.js';
import type { Actor } from '../../platform/permissions.js';
import { isValidIdNumber, maskIdNumber, maskName, PHONE_RE } from '../../platform/privacy.js';
import { randomToken } from '../../platform/crypto.js';
import { inTransaction } from '../../db/transaction.js';
import { findPersonIdByPhoneIndex, insertNewUser } from '../accounts/index.js';
import { listActiveChildren } from '../org/index.js';
import { getVolunteering } from '../settings/index.js';
import * as repo from './volunteers.repository.js';
import { activateVolunteer, communityInScope, presentVolunteers } from './volunteers.service.js';

const COLUMNS = [
  { header: '姓名*', key: 'name', width: 12 },
  { header: '手机号*', key: 'phone', width: 16 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '技能（多个用、分隔）', key: 'skills', width: 26 },
  { header: '所在网格', key: 'grid', width: 14 },
  { header: '备注', key: 'bio', width: 24 },
];

/** The import template, with an instructions sheet listing the district's skills. */
export async function importTemplate(deps: Deps, actor: Actor, communityId: string): Promise<Buffer> {
  const community = await communityInScope(deps, actor, 'volunteer.review', communityId);
  const settings = await getVolunteering(deps.db, community.district_id);
  const wb = newWorkbook();
  addSheet(wb, '志愿者名单', COLUMNS, [
    {
      name: '张三',
      phone: '13800000000',
      idNumber: '',
      skills: '维修、驾驶',
      grid: '第一网格',
      bio: '示例行，导入前请删除',
    },
  ]);
  const help = addSheet(
    wb,
    '填写说明',
    [{ header: '说明', key: 'text', width: 90 }],
    [
      { text: '带 * 的列必填；每行一位志愿者；导入后直接成为已审核的志愿者并获得志愿者编号。' },
      { text: '手机号为 11 位中国大陆手机号；身份证号选填，填写时须为 18 位且校验位正确。' },
      { text: `技能须从以下列表中选择：${settings.skills.join('、')}` },
      { text: '所在网格填写本社区网格的名称（如“第一网格”），可不填。' },
      { text: '有错误的行不会导入，导入结果会逐行说明原因；改正后可再次导入。' },
    ],
  );
  help.getColumn(1).alignment = { wrapText: true };
  return toBuffer(wb);
}

export interface ImportReport {
  created: number;
  skipped: number;
  errors: Array<{ row: number; messages: string[] }>;
}

/** Imports volunteers from the template; good rows are written, bad rows are reported and write nothing. */
export async function importVolunteers(
  deps: Deps,
  actor: Actor,
  communityId: string,
  data: Buffer,
): Promise<ImportReport> {
  const community = await communityInScope(deps, actor, 'volunteer.review', communityId);
  const rows = await readFirstSheet(data);
  if (!rows || rows.length === 0 || !rows[0]?.[0]?.startsWith('姓名')) throw new AppError('IMPORT_FILE_INVALID');
  const settings = await getVolunteering(deps.db, community.district_id);
  const grids = await listActiveChildren(deps.db, community.district_id, community.id, 'grid');
  const errors: ImportReport['errors'] = [];
  const good: Array<{
    row: number;
    name: string;
    phone: string;
    idNumber: string | null;
    skills: string[];
    gridId: string | null;
    bio: string | null;
  }> = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (let i = 1; i < rows.length; i++) {
    const [name = '', phone = '', idRaw = '', skillsRaw = '', gridName = '', bio = ''] = rows[i] ?? [];
    if (!name && !phone && !idRaw && !skillsRaw) {
      skipped += 1;
      continue;
    }
    if (bio.includes('示例行')) {
      skipped += 1;
      continue;
    }
    const messages: string[] = [];
    if (name.length < 2 || name.length > 30) messages.push('姓名应为2至30个字');
    if (!PHONE_RE.test(phone)) messages.push('手机号应为11位中国大陆手机号');
    else if (seen.has(phone)) messages.push('手机号在表格中重复');
    const idNumber = idRaw ? idRaw.toUpperCase() : null;
    if (idNumber && !isValidIdNumber(idNumber)) messages.push('身份证号不正确（请检查位数和校验位）');
    const skills = skillsRaw ? skillsRaw.split(/[、,，;；\s]+/).filter(Boolean) : [];
    const unknown = skills.filter((s) => !settings.skills.includes(s));
    if (unknown.length) messages.push(`未知技能：${unknown.join('、')}`);
    const grid = gridName ? grids.find((g) => g.name === gridName) : null;
    if (gridName && !grid) messages.push(`本社区没有名为“${gridName}”的网格`);
    if (PHONE_RE.test(phone)) {
      const userId = await findPersonIdByPhoneIndex(deps.db, deps.cipher.blindIndex('phone', phone));
      if (userId && (await repo.findVolunteerByUser(deps.db, community.district_id, userId)))
        messages.push('该手机号已登记为本区志愿者');
      seen.add(phone);
    }
    if (messages.length) errors.push({ row: i + 1, messages });
    else good.push({ row: i + 1, name, phone, idNumber, skills, gridId: grid?.id ?? null, bio: bio || null });
  }
  if (good.length > 0) {
    // Imported people get an unguessable password; they sign in after a password reset, or staff act for them.
    const hash = await hashPassword(randomToken(24));
    await inTransaction(deps.db, async ({ trx }) => {
      const now = iso(deps.clock.now());
      for (const g of good) {
        const phoneIndex = deps.cipher.blindIndex('phone', g.phone);
        const existingId = await findPersonIdByPhoneIndex(trx, phoneIndex);
        const userId =
          existingId ??
          (
            await insertNewUser(
              deps,
              trx,
              {
                phone: g.phone,
                displayName: g.name,
                realName: g.name,
                idNumber: g.idNumber,
                communityId: community.id,
              },
              hash,
            )
          ).id;
        const id = newId();
        await repo.insertVolunteer(trx, {
          district_id: community.district_id,
          id,
          user_id: userId,
          community_id: community.id,
          volunteer_no: null,
          status: 'pending',
          real_name_enc: deps.cipher.encrypt(g.name),
          real_name_masked: maskName(g.name),
          id_number_enc: deps.cipher.encryptNullable(g.idNumber),
          id_number_masked: g.idNumber ? maskIdNumber(g.idNumber) : null,
          skills: JSON.stringify(g.skills),
          availability: '{}',
          home_grid_id: g.gridId,
          bio: g.bio,
          source: 'import',
          applied_at: now,
          reviewed_by: null,
          reviewed_at: null,
          reject_reason: null,
          updated_at: now,
        });
        await activateVolunteer(
          deps,
          trx,
          { district_id: community.district_id, id, user_id: userId, community_id: community.id },
          actor.userId,
        );
      }
      await recordAudit(trx, deps.clock, actor, {
        districtId: community.district_id,
        action: 'volunteer.import',
        targetType: 'org_node',
        targetId: community.id,
        scopeNodeId: community.id,
        scopePath: community.path,
        details: { created: good.length, errors: errors.length },
      });
    });
  }
  return { created: good.length, skipped, errors };
}

/** The community's roster as a spreadsheet (full names and phones: the export is recorded in the audit log). */
export async function exportVolunteers(
  deps: Deps,
  actor: Actor,
  communityId: string,
  status?: string,
): Promise<Buffer> {
  const community = await communityInScope(deps, actor, 'volunteer.review', communityId);
  const rows = await repo.listVolunteers(deps.db, {
    reaches: [{ districtId: community.district_id, path: community.path }],
    status,
    beforeId: null,
    limit: 100_000,
  });
  const presented = await presentVolunteers(deps, deps.db, rows);
  const STATUS: Record<string, string> = {
    pending: '待审核',
    approved: '已通过',
    rejected: '已驳回',
    suspended: '已暂停',
  };
  const BAND: Record<string, string> = { morning: '上午', afternoon: '下午', evening: '晚上' };
  const DAY = ['', '一', '二', '三', '四', '五', '六', '日'];
  const wb = newWorkbook();
  addSheet(
    wb,
    '志愿者名册',
    [
      { header: '志愿者编号', key: 'no', width: 16 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '手机号', key: 'phone', width: 14 },
      { header: '身份证号', key: 'id', width: 22 },
      { header: '状态', key: 'status', width: 8 },
      { header: '技能', key: 'skills', width: 22 },
      { header: '可服务时间', key: 'availability', width: 30 },
      { header: '所在网格', key: 'grid', width: 12 },
      { header: '已验收时长（小时）', key: 'hours', width: 16 },
      { header: '星级', key: 'star', width: 8 },
      { header: '登记方式', key: 'source', width: 10 },
      { header: '申请时间', key: 'applied', width: 18 },
    ],
    presented.map((v, i) => {
      const row = must(rows[i], `volunteer row ${i}`); // presented is rows, mapped one to one
      return {
        no: v.volunteerNo ?? '',
        name: deps.cipher.decrypt(row.real_name_enc),
        phone: deps.cipher.decrypt(row.phone_enc),
        id: v.idNumberMasked ?? '',
        status: STATUS[v.status] ?? v.status,
        skills: v.skills.join('、'),
        availability: Object.entries(v.availability)
          .map(([d, bands]) => `周${DAY[Number(d)]}${(bands ?? []).map((b) => BAND[b]).join('/')}`)
          .join('；'),
        grid: v.homeGridName ?? '',
        hours: Math.round((v.acceptedMinutes / 60) * 100) / 100,
        star: v.starLevel ? '★'.repeat(v.starLevel) : '',
        source: v.source === 'import' ? '批量导入' : '本人申请',
        applied: chinaDateTime(v.appliedAt),
      };
    }),
  );
  await inTransaction(deps.db, async ({ trx }) => {
    await recordAudit(trx, deps.clock, actor, {
      districtId: community.district_id,
      action: 'volunteer.export',
      targetType: 'org_node',
      targetId: community.id,
      scopeNodeId: community.id,
      scopePath: community.path,
      details: { rows: presented.length },
    });
  });
  return toBuffer(wb);
}
