// Past service in bulk from Excel (the paper 台账 typed up): the template, and an import that writes the good rows and
// reports each bad row with its reasons — the same pattern as the volunteer roster import (volunteers.excel.ts).
import { chinaDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { addSheet, newWorkbook, readFirstSheet, toBuffer } from '../../platform/excel.js';
import type { Actor } from '../../platform/permissions.js';
import { PHONE_RE } from '../../platform/privacy.js';
import { inTransaction } from '../../db/transaction.js';
import { findPersonIdByPhoneIndex } from '../accounts/index.js';
import { getVolunteering } from '../settings/index.js';
import { communityInScope, findApprovedVolunteer, realNameOf } from '../volunteers/index.js';
import { findPastServiceTwin } from './past-service.repository.js';
import { type PastServiceInput, writePastService } from './past-service.service.js';

const COLUMNS = [
  { header: '姓名*', key: 'name', width: 10 },
  { header: '手机号*', key: 'phone', width: 14 },
  { header: '服务日期*', key: 'date', width: 12 },
  { header: '时长（分钟）*', key: 'minutes', width: 12 },
  { header: '服务类别*', key: 'category', width: 12 },
  { header: '服务地点*', key: 'place', width: 20 },
  { header: '服务内容*', key: 'content', width: 30 },
  { header: '证明人*', key: 'vouchedBy', width: 20 },
];

/** The import template for a community, with an instructions sheet listing the district's categories. */
export async function pastServiceTemplate(deps: Deps, actor: Actor, communityId: string): Promise<Buffer> {
  const community = await communityInScope(deps, actor, 'activity.manage', communityId);
  const settings = await getVolunteering(deps.db, community.district_id);
  const wb = newWorkbook();
  addSheet(wb, '补记服务', COLUMNS, [
    {
      name: '张三',
      phone: '13800000000',
      date: '2026-11-20',
      minutes: 30,
      category: settings.activityCategories[0],
      place: '3号楼2单元',
      content: '示例行，导入前请删除：夜间送独居老人就医',
      vouchedBy: '李四（楼长）13900000000',
    },
  ]);
  const help = addSheet(
    wb,
    '填写说明',
    [{ header: '说明', key: 'text', width: 90 }],
    [
      { text: '每行一次服务；带 * 的列都必填。人员须为本区已审核的志愿者，姓名须与登记的实名一致。' },
      { text: '服务日期写成 2026-11-20，不能晚于今天；时长为 1 至 1440 的整数分钟。' },
      { text: `服务类别须从以下列表中选择：${settings.activityCategories.join('、')}` },
      { text: `每人每天最多计 ${settings.dailyCapMinutes} 分钟（含当天其他服务记录），超出部分不计。` },
      { text: '导入后为“待确认”的补记记录，经确认、验收后才计入服务时长和积分。' },
      {
        text: '有错误的行不会导入，导入结果会逐行说明原因；改正后只导入这些行即可（已导入的行再导入会被识别为重复）。',
      },
    ],
  );
  help.getColumn(1).alignment = { wrapText: true };
  return toBuffer(wb);
}

export interface PastServiceImportReport {
  created: number;
  skipped: number;
  errors: Array<{ row: number; messages: string[] }>;
}

/** Excel dates arrive as ISO timestamps (a date cell) or as typed text (2026-11-20, 2026/11/20). */
function parseDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})T/.exec(raw);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
  if (!m) return null;
  const [, year = '', month = '', day = ''] = m;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date ? null : date;
}

/** Imports past service: good rows become pending after-the-fact records, bad rows are reported and write nothing. */
export async function importPastService(
  deps: Deps,
  actor: Actor,
  communityId: string,
  data: Buffer,
): Promise<PastServiceImportReport> {
  const community = await communityInScope(deps, actor, 'activity.manage', communityId);
  const rows = await readFirstSheet(data);
  if (!rows || rows.length === 0 || !rows[0]?.[0]?.startsWith('姓名')) throw new AppError('IMPORT_FILE_INVALID');
  const settings = await getVolunteering(deps.db, community.district_id);
  const errors: PastServiceImportReport['errors'] = [];
  const good: Array<{ row: number; input: PastServiceInput }> = [];
  let skipped = 0;
  const today = chinaDate(deps.clock.now());
  for (let i = 1; i < rows.length; i++) {
    const [
      name = '',
      phone = '',
      dateRaw = '',
      minutesRaw = '',
      category = '',
      place = '',
      content = '',
      vouchedBy = '',
    ] = rows[i] ?? [];
    if (![name, phone, dateRaw, minutesRaw, category, place, content, vouchedBy].some(Boolean)) {
      skipped += 1;
      continue;
    }
    if (content.includes('示例行')) {
      skipped += 1;
      continue;
    }
    const messages: string[] = [];
    const date = parseDate(dateRaw);
    if (!date) messages.push('服务日期应写成 2026-11-20');
    else if (date > today) messages.push('服务日期不能晚于今天');
    const minutes = Number(minutesRaw);
    if (!/^\d+$/.test(minutesRaw) || minutes < 1 || minutes > 1440) messages.push('时长应为 1 至 1440 的整数分钟');
    if (!category) messages.push('请填写服务类别');
    else if (!settings.activityCategories.includes(category)) messages.push(`未知服务类别：${category}`);
    if (!place) messages.push('请填写服务地点');
    else if (place.length > 100) messages.push('服务地点不超过100个字');
    if (!content) messages.push('请填写服务内容');
    else if (content.length > 200) messages.push('服务内容不超过200个字');
    if (!vouchedBy) messages.push('请填写证明人');
    else if (vouchedBy.length > 60) messages.push('证明人不超过60个字');
    let userId: string | null = null;
    if (!PHONE_RE.test(phone)) messages.push('手机号应为11位中国大陆手机号');
    else {
      const personId = await findPersonIdByPhoneIndex(deps.db, deps.cipher.blindIndex('phone', phone));
      const volunteer = personId ? await findApprovedVolunteer(deps.db, community.district_id, personId) : null;
      if (!volunteer) messages.push('该手机号不是本区已审核的志愿者');
      else if (realNameOf(deps, volunteer) !== name) messages.push('姓名与该手机号登记的实名不一致');
      else userId = volunteer.user_id;
    }
    if (messages.length) errors.push({ row: i + 1, messages });
    else {
      good.push({
        row: i + 1,
        input: {
          userId: userId!,
          communityId: community.id,
          serviceDate: date!,
          minutes,
          category,
          place,
          content,
          vouchedBy,
        },
      });
    }
  }
  let created = 0;
  if (good.length > 0) {
    await inTransaction(deps.db, async ({ trx }) => {
      for (const g of good) {
        // A file imported twice: the same person, day, minutes and content already recorded after the fact.
        const twin = await findPastServiceTwin(trx, community.district_id, g.input);
        if (twin) {
          errors.push({ row: g.row, messages: ['与已登记的补记服务重复（同一人、同一天、同一内容）'] });
          continue;
        }
        const written = await writePastService(deps, trx, actor, community, g.input, 'import');
        if ('full' in written) {
          errors.push({
            row: g.row,
            messages: [
              `${g.input.serviceDate} 已记录 ${written.full.used} 分钟，已达每日上限（${written.full.cap} 分钟）`,
            ],
          });
          continue;
        }
        created += 1;
      }
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { created, skipped, errors };
}
