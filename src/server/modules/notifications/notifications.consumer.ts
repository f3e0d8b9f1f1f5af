// Turning events into notices: the notifications consumer of the outbox (platform/events.ts consumeEvents), each event
// handled in one transaction with its consumption row; plus the scheduled scans (reminders before an activity starts,
// vouchers about to expire), idempotent by the notice's unique source key.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { consumeEvents, type DomainEvent, on } from '../../platform/events.js';
import type { Permission } from '../../platform/permissions.js';
import { inTransaction, type Tx } from '../../db/transaction.js';
import { listRoleHoldersAbove } from '../accounts/index.js';
import { careAlert } from '../care/index.js';
import { activityCancelled, activityChanged, listSignupsStartingBetween, signupPromoted } from '../activities/index.js';
import { listVouchersExpiringBetween, merchantApplied, merchantReviewed } from '../mall/index.js';
import { invitationAnswered, listNeedsByIds, needInvited, needStatusChanged, needSubmitted } from '../needs/index.js';
import {
  mediationCaseClosed,
  mediationCaseOpened,
  mediationMediatorsAssigned,
  mediationMessagePosted,
} from '../mediation/index.js';
import { findNode } from '../org/index.js';
import { projectClaimReviewed } from '../projects/index.js';
import { reportEscalated, reportStatusChanged, reportSubmitted } from '../reports/index.js';
import { suggestionAnswered } from '../suggestions/index.js';
import { serviceRecordAccepted, serviceRecordConfirmed, serviceRecordReturned } from '../records/index.js';
import { teamJoinReviewed, volunteerApplied, volunteerReviewed } from '../volunteers/index.js';
import { addNotices, type NewNotice } from './notifications.notify.js';
import { resolveQueueNotices } from './notifications.repository.js';
import { nearestHolders, REMINDER_SLOTS, rolesWith, VOUCHER_WARNING_MS } from './notifications.rules.js';

export const CONSUMER = 'notifications';

/**
 * Events older than this make no notice (they are still consumed): when the module first meets an existing database,
 * or after a long outage, nobody should get a pile of news about things long past.
 */
export const NOTICE_HORIZON_MS = 7 * 24 * 3600_000;

function isStale(deps: Deps, e: DomainEvent<unknown>): boolean {
  return new Date(e.createdAt).getTime() < deps.clock.now().getTime() - NOTICE_HORIZON_MS;
}

type Notice = Omit<NewNotice, 'districtId' | 'eventId' | 'sourceKey'> & { sourceKey?: string };

/** The item was decided: the staff's queue notices about it are done (read), whoever decided it. */
async function leftQueue(deps: Deps, trx: Tx, e: DomainEvent<unknown>, kind: NewNotice['kind'], refId: string) {
  await resolveQueueNotices(trx, e.districtId, kind, refId, iso(deps.clock.now()));
}

async function toPerson(deps: Deps, trx: Tx, e: DomainEvent<unknown>, n: Notice): Promise<void> {
  if (isStale(deps, e)) return;
  await addNotices(deps, trx, { ...n, districtId: e.districtId, eventId: e.id, sourceKey: n.sourceKey ?? e.id });
}

/** A notice to the staff nearest to a community who work the queue of `permission`. */
async function toStaff(
  deps: Deps,
  trx: Tx,
  e: DomainEvent<unknown>,
  communityId: string,
  permission: Permission,
  n: Omit<Notice, 'userIds'>,
) {
  if (isStale(deps, e)) return;
  const node = await findNode(trx, communityId);
  if (!node || node.district_id !== e.districtId) return;
  const holders = await listRoleHoldersAbove(trx, e.districtId, node.path, rolesWith(permission));
  await toPerson(deps, trx, e, { ...n, userIds: nearestHolders(holders) });
}

