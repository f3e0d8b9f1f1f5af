// Opening balances: a community that kept points in a previous system (a signed-off list) brings them in once, from
// Excel with a per-row error report. Each person's balance is a dated `award` journal naming the source, under an
// idempotency key derived from district + person + source, so importing the same list again moves nothing twice.
import { createHash } from 'node:crypto';
import { recordAudit } from '../../platform/audit.js';
import { chinaDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { addSheet, newWorkbook, readFirstSheet, toBuffer } from '../../platform/excel.js';
import { type Actor, can } from '../../platform/permissions.js';
import { PHONE_RE } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findPersonHome, findPersonIdByPhoneIndex } from '../accounts/index.js';
import { findNode } from '../org/index.js';
import { accountFor, ensurePersonAccount, postJournal } from './ledger.core.js';
import * as repo from './ledger.repository.js';
import type { OpeningImport } from './ledger.schemas.js';

export const MAX_OPENING_POINTS = 1_000_000;

/** The idempotency key of a person's opening balance from a source: one journal per district, person and source. */
export function openingKey(districtId: string, userId: string, source: string): string {
  const s = createHash('sha256').update(source.trim().replace(/\s+/g, ' ')).digest('hex').slice(0, 24);
  return `opening:${districtId}:${userId}:${s}`;
}

async function communityForPoints(db: Executor, actor: Actor, communityId: string) {
  const c = await findNode(db, communityId);
  if (
    !c ||
    c.kind !== 'community' ||
    c.archived_at ||
    !can(actor, 'points.manage', { districtId: c.district_id, path: c.path })
  ) {
    throw notFound('org_node');
  }
  return c;
}

const COLUMNS = [
  { header: '姓名*', key: 'name', width: 12 },
  { header: '手机号*', key: 'phone', width: 16 },
  { header: '期初积分*', key: 'points', width: 12 },
  { header: '备注', key: 'note', width: 30 },
];

/** The import template of opening balances. */
export async function openingBalanceTemplate(deps: Deps, actor: Actor, communityId: string): Promise<Buffer> {
  await communityForPoints(deps.db, actor, communityId);
  const wb = newWorkbook();
  addSheet(wb, '期初积分', COLUMNS, [
    { name: '张三', phone: '13800000000', points: 120, note: '示例行，导入前请删除' },
  ]);
  const help = addSheet(
    wb,
    '填写说明',
    [{ header: '说明', key: 'text', width: 90 }],
    [
      { text: '按原积分系统（或纸质台账）签字确认的名单填写，每人一行；带 * 的列必填。' },
      { text: '人员须已在 linli 注册（可先批量导入志愿者）；姓名须与登记的实名（或称呼）一致。' },
      {
        text: `期初积分为 1 至 ${MAX_OPENING_POINTS} 的整数。导入时须写明来源（如“原社区积分台账 2026年10月签字确认”）和截止日期。`,
      },
      { text: '每人每个来源只记一次：同一名单再次导入不会重复记分；有错误的行不会导入，导入结果会逐行说明原因。' },
    ],
  );
  help.getColumn(1).alignment = { wrapText: true };
  return toBuffer(wb);
}

export interface OpeningImportReport {
  created: number;
  /** Rows already imported from this source with the same points: nothing moved. */
  unchanged: number;
  skipped: number;
  points: number;
  errors: Array<{ row: number; messages: string[] }>;
}

/**
 * Imports a community's opening balances: every good row becomes an `award` journal from the district's issuance
 * account, effective on `asOf`, reason "期初积分：<source>"; bad rows write nothing and are reported.
 */
