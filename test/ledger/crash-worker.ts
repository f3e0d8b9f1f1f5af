// A child process for the crash test: processes pending earning events and posts a fixed list of awards,
// with idempotency keys, until everything is done; the parent kills it with SIGKILL at random moments.
import { openRuntime } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { accountFor, postJournal } from '../../src/server/modules/ledger/ledger.core.js';
import { ensurePersonAccount } from '../../src/server/modules/ledger/ledger.core.js';
import { processLedgerEvents } from '../../src/server/modules/ledger/ledger.earning.js';

const [districtId, userId, awards] = process.argv.slice(2);
if (!districtId || !userId || !awards) throw new Error('usage: crash-worker <districtId> <userId> <awards>');
const rt = await openRuntime(loadConfig());
console.log('ready');
await processLedgerEvents(rt.deps, { batch: 5 });
for (let i = 0; i < Number(awards); i++) {
  await inTransaction(rt.deps.db, async ({ trx }) => {
    const issuance = await accountFor(rt.deps, trx, districtId, {
      type: 'district',
      id: districtId,
      purpose: 'issuance',
    });
    const person = await ensurePersonAccount(rt.deps, trx, districtId, userId);
    await postJournal(rt.deps, trx, {
      districtId,
      type: 'award',
      reason: `崩溃测试 ${i}`,
      idempotencyKey: `crash-award-${i}`,
      postings: [
        { accountId: issuance.id, amount: -3 },
        { accountId: person.id, amount: 3 },
      ],
    });
  });
}
await rt.close();
console.log('done');