function handlers(deps: Deps) {
  return [
    on(volunteerReviewed, async (trx, e) => {
      const p = e.payload;
      await leftQueue(deps, trx, e, 'queue_volunteer', p.volunteerId);
      await toPerson(deps, trx, e, {
        userIds: [p.userId],
        kind: p.decision === 'approve' ? 'volunteer_approved' : 'volunteer_rejected',
        params: p.decision === 'approve' ? { volunteerNo: p.volunteerNo } : { reason: p.reason },
        link: p.decision === 'approve' ? '/volunteer/card' : '/volunteer/apply',
        refType: 'volunteer',
        refId: p.volunteerId,
      });
    }),
    on(volunteerApplied, (trx, e) =>
      toStaff(deps, trx, e, e.payload.communityId, 'volunteer.review', {
        kind: 'queue_volunteer',
        params: {},
        link: '/admin/volunteers',
        refType: 'volunteer',
        refId: e.payload.volunteerId,
      }),
    ),
    on(teamJoinReviewed, (trx, e) => {
      const p = e.payload;
      return toPerson(deps, trx, e, {
        userIds: [p.userId],
        kind: p.decision === 'approve' ? 'team_join_approved' : 'team_join_rejected',
        params: { team: p.teamName, reason: p.reason },
        link: `/teams/${p.teamId}`,
        refType: 'team',
        refId: p.teamId,
      });
    }),
    on(signupPromoted, (trx, e) => {
      const p = e.payload;
      return toPerson(deps, trx, e, {
        userIds: [p.userId],
        kind: 'waitlist_promoted',
        params: { title: p.title, startsAt: p.startsAt },
        link: `/activities/${p.activityId}`,
        refType: 'activity',
        refId: p.activityId,
      });
    }),
    on(activityCancelled, (trx, e) => {
      const p = e.payload;
      return toPerson(deps, trx, e, {
        userIds: p.userIds,
        kind: 'activity_cancelled',
        params: { title: p.title, startsAt: p.startsAt, reason: p.reason },
        link: `/activities/${p.activityId}`,
        refType: 'activity',
        refId: p.activityId,
      });
    }),
    on(activityChanged, (trx, e) => {
      const p = e.payload;
      return toPerson(deps, trx, e, {
        userIds: p.userIds,
        kind: 'activity_changed',
        params: { title: p.title, startsAt: p.startsAt, address: p.address },
        link: `/activities/${p.activityId}`,
        refType: 'activity',
        refId: p.activityId,
      });
    }),
    on(serviceRecordReturned, (trx, e) => {
      const p = e.payload;
      return toPerson(deps, trx, e, {
        userIds: [p.userId],
        kind: 'record_returned',
        params: { title: p.activityTitle, reason: p.reason, minutes: p.minutes },
        link: '/me/hours',
        refType: 'service_record',
        refId: p.recordId,
      });
    }),
    on(serviceRecordAccepted, (trx, e) => {
      const p = e.payload;
      return toPerson(deps, trx, e, {
        userIds: [p.userId],
        kind: 'record_accepted',
        params: { title: p.activityTitle ?? p.category, minutes: p.minutes },
        link: '/me/points',
        refType: 'service_record',
        refId: p.recordId,
      });
    }),
    // One notice per activity's records waiting (not one per record): a leader confirms a whole roster at once.
    on(serviceRecordConfirmed, (trx, e) =>
      toStaff(deps, trx, e, e.payload.communityId, 'record.accept', {
        kind: 'queue_record',
        params: { title: e.payload.activityTitle },
        link: '/admin/acceptance',
        refType: e.payload.activityId ? 'activity' : 'service_record',
        refId: e.payload.activityId ?? e.payload.recordId,
        sourceKey: `record-queue:${e.payload.activityId ?? e.payload.recordId}`,
      }),
    ),
    on(merchantApplied, (trx, e) =>
      toStaff(deps, trx, e, e.payload.communityId, 'mall.manage', {
        kind: 'queue_merchant',
        params: { name: e.payload.name },
        link: '/admin/mall/merchants',
        refType: 'merchant',
        refId: e.payload.merchantId,
      }),
    ),
    on(merchantReviewed, async (trx, e) => {
      const p = e.payload;
      if (p.action !== 'file') await leftQueue(deps, trx, e, 'queue_merchant', p.merchantId);
      const kind =
        p.action === 'file' ? 'merchant_filed' : p.action === 'approve' ? 'merchant_approved' : 'merchant_rejected';
      await toPerson(deps, trx, e, {
        userIds: [p.applicantUserId],
        kind,
        params: { name: p.name, reason: p.reason },
        link: p.action === 'file' ? '/merchant' : '/merchant/apply',
        refType: 'merchant',
        refId: p.merchantId,
      });
    }),
    on(needSubmitted, (trx, e) =>
      toStaff(deps, trx, e, e.payload.communityId, 'need.manage', {
        kind: 'queue_need',
        params: { title: e.payload.title, urgency: e.payload.urgency },
        link: '/admin/needs',
        refType: 'need',
        refId: e.payload.needId,
      }),
    ),
    on(needStatusChanged, async (trx, e) => {
      const p = e.payload;
      if (p.from === 'submitted') await leftQueue(deps, trx, e, 'queue_need', p.needId);
      // The requester's own steps (raising it, rating it) need no notice to themselves.
      if (p.to === 'submitted' || p.to === 'evaluated') return;
      const [need] = await listNeedsByIds(trx, e.districtId, [p.needId]);
      await toPerson(deps, trx, e, {
        userIds: [p.requesterUserId],
        kind: 'need_status',
        params: { title: need?.title ?? null, to: p.to, reason: p.reason },
        link: `/needs/${p.needId}`,
        refType: 'need',
        refId: p.needId,
      });
    }),
    // Mediation (调解): the lead hears of a new case, mediators of their assignment, parties of each step and of
    // messages in their thread, mediators of the parties' messages. Links only; nothing of the dispute.
    on(mediationCaseOpened, (trx, e) =>
      toStaff(deps, trx, e, e.payload.communityId, 'mediation.lead', {
        kind: 'queue_mediation',
        params: {},
        link: '/admin/mediation',
        refType: 'mediation_case',
        refId: e.payload.caseId,
      }),
    ),
    on(mediationMediatorsAssigned, async (trx, e) => {
      const p = e.payload;
      await leftQueue(deps, trx, e, 'queue_mediation', p.caseId);
      const base = { refType: 'mediation_case', refId: p.caseId };
      if (p.addedUserIds.length > 0)
        await toPerson(deps, trx, e, {
          ...base,
          userIds: p.addedUserIds,
          kind: 'mediation_assigned',
          params: {},
          link: '/admin/mediation',
        });
      if (p.partyUserIds.length > 0)
        await toPerson(deps, trx, e, {
          ...base,
          userIds: p.partyUserIds,
          kind: 'mediation_status',
          params: { mediation: 'assigned' },
          link: `/mediation/${p.caseId}`,
        });
    }),
    on(mediationMessagePosted, (trx, e) => {
      const p = e.payload;
      if (p.toUserIds.length === 0) return Promise.resolve();
      return toPerson(deps, trx, e, {
        userIds: p.toUserIds,
        kind: 'mediation_message',
        params: {},
        link: p.toRole === 'mediator' ? '/admin/mediation' : `/mediation/${p.caseId}`,
        refType: 'mediation_case',
        refId: p.caseId,
      });
    }),
    on(mediationCaseClosed, async (trx, e) => {
      const p = e.payload;
      if (p.status === 'withdrawn') await leftQueue(deps, trx, e, 'queue_mediation', p.caseId);
      if (p.partyUserIds.length > 0)
        await toPerson(deps, trx, e, {
          userIds: p.partyUserIds,
          kind: 'mediation_status',
          params: { mediation: p.status },
          link: `/mediation/${p.caseId}`,
          refType: 'mediation_case',
          refId: p.caseId,
        });
      if (p.mediatorUserIds.length > 0)
        await toPerson(deps, trx, e, {
          userIds: p.mediatorUserIds,
          kind: 'mediation_status',
          params: { mediation: p.status },
          link: '/admin/mediation',
          refType: 'mediation_case',
          refId: p.caseId,
        });
    }),
    on(needInvited, (trx, e) =>
      toPerson(deps, trx, e, {
        userIds: [e.payload.userId],
        kind: 'need_invited',
        params: { title: e.payload.title },
        link: '/tasks',
        refType: 'need_invitation',
        refId: e.payload.invitationId,
      }),
    ),
    on(invitationAnswered, async (trx, e) => {
      const p = e.payload;
      // A decline needs no answer; an acceptance hears whether the task is theirs.
      if (!p.accepted) return;
      await toPerson(deps, trx, e, {
        userIds: [p.userId],
        kind: 'need_task',
        params: { outcome: p.gotTask ? 'got' : 'full' },
        link: '/tasks',
        refType: 'need_invitation',
        refId: p.invitationId,
      });
    }),
    on(projectClaimReviewed, (trx, e) => {
      const p = e.payload;
      return toPerson(deps, trx, e, {
        userIds: [p.claimantUserId],
        kind: p.approved ? 'project_claim_approved' : 'project_claim_rejected',
        params: { title: p.projectTitle, unit: p.partnerUnitName, reason: p.reason },
        link: '/partner/projects',
        refType: 'project',
        refId: p.projectId,
      });
    }),
    on(suggestionAnswered, (trx, e) => {
      const p = e.payload;
      return toPerson(deps, trx, e, {
        userIds: [p.userId],
        kind: 'suggestion_answered',
        params: { status: p.status, answer: p.answer },
        link: '/suggestions',
        refType: 'suggestion',
        refId: p.suggestionId,
      });
    }),
    // Care registry (关爱台账): the daily job's alert goes to the person's visitors (to their visit page) and to the
    // nearest care staff over them (to the console list); the name is masked.
    on(careAlert, async (trx, e) => {
      const p = e.payload;
      const params = {
        name: p.nameMasked,
        careAlert: p.emergency ? 'emergency' : p.alert === 'red' ? 'overdue' : 'due_soon',
      };
      const base = { kind: 'care_alert' as const, params, refType: 'care_subject', refId: p.subjectId };
      if (p.visitorIds.length > 0)
        await toPerson(deps, trx, e, { ...base, userIds: p.visitorIds, link: `/care/${p.subjectId}` });
      await toStaff(deps, trx, e, p.nodeId, 'care.manage', { ...base, link: '/admin/care' });
    }),
    // Grid reports (随手拍): the grid's staff hear of a new one, the assignee of an assignment, the reporter and the
    // people who joined of each step someone else took, the next level's staff of an escalation.
    on(reportSubmitted, (trx, e) =>
      toStaff(deps, trx, e, e.payload.gridId ?? e.payload.communityId, 'report.manage', {
        kind: 'queue_report',
        params: { category: e.payload.categoryName },
        link: `/admin/reports?report=${e.payload.reportId}`,
        refType: 'report',
        refId: e.payload.reportId,
      }),
    ),
    on(reportStatusChanged, async (trx, e) => {
      const p = e.payload;
      if (p.from === 'submitted') await leftQueue(deps, trx, e, 'queue_report', p.reportId);
      if (p.to === 'assigned' && p.assigneeUserId && p.assigneeUserId !== p.actorUserId) {
        await toPerson(deps, trx, e, {
          userIds: [p.assigneeUserId],
          kind: 'report_assigned',
          params: { category: p.categoryName, note: p.note },
          link: `/admin/reports?report=${p.reportId}`,
          refType: 'report',
          refId: p.reportId,
        });
      }
      const base = {
        kind: 'report_status' as const,
        link: `/reports/${p.reportId}`,
        refType: 'report',
        refId: p.reportId,
      };
      const params = { category: p.categoryName, reportStatus: p.to, note: p.note };
      if (p.reporterUserId !== p.actorUserId)
        await toPerson(deps, trx, e, {
          ...base,
          userIds: [p.reporterUserId],
          params: { ...params, reward: p.rewardPoints && p.rewardPoints > 0 ? p.rewardPoints : null },
        });
      const supporters = p.supporterUserIds.filter((u) => u !== p.actorUserId && u !== p.reporterUserId);
      if (supporters.length > 0) await toPerson(deps, trx, e, { ...base, userIds: supporters, params });
    }),
    on(reportEscalated, (trx, e) =>
      toStaff(deps, trx, e, e.payload.nodeId, 'report.manage', {
        kind: 'report_escalated',
        params: { category: e.payload.categoryName, level: e.payload.level },
        link: `/admin/reports?report=${e.payload.reportId}`,
        refType: 'report',
        refId: e.payload.reportId,
      }),
    ),
  ];
}

