// The person's rights over their data (PIPL, issue 14): a copy of everything held about them (exportMyData), and
// closing their account (closeMyAccount). Each module offers its part through its index.ts (<module>.personal.ts);
// this module sits above them all (like audit and demo), so it imports them directly and needs no port.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import type { PersonalSection } from '../../platform/personal.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import {
  accountsPersonalDataOf,
  assertOwnPassword,
  closedNameOf,
  closeUserAccount,
  homeNodeOf,
  ownContactOf,
} from '../accounts/index.js';
import { activitiesPersonalDataOf, cancelFutureSignUpsOf } from '../activities/index.js';
import { auditPersonalDataOf } from '../audit/index.js';
import { ledgerPersonalDataOf, renameClosedAccounts, settleClosedAccount } from '../ledger/index.js';
import { cancelActiveVouchersOf, mallPersonalDataOf } from '../mall/index.js';
import { mediationPersonalDataOf } from '../mediation/index.js';
import { carePersonalDataOf } from '../care/index.js';
import { needsPersonalDataOf, renameClosedVolunteerInvitations, withdrawOpenNeedsOf } from '../needs/index.js';
import { dropPendingDeliveriesOf, notificationsPersonalDataOf } from '../notifications/index.js';
import { projectsPersonalDataOf } from '../projects/index.js';
import { recordsPersonalDataOf } from '../records/index.js';
import { reportsPersonalDataOf } from '../reports/index.js';
import { renameClosedAuthor, suggestionsPersonalDataOf } from '../suggestions/index.js';
import { eraseVolunteerData, volunteersPersonalDataOf } from '../volunteers/index.js';
import {
  CLOSE_PHRASE,
  type ClosedAccountReply,
  type CloseMyAccount,
  type MyContact,
  type MyData,
} from './privacy.schemas.js';

type PersonalPart = (deps: Deps, db: Executor, userId: string) => Promise<PersonalSection[]>;

/** Every module's part, in the order the export shows them. */
const PARTS: PersonalPart[] = [
  accountsPersonalDataOf,
  volunteersPersonalDataOf,
  activitiesPersonalDataOf,
  recordsPersonalDataOf,
  ledgerPersonalDataOf,
  mallPersonalDataOf,
  needsPersonalDataOf,
  mediationPersonalDataOf,
  carePersonalDataOf,
  reportsPersonalDataOf,
  projectsPersonalDataOf,
  suggestionsPersonalDataOf,
  notificationsPersonalDataOf,
  auditPersonalDataOf,
];

interface AuditScope {
  districtId: string;
  nodeId: string | null;
  path: string;
}

/**
 * Where an entry about the person is filed: their home community's district, and every other district where they hold
 * a role (so that district's admins see it); a person with neither is filed under no district.
 */
async function auditScopesOf(db: Executor, actor: Actor): Promise<AuditScope[]> {
  const scopes: AuditScope[] = [];
  const home = await homeNodeOf(db, actor.userId);
  if (home) scopes.push({ districtId: home.district_id, nodeId: home.id, path: home.path });
  for (const r of actor.roles) {
    if (!r.districtId || scopes.some((s) => s.districtId === r.districtId)) continue;
    scopes.push({ districtId: r.districtId, nodeId: r.nodeId, path: r.path });
  }
  return scopes.length > 0 ? scopes : [{ districtId: '', nodeId: null, path: '' }];
}

async function audit(
  deps: Deps,
  trx: Executor,
  actor: Actor,
  scopes: AuditScope[],
  action: string,
  details: Record<string, unknown>,
) {
  for (const s of scopes) {
    await recordAudit(trx, deps.clock, actor, {
      districtId: s.districtId,
      action,
      targetType: 'person',
      targetId: actor.userId,
      scopeNodeId: s.nodeId,
      scopePath: s.path,
      details,
    });
  }
}

/**
 * Everything held about the person, across modules, decrypted for themself (their own phone, name, ID): the copy
 * PIPL gives them a right to. Writes person.data_exported to the audit log (the sections and row counts, no content).
 */
