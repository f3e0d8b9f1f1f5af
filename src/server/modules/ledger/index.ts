// The ledger module's public door.
export {
  accountFor,
  ensurePersonAccount,
  postJournal,
  replayOf,
  type JournalInput,
  type Posted,
} from './ledger.core.js';
export { earnKey, processLedgerEvents, startLedgerWorker } from './ledger.earning.js';
export { ledgerRoutes } from './ledger.routes.js';
export type { Contributor, Contributors } from './ledger.contributors.js';
export { refundJournal } from './ledger.refunds.js';
export { getLedgerHead, listPublicJournals, verifyLedger } from './ledger.public.js';
export { getLedgerPublicKey, listSignedLedgerHeads, signLedgerHeads, type SignedHead } from './ledger.signing.js';
export { exportLedgerChain } from './ledger.export.js';
export { awardPoints, expireLastYear, expirePoints, getMyPoints, reverseJournal } from './ledger.service.js';
export { getPointRules } from './ledger.settings.js';
export { openingBalanceRoutes } from './ledger.opening.routes.js';
export { assertPointsHere } from './ledger.elsewhere.js';
// The person's own data (PIPL access) and closing their account (the privacy module).
export {
  personalDataOf as ledgerPersonalDataOf,
  renameClosedAccounts,
  settleClosedAccount,
  type SettledPoints,
} from './ledger.personal.js';