/** Handles every event the notifications consumer has not handled yet; returns how many. Safe to run concurrently. */
export function processNotificationEvents(
  deps: Deps,
  opts: { batch?: number; fullScan?: boolean; onError?: (err: unknown, eventId: string) => void } = {},
): Promise<number> {
  return consumeEvents(deps, {
    consumer: CONSUMER,
    batch: opts.batch,
    fullScan: opts.fullScan,
    onError: opts.onError,
    handlers: handlers(deps),
  });
}

/**
 * The scheduled notices: a reminder the day before (within 24 h) and shortly before (within 2 h) an activity starts,
 * to everyone confirmed; and a warning when a voucher expires within 3 days. Each is keyed by what it is about, so
 * scanning again (or two servers scanning at once) adds nothing. Returns how many notices were new.
 */
export async function scanScheduledNotices(deps: Deps): Promise<number> {
  const now = deps.clock.now().getTime();
  let added = 0;
  for (const s of REMINDER_SLOTS) {
    const rows = await listSignupsStartingBetween(deps.db, iso(new Date(now + s.fromMs)), iso(new Date(now + s.toMs)));
    const byActivity = new Map<string, typeof rows>();
    for (const r of rows) byActivity.set(r.activityId, [...(byActivity.get(r.activityId) ?? []), r]);
    for (const [activityId, people] of byActivity) {
      const a = people[0];
      if (!a) continue;
      added += await inTransaction(deps.db, ({ trx }) =>
        addNotices(deps, trx, {
          districtId: a.districtId,
          userIds: people.map((p) => p.userId),
          kind: 'activity_reminder',
          params: { title: a.title, startsAt: a.startsAt, address: a.address, slot: s.slot },
          link: `/activities/${activityId}`,
          refType: 'activity',
          refId: activityId,
          sourceKey: `reminder:${s.slot}:${activityId}`,
          eventId: null,
        }),
      );
    }
  }
  const vouchers = await listVouchersExpiringBetween(
    deps.db,
    iso(new Date(now)),
    iso(new Date(now + VOUCHER_WARNING_MS)),
  );
  for (const v of vouchers) {
    added += await inTransaction(deps.db, ({ trx }) =>
      addNotices(deps, trx, {
        districtId: v.districtId,
        userIds: [v.userId],
        kind: 'voucher_expiring',
        params: { title: v.title, expiresAt: v.expiresAt },
        link: `/me/vouchers/${v.orderId}`,
        refType: 'order',
        refId: v.orderId,
        sourceKey: `voucher:${v.orderId}`,
        eventId: null,
      }),
    );
  }
  return added;
}