export async function exportMyData(deps: Deps, actor: Actor, format: 'json' | 'xlsx'): Promise<MyData> {
  const sections: PersonalSection[] = [];
  for (const part of PARTS) sections.push(...(await part(deps, deps.db, actor.userId)));
  const generatedAt = iso(deps.clock.now());
  await inTransaction(deps.db, async ({ trx }) => {
    await audit(deps, trx, actor, await auditScopesOf(trx, actor), 'person.data_exported', {
      format,
      rows: Object.fromEntries(sections.map((s) => [s.key, s.rows.length])),
    });
  });
  return { userId: actor.userId, generatedAt, sections };
}

/** The person's own phone, real name and ID number, for the reveal on their 个人信息 page (their own data). */
export async function getMyContact(deps: Deps, actor: Actor): Promise<MyContact> {
  const c = await ownContactOf(deps, deps.db, actor.userId);
  if (!c) throw new AppError('UNAUTHENTICATED');
  return c;
}

/**
 * Closes the person's account, in one transaction: personal fields replaced by a pseudonym (已注销用户…) or erased,
 * the phone released for a new registration, sessions deleted, role grants ended, volunteer profile erased, future
 * sign-ups cancelled, open needs withdrawn, active vouchers refunded, points left moved where the district's rule says (once: key
 * close:<account>), suggestions and ledger accounts shown under the pseudonym. Journals, service records and
 * certificates are untouched: they reference ids, so the ledger still verifies. Audited as person.closed.
 * Asks for the current password and the typed phrase 注销. A repeated close (a retry, or the loser of two at once)
 * changes nothing and answers closedNow: false.
 */
export async function closeMyAccount(deps: Deps, actor: Actor, input: CloseMyAccount): Promise<ClosedAccountReply> {
  if (input.confirm !== CLOSE_PHRASE)
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'confirm', message: 'v.closePhrase' }]);
  const already = (pseudonym: string) => ({
    pseudonym,
    closedNow: false,
    signupsCancelled: 0,
    vouchersCancelled: 0,
    needsWithdrawn: 0,
    rolesEnded: 0,
    points: [],
  });
  // A retry after the closing committed: the password is gone with everything else, and nothing is left to do.
  const closedAs = await closedNameOf(deps.db, actor.userId);
  if (closedAs) return already(closedAs);
  await assertOwnPassword(deps.db, actor.userId, input.currentPassword);
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const scopes = await auditScopesOf(trx, actor);
    // The conditional UPDATE of the users row decides between two closes at once: the loser changes nothing.
    const closed = await closeUserAccount(deps, trx, actor.userId);
    if (!closed) return already((await closedNameOf(trx, actor.userId)) ?? actor.displayName);
    await eraseVolunteerData(deps, trx, actor.userId, closed.pseudonym);
    const signupsCancelled = await cancelFutureSignUpsOf(deps, trx, actor.userId);
    const needsWithdrawn = await withdrawOpenNeedsOf(deps, trx, actor);
    // Vouchers first: their refunds come back to the account before what is left on it is moved.
    const vouchersCancelled = await cancelActiveVouchersOf(deps, trx, actor);
    const settled = await settleClosedAccount(deps, trx, actor.userId);
    await renameClosedAccounts(trx, actor.userId, closed.pseudonym);
    await renameClosedAuthor(trx, actor.userId, closed.pseudonym);
    await renameClosedVolunteerInvitations(trx, actor.userId, closed.pseudonym);
    await dropPendingDeliveriesOf(trx, actor.userId, iso(deps.clock.now()));
    const points = settled.map((s) => ({
      districtId: s.districtId,
      points: s.points,
      to: s.to,
      journalId: s.journalId,
    }));
    await audit(deps, trx, actor, scopes, 'person.closed', {
      pseudonym: closed.pseudonym,
      signupsCancelled,
      vouchersCancelled,
      needsWithdrawn,
      rolesEnded: closed.endedRoles.length,
      points,
    });
    return {
      pseudonym: closed.pseudonym,
      closedNow: true,
      signupsCancelled,
      vouchersCancelled,
      needsWithdrawn,
      rolesEnded: closed.endedRoles.length,
      points,
    };
  });
}
