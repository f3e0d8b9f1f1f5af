// Earning from accepted service records: the ledger consumes the record module's events in id order, each in one
// transaction with its checkpoint, under an idempotency key per record — so every accepted record becomes points
// exactly once, whether acceptance is retried, two workers run, or the process dies midway.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import * as repo from './ledger.repository.js';
import { accountFor, postJournal } from './ledger.core.js';
import { capEarning, pointsForMinutes } from './ledger.rules.js';
import { getPointRules } from './ledger.settings.js';

export const CONSUMER = 'ledger.service-records';
const TYPES = ['service_record.accepted', 'service_record.superseded'];

interface AcceptedPayload {
  recordId: string;
  userId: string;
  minutes: number;
  activityId: string;
  category: string;
  communityId: string;
  pointsPerHour: number | null;
  serviceDate: string;
}

/** The account of a person, named by real name when known (the public ledger masks it). */
export async function personAccount(deps: Deps, trx: Executor, districtId: string, userId: string) {
  const u = await trx.selectFrom('users').select(['display_name', 'real_name_enc', 'home_node_id']).where('id', '=', userId).executeTakeFirstOrThrow();
  const name = u.real_name_enc ? deps.cipher.decrypt(u.real_name_enc) : u.display_name;
  return accountFor(deps, trx, districtId, { type: 'user', id: userId, name, communityId: u.home_node_id });
}

async function earn(deps: Deps, trx: Executor, districtId: string, p: AcceptedPayload) {
  const rules = await getPointRules(trx, districtId);
  const rate = p.pointsPerHour ?? rules.pointsPerHour;
  const mult = rules.categoryMultipliersPct[p.category] ?? 100;
  const person = await personAccount(deps, trx, districtId, p.userId);
  const earnedThatDay = await repo.earnedOnDay(trx, districtId, person.id, p.serviceDate);
  const points = capEarning(pointsForMinutes(p.minutes, rate, mult), earnedThatDay, person.balance, rules);
  if (points <= 0) return;
  const issuance = await accountFor(deps, trx, districtId, { type: 'district', id: districtId, purpose: 'issuance' });
  const activity = await trx.selectFrom('activities').select('title').where('district_id', '=', districtId).where('id', '=', p.activityId).executeTakeFirst();
  await postJournal(deps, trx, {
    districtId, type: 'earn', reason: `志愿服务：${activity?.title ?? p.category}（${Math.floor(p.minutes / 60)}小时${p.minutes % 60 ? `${p.minutes % 60}分` : ''}）`,
    refType: 'service_record', refId: p.recordId, idempotencyKey: `earn:service_record:${p.recordId}`,
    communityId: p.communityId, effectiveDate: p.serviceDate,
    postings: [{ accountId: issuance.id, amount: -points }, { accountId: person.id, amount: points }],
  });
}

async function unearn(deps: Deps, trx: Executor, districtId: string, p: { recordId: string; reason: string }) {
  const original = await repo.findJournalByKey(trx, districtId, `earn:service_record:${p.recordId}`);
  if (!original) return;
  const postings = await repo.postingsOf(trx, districtId, [original.id]);
  await postJournal(deps, trx, {
    districtId, type: 'reverse', reason: `服务记录更正，冲正原积分：${p.reason}`, refType: 'journal', refId: original.id,
    reversesId: original.id, idempotencyKey: `reverse:${original.id}`, communityId: original.community_id,
    effectiveDate: original.effective_date, postings: postings.map((x) => ({ accountId: x.account_id, amount: -x.amount })),
  });
}

/** Processes pending service-record events; returns how many were handled. Safe to run concurrently and repeatedly. */
export async function processLedgerEvents(deps: Deps, batch = 200): Promise<number> {
  let handled = 0;
  for (;;) {
    const cp = await repo.getCheckpoint(deps.db, CONSUMER);
    let q = deps.db.selectFrom('domain_events').selectAll().where('type', 'in', TYPES);
    if (cp?.last_event_id) q = q.where('id', '>', cp.last_event_id);
    const events = await q.orderBy('id').limit(batch).execute();
    if (events.length === 0) return handled;
    for (const e of events) {
      await inTransaction(deps.db, async ({ trx }) => {
        const payload = JSON.parse(e.payload);
        if (e.type === 'service_record.accepted') await earn(deps, trx, e.district_id, payload as AcceptedPayload);
        else await unearn(deps, trx, e.district_id, payload as { recordId: string; reason: string });
        await repo.advanceCheckpoint(trx, CONSUMER, e.id, iso(deps.clock.now()));
      });
      handled += 1;
    }
  }
}

/** Runs the consumer when told that events were committed, and every few seconds in case a nudge was missed. */
export function startLedgerWorker(deps: Deps, log: (err: unknown) => void, extra?: () => Promise<unknown>): { nudge(): void; stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = processLedgerEvents(deps).then(() => undefined, log).finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
  };
  const timer = setInterval(run, 5000);
  timer.unref();
  // Hourly housekeeping (expiry of last year's points); idempotent, so running it often is harmless.
  let housekeeping: Promise<unknown> | null = null;
  const hourly = () => {
    if (extra && !housekeeping) housekeeping = extra().catch(log).finally(() => { housekeeping = null; });
  };
  const slow = setInterval(hourly, 3600_000);
  slow.unref();
  run();
  hourly();
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
