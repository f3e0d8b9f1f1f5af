// The session lookup every request makes (one statement: session, person, platform grant, live roles with paths).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  PASSWORD,
  type TestEnv,
  type Tree,
} from '../../../../test/support.js';
import { inTransaction } from '../../db/transaction.js';
import { hashToken } from '../../platform/crypto.js';
import * as repo from './accounts.repository.js';
import { authenticate, login } from './accounts.service.js';
import { insertRole } from './people.service.js';

describe.each(DIALECTS)('session lookup on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
  });
  afterAll(() => env.close());

  async function tokenOf(phone: string): Promise<string> {
    return (await login(env.deps, { phone, password: PASSWORD })).token;
  }

  it('answers the person with no roles when they hold none', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA, displayName: '无角色' });
    const token = await tokenOf(u.phone);
    const auth = await authenticate(env.deps, token, 'r1');
    expect(auth?.actor).toEqual({ userId: u.id, displayName: '无角色', roles: [], requestId: 'r1' });
    expect(auth?.sessionId).toBe(hashToken(token));
    expect(auth?.mustChangePassword).toBe(false);
  });

  it('answers every live role with its node path, without revoked roles or roles on archived nodes', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA, role: 'community_admin', roleNode: tree.communityA });
    const grant = (node: typeof tree.gridA, role: 'grid_worker' | 'social_worker') =>
      inTransaction(env.deps.db, ({ trx }) =>
        insertRole(env.deps, trx, {
          userId: u.id,
          role,
          districtId: node.districtId,
          nodeId: node.id,
          grantedBy: null,
        }),
      );
    await grant(tree.gridA, 'grid_worker');
    await grant(tree.communityB, 'social_worker');
    const token = await tokenOf(u.phone);
    const before = await authenticate(env.deps, token, null);
    expect(before?.actor.roles.map((r) => [r.role, r.path]).sort()).toEqual(
      [
        ['community_admin', tree.communityA.path],
        ['grid_worker', tree.gridA.path],
        ['social_worker', tree.communityB.path],
      ].sort(),
    );
    // Sorted by assignment id, like the lists built from them.
    const ids = before!.actor.roles.map((r) => r.assignmentId);
    expect(ids).toEqual([...ids].sort());

    const social = before!.actor.roles.find((r) => r.role === 'social_worker')!;
    await repo.revokeRoleAssignment(env.deps.db, social.districtId, social.assignmentId, 'x', new Date().toISOString());
    // A role on a node archived since grant is no role at all.
    const other = await makeTree(env.deps, '另一区');
    const archivedHolder = await makeUser(env.deps, { role: 'grid_worker', roleNode: other.gridB });
    await env.deps.db
      .updateTable('org_nodes')
      .set({ archived_at: new Date().toISOString() })
      .where('district_id', '=', other.gridB.districtId)
      .where('id', '=', other.gridB.id)
      .execute();
    const after = await authenticate(env.deps, token, null);
    expect(after?.actor.roles.map((r) => r.role).sort()).toEqual(['community_admin', 'grid_worker']);
    const archived = await authenticate(env.deps, await tokenOf(archivedHolder.phone), null);
    expect(archived?.actor.userId).toBe(archivedHolder.id);
    expect(archived?.actor.roles).toEqual([]);
  });

  it('adds the platform operator role once, beside the node roles', async () => {
    const u = await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district });
    await repo.insertPlatformAdmin(env.deps.db, {
      user_id: u.id,
      granted_by: null,
      granted_at: new Date().toISOString(),
    });
    const auth = await authenticate(env.deps, await tokenOf(u.phone), null);
    expect(auth?.actor.roles.map((r) => r.role)).toEqual(['district_admin', 'platform_admin']);
    expect(auth?.actor.roles[1]).toMatchObject({ assignmentId: `platform:${u.id}`, districtId: '', path: '' });
  });

  it('answers nothing for an unknown, ended or expired session', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    expect(await authenticate(env.deps, 'not-a-session', null)).toBeNull();
    const ended = await tokenOf(u.phone);
    await repo.deleteSession(env.deps.db, hashToken(ended));
    expect(await authenticate(env.deps, ended, null)).toBeNull();
    const expired = await tokenOf(u.phone);
    await env.deps.db
      .updateTable('sessions')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', hashToken(expired))
      .execute();
    expect(await authenticate(env.deps, expired, null)).toBeNull();
    // The expired session is gone, not just refused.
    expect(await repo.findSession(env.deps.db, hashToken(expired))).toBeUndefined();
  });

  it('tells a temporary password apart', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    await repo.updateUser(env.deps.db, u.id, { must_change_password: 1 });
    expect((await authenticate(env.deps, await tokenOf(u.phone), null))?.mustChangePassword).toBe(true);
  });
});
