// The service ledger (服务台账) of a team or community for a date range, as a spreadsheet.
import { recordAudit } from '../../platform/audit.js';
import { chinaTime } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { addSheet, newWorkbook, toBuffer } from '../../platform/excel.js';
import { type Actor, can } from '../../platform/permissions.js';
import { inTransaction } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import { findTeam } from '../volunteers/index.js';
import * as repo from './records.repository.js';

const STATUS: Record<string, string> = {
  pending: '待确认',
  confirmed: '已确认',
  accepted: '已验收',
  returned: '已退回',
  superseded: '已更正',
};

/** Exports records of a team or community between two China-time dates (inclusive). */
export async function exportServiceLedger(
  deps: Deps,
  actor: Actor,
  q: { teamId?: string; communityId?: string; from?: string; to?: string },
): Promise<{ file: Buffer; name: string }> {
  if (!q.teamId && !q.communityId) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'communityId', message: '请选择服务队或社区' }]);
  }
  let scope: { districtId: string; nodeId: string; path: string; label: string };
  if (q.teamId) {
    const t = await findTeam(deps.db, q.teamId);
    if (
      !t ||
      !(
        t.leader_user_id === actor.userId ||
        can(actor, 'activity.manage', { districtId: t.district_id, path: t.community_path })
      )
    ) {
      throw notFound('team');
    }
    scope = { districtId: t.district_id, nodeId: t.community_id, path: t.community_path, label: t.name };
  } else {
    const c = await findNode(deps.db, q.communityId!);
    if (!c || !can(actor, 'activity.manage', { districtId: c.district_id, path: c.path })) throw notFound('org_node');
    scope = { districtId: c.district_id, nodeId: c.id, path: c.path, label: c.name };
  }
  const rows = await repo.listRecords(deps.db, {
    reaches: [{ districtId: scope.districtId, path: scope.path }],
    leaderOf: null,
    teamId: q.teamId,
    from: q.from,
    to: q.to,
    beforeId: null,
    limit: 100_000,
  });
  rows.sort((a, b) =>
    a.starts_at === b.starts_at ? a.display_name.localeCompare(b.display_name) : a.starts_at.localeCompare(b.starts_at),
  );
  const wb = newWorkbook();
  const ws = addSheet(
    wb,
    '服务台账',
    [
      { header: '服务日期', key: 'date', width: 12 },
      { header: '时间', key: 'time', width: 13 },
      { header: '服务内容', key: 'title', width: 28 },
      { header: '类别', key: 'category', width: 10 },
      { header: '服务队', key: 'team', width: 16 },
      { header: '服务对象', key: 'beneficiaries', width: 16 },
      { header: '志愿者', key: 'volunteer', width: 10 },
      { header: '志愿者编号', key: 'no', width: 16 },
      { header: '时长（分钟）', key: 'minutes', width: 12 },
      { header: '状态', key: 'status', width: 8 },
      { header: '补录', key: 'backfill', width: 6 },
      { header: '说明', key: 'note', width: 24 },
    ],
    rows.map((r) => ({
      date: r.service_date,
      time: `${chinaTime(r.starts_at)}–${chinaTime(r.ends_at)}`,
      title: r.title,
      category: r.category,
      team: r.team_name ?? '',
      beneficiaries: r.beneficiaries ?? '',
      volunteer: r.display_name,
      no: r.volunteer_no ?? '',
      minutes: r.minutes,
      status: STATUS[r.status] ?? r.status,
      backfill: r.is_backfill ? '是' : '',
      note: [
        r.note,
        r.correction_reason && `更正：${r.correction_reason}`,
        r.returned_reason && `退回：${r.returned_reason}`,
      ]
        .filter(Boolean)
        .join('；'),
    })),
  );
  const accepted = rows.filter((r) => r.status === 'accepted').reduce((s, r) => s + r.minutes, 0);
  ws.addRow({});
  ws.addRow({
    title: `合计：${rows.length} 条记录，已验收 ${Math.floor(accepted / 60)} 小时 ${accepted % 60} 分钟`,
  }).font = { bold: true };
  await inTransaction(deps.db, async ({ trx }) => {
    await recordAudit(trx, deps.clock, actor, {
      districtId: scope.districtId,
      action: 'record.export',
      targetType: q.teamId ? 'team' : 'org_node',
      targetId: q.teamId ?? scope.nodeId,
      scopeNodeId: scope.nodeId,
      scopePath: scope.path,
      details: { from: q.from ?? null, to: q.to ?? null, rows: rows.length },
    });
  });
  const range = [q.from, q.to].filter(Boolean).join('至');
  return { file: await toBuffer(wb), name: `服务台账-${scope.label}${range ? `-${range}` : ''}.xlsx` };
}