export async function importOpeningBalances(
  deps: Deps,
  actor: Actor,
  input: Pick<OpeningImport, 'communityId' | 'source' | 'asOf'>,
  data: Buffer,
): Promise<OpeningImportReport> {
  const community = await communityForPoints(deps.db, actor, input.communityId);
  const source = input.source.trim();
  if (input.asOf > chinaDate(deps.clock.now()))
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'asOf', message: '不能晚于今天' }]);
  const rows = await readFirstSheet(data);
  if (!rows || rows.length === 0 || !rows[0]?.[0]?.startsWith('姓名')) throw new AppError('IMPORT_FILE_INVALID');
  const errors: OpeningImportReport['errors'] = [];
  const good: Array<{ row: number; userId: string; points: number }> = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (let i = 1; i < rows.length; i++) {
    const [name = '', phone = '', pointsRaw = '', note = ''] = rows[i] ?? [];
    if (!name && !phone && !pointsRaw) {
      skipped += 1;
      continue;
    }
    if (note.includes('示例行')) {
      skipped += 1;
      continue;
    }
    const messages: string[] = [];
    const points = Number(pointsRaw);
    if (!/^\d+$/.test(pointsRaw) || points < 1 || points > MAX_OPENING_POINTS)
      messages.push(`期初积分应为 1 至 ${MAX_OPENING_POINTS} 的整数`);
    let userId: string | null = null;
    if (!PHONE_RE.test(phone)) messages.push('手机号应为11位中国大陆手机号');
    else if (seen.has(phone)) messages.push('手机号在表格中重复');
    else {
      seen.add(phone);
      const id = await findPersonIdByPhoneIndex(deps.db, deps.cipher.blindIndex('phone', phone));
      const u = id ? await findPersonHome(deps.db, id) : undefined;
      if (!u) messages.push('该手机号尚未在 linli 注册');
      else if (name !== u.displayName && (!u.realNameEnc || deps.cipher.decrypt(u.realNameEnc) !== name)) {
        messages.push('姓名与该手机号登记的姓名不一致');
      } else userId = u.userId;
    }
    if (messages.length || !userId) errors.push({ row: i + 1, messages });
    else good.push({ row: i + 1, userId, points });
  }
  let created = 0;
  let unchanged = 0;
  let total = 0;
  if (good.length > 0) {
    await inTransaction(deps.db, async ({ trx }) => {
      const issuance = await accountFor(deps, trx, community.district_id, {
        type: 'district',
        id: community.district_id,
        purpose: 'issuance',
      });
      const journalIds: string[] = [];
      for (const g of good) {
        const key = openingKey(community.district_id, g.userId, source);
        const prior = await repo.findJournalByKey(trx, community.district_id, key);
        if (prior) {
          const stored = (await repo.postingsOf(trx, community.district_id, [prior.id])).find(
            (p) => Number(p.amount) > 0,
          );
          if (Number(stored?.amount) === g.points) unchanged += 1;
          else
            errors.push({
              row: g.row,
              messages: [
                `该来源已为此人导入期初积分 ${Number(stored?.amount)} 分，不能改为 ${g.points} 分；如需更正请冲正原记录`,
              ],
            });
          continue;
        }
        const person = await ensurePersonAccount(deps, trx, community.district_id, g.userId);
        const posted = await postJournal(deps, trx, {
          districtId: community.district_id,
          type: 'award',
          reason: `期初积分：${source}`,
          actorId: actor.userId,
          refType: 'person',
          refId: g.userId,
          idempotencyKey: key,
          communityId: community.id,
          effectiveDate: input.asOf,
          postings: [
            { accountId: issuance.id, amount: -g.points },
            { accountId: person.id, amount: g.points },
          ],
        });
        // A twin import that committed while this one waited for the ledger lock answers with its journal.
        if (!posted.created) {
          unchanged += 1;
          continue;
        }
        created += 1;
        total += g.points;
        journalIds.push(posted.journal.id);
      }
      if (created > 0) {
        await recordAudit(trx, deps.clock, actor, {
          districtId: community.district_id,
          action: 'points.opening_import',
          targetType: 'org_node',
          targetId: community.id,
          scopeNodeId: community.id,
          scopePath: community.path,
          details: { source, asOf: input.asOf, created, points: total, unchanged, errors: errors.length, journalIds },
        });
      }
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { created, unchanged, skipped, points: total, errors };
}
