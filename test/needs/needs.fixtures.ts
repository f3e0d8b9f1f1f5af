// Fixtures of the needs tests: residents living in a grid, and needs moved along the state graph directly.
import type { Deps } from '../../src/server/platform/context.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import type { OrgNode } from '../../src/server/modules/org/index.js';
import * as repo from '../../src/server/modules/needs/needs.repository.js';
import * as needs from '../../src/server/modules/needs/needs.service.js';
import type { NeedState } from '../../src/server/modules/needs/needs.rules.js';
import { makeUser, plainActor, type TestUser } from '../support.js';

/** A resident whose home is the given node (a community or a grid). */
export async function residentOf(deps: Deps, home: OrgNode): Promise<TestUser> {
  const u = await makeUser(deps, { home });
  await deps.db.updateTable('users').set({ home_node_id: home.id }).where('id', '=', u.id).execute();
  return u;
}

/** A need raised by the resident for themself. */
export function raise(deps: Deps, user: TestUser, over: Partial<needs.CreateNeedInput> = {}): Promise<needs.Need> {
  return needs.createNeed(deps, plainActor(user.id), {
    category: 'errand',
    description: '帮忙去药店买降压药',
    urgency: 'urgent',
    beneficiaryGroup: 'elderly',
    ...over,
  });
}

/** Walks a need along the given states through transitionNeed (as the matching module would). */
export async function walk(deps: Deps, needId: string, states: NeedState[]): Promise<void> {
  for (const to of states) {
    await inTransaction(deps.db, async ({ trx }) => {
      const row = await repo.findNeedById(trx, needId);
      await needs.transitionNeed(trx, deps.clock, row!, to, { actorId: null });
    });
  }
}
