// Earning from accepted service records: the ledger consumes the records module's events through the outbox
// (platform/events.ts consumeEvents), each in one transaction with its consumption row, under an idempotency key per
// record — so every accepted record becomes points exactly once, whether acceptance is retried, two workers run,
// a producer commits late, or the process dies midway. verifyLedger reconciles records against earnings.
import type { Deps } from '../../platform/context.js';
import { consumeEvents, type DomainEvent, findEventByRef, on } from '../../platform/events.js';
import type { Tx } from '../../db/transaction.js';
import { serviceRecordAccepted, serviceRecordSuperseded } from '../records/index.js';
import * as repo from './ledger.repository.js';
import { accountFor, ensurePersonAccount, postJournal } from './ledger.core.js';
import { capEarning, pointsForMinutes } from './ledger.rules.js';
import { getPointRules } from './ledger.settings.js';

export const CONSUMER = 'ledger.service-records';

type Accepted = ReturnType<typeof serviceRecordAccepted.parse>['payload'];

/** The idempotency key of the journal that pays a service record. */
export function earnKey(recordId: string): string {
  return `earn:service_record:${recordId}`;
}

function hoursText(minutes: number): string {
  return `${Math.floor(minutes / 60)}小时${minutes % 60 ? `${minutes % 60}分` : ''}`;
}

async function earn(deps: Deps, trx: Tx, e: DomainEvent<Accepted>) {
  const p = e.payload;
  // A record corrected before its acceptance was handled earns nothing (its replacement earns instead).
  if (await findEventByRef(trx, e.districtId, serviceRecordSuperseded.type, p.recordId)) return;
  const rules = await getPointRules(trx, e.districtId);
  const rate = p.pointsPerHour ?? rules.pointsPerHour;
  const mult = rules.categoryMultipliersPct[p.category] ?? 100;
  const person = await ensurePersonAccount(deps, trx, e.districtId, p.userId);
  const earnedThatDay = await repo.earnedOnDay(trx, e.districtId, person.id, p.serviceDate);
  const points = capEarning(pointsForMinutes(p.minutes, rate, mult), earnedThatDay, person.balance, rules);
  if (points <= 0) return;
  const issuance = await accountFor(deps, trx, e.districtId, {
    type: 'district',
    id: e.districtId,
    purpose: 'issuance',
  });
  await postJournal(deps, trx, {
    districtId: e.districtId,
    type: 'earn',
    reason: `志愿服务：${p.activityTitle ?? p.category}（${hoursText(p.minutes)}）`,
    refType: 'service_record',
    refId: p.recordId,
    idempotencyKey: earnKey(p.recordId),
    communityId: p.communityId,
    effectiveDate: p.serviceDate,
    replay: 'return-first',
    postings: [
      { accountId: issuance.id, amount: -points },
      { accountId: person.id, amount: points },
    ],
  });
}

async function unearn(deps: Deps, trx: Tx, e: DomainEvent<{ recordId: string; reason: string }>) {
  const p = e.payload;
  const original = await repo.findJournalByKey(trx, e.districtId, earnKey(p.recordId));
  if (!original) return;
  const postings = await repo.postingsOf(trx, e.districtId, [original.id]);
  await postJournal(deps, trx, {
    districtId: e.districtId,
    type: 'reverse',
    reason: `服务记录更正，冲正原积分：${p.reason}`,
    refType: 'journal',
    refId: original.id,
    reversesId: original.id,
    idempotencyKey: `reverse:${original.id}`,
    communityId: original.community_id,
    effectiveDate: original.effective_date,
    replay: 'return-first',
    postings: postings.map((x) => ({ accountId: x.account_id, amount: -x.amount })),
  });
}

/**
 * Handles every service-record event the ledger has not handled yet; returns how many. Safe to run concurrently and
 * repeatedly. `fullScan` ignores the low-water mark (the hourly housekeeping and the CLI use it).
 */
export function processLedgerEvents(
  deps: Deps,
  opts: { batch?: number; fullScan?: boolean; onError?: (err: unknown) => void } = {},
): Promise<number> {
  return consumeEvents(deps, {
    consumer: CONSUMER,
    batch: opts.batch,
    fullScan: opts.fullScan,
    onError: opts.onError,
    handlers: [
      on(serviceRecordAccepted, (trx, e) => earn(deps, trx, e)),
      on(serviceRecordSuperseded, (trx, e) => unearn(deps, trx, e)),
    ],
  });
}

/** Runs the consumer when told that events were committed, and every few seconds in case a nudge was missed. */
export function startLedgerWorker(
  deps: Deps,
  log: (err: unknown) => void,
  extra?: () => Promise<unknown>,
): { nudge: () => void; stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  let fullScanDue = true;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    const fullScan = fullScanDue;
    fullScanDue = false;
    running = processLedgerEvents(deps, { fullScan, onError: log })
      .then(() => undefined, log)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, 5000);
  timer.unref();
  // Hourly housekeeping: a full scan of the outbox (an event whose producer committed very late), and expiry of
  // last year's points; both idempotent, so running them often is harmless.
  let housekeeping: Promise<unknown> | null = null;
  const hourly = () => {
    fullScanDue = true;
    if (extra && !housekeeping)
      housekeeping = extra()
        .catch(log)
        .finally(() => {
          housekeeping = null;
        });
  };
  const slow = setInterval(hourly, 3600_000);
  slow.unref();
  hourly();
  run();
  return {
    nudge: run,
    stop: async () => {
      clearInterval(timer);
      clearInterval(slow);
      await running;
      await housekeeping;
    },
  };
}
