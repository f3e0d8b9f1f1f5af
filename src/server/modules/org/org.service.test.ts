import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  type TestEnv,
  type Tree,
} from '../../../../test/support.js';
import type { Actor } from '../../platform/permissions.js';
import * as svc from './org.service.js';

describe.each(DIALECTS)('org service on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let districtAdmin: Actor;
  let communityAdminA: Actor;
  let streetAdminA: Actor;

  let districts = 0;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });

  // Each test gets its own district and people, so it passes alone and in any order.
  beforeEach(async () => {
    districts += 1;
    tree = await makeTree(env.deps, `测试区${districts}`);
    districtAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }),
    );
    communityAdminA = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    streetAdminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
  });
  afterAll(() => env.close());

  it('lists the tree parents-first, limited to the actor’s scope', async () => {
    const all = await svc.listOrgNodes(env.deps, districtAdmin, {});
    expect(all.items.at(0)?.kind).toBe('district');
    expect(all.items.map((n) => n.name)).toEqual(expect.arrayContaining(['甲街道', '乙社区', '甲一网格']));
    const mine = await svc.listOrgNodes(env.deps, communityAdminA, {});
    expect(mine.items.map((n) => n.name)).toEqual(['甲社区', '甲一网格']);
  });

  it('pages with a cursor', async () => {
    const first = await svc.listOrgNodes(env.deps, districtAdmin, { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await svc.listOrgNodes(env.deps, districtAdmin, { limit: 3, cursor: first.nextCursor! });
    const [next, last] = [second.items.at(0), first.items.at(2)];
    expect(next && last && next.path > last.path).toBe(true);
  });

  it('creates a grid under a community and records it in the audit log', async () => {
    const grid = await svc.createOrgNode(env.deps, communityAdminA, {
      parentId: tree.communityA.id,
      kind: 'grid',
      name: '甲二网格',
      code: '420100001101',
    });
    expect(grid).toMatchObject({ kind: 'grid', parentId: tree.communityA.id, depth: 3, archived: false });
    expect(grid.path).toBe(`${tree.communityA.path}${grid.id}/`);
    const audit = await env.deps.db.selectFrom('audit_events').selectAll().where('target_id', '=', grid.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'org.create',
      actor_id: communityAdminA.userId,
      request_id: 'test-request',
    });
  });

  it('refuses a node of the wrong level, a duplicate sibling name and a reused code', async () => {
    await svc.createOrgNode(env.deps, districtAdmin, {
      parentId: tree.communityA.id,
      kind: 'grid',
      name: '甲二网格',
      code: `4201000099${String(districts).padStart(2, '0')}`,
    });
    await expect(
      svc.createOrgNode(env.deps, districtAdmin, { parentId: tree.communityA.id, kind: 'building', name: '1栋' }),
    ).rejects.toMatchObject({ code: 'ORG_INVALID_PARENT', params: { kind: 'building', parentKind: 'grid' } });
    await expect(
      svc.createOrgNode(env.deps, districtAdmin, { parentId: tree.communityA.id, kind: 'grid', name: '甲一网格' }),
    ).rejects.toMatchObject({ code: 'ORG_NAME_TAKEN' });
    await expect(
      svc.createOrgNode(env.deps, districtAdmin, {
        parentId: tree.communityB.id,
        kind: 'grid',
        name: '乙二网格',
        code: `4201000099${String(districts).padStart(2, '0')}`,
      }),
    ).rejects.toMatchObject({ code: 'ORG_CODE_TAKEN' });
  });

  it('answers NOT_FOUND for another community, exactly as for a missing node', async () => {
    const other = svc.createOrgNode(env.deps, communityAdminA, {
      parentId: tree.communityB.id,
      kind: 'grid',
      name: 'x',
    });
    await expect(other).rejects.toMatchObject({ code: 'NOT_FOUND', params: { entity: 'org_node' } });
    const missing = svc.createOrgNode(env.deps, communityAdminA, { parentId: 'NOPE', kind: 'grid', name: 'x' });
    await expect(missing).rejects.toMatchObject({ code: 'NOT_FOUND', params: { entity: 'org_node' } });
    await expect(svc.listOrgNodes(env.deps, communityAdminA, { rootId: tree.communityB.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('moves a community with its subtree to another street', async () => {
    const c = await svc.createOrgNode(env.deps, districtAdmin, {
      parentId: tree.streetA.id,
      kind: 'community',
      name: '搬迁社区',
    });
    const g = await svc.createOrgNode(env.deps, districtAdmin, { parentId: c.id, kind: 'grid', name: '一网格' });
    const b = await svc.createOrgNode(env.deps, districtAdmin, { parentId: g.id, kind: 'building', name: '1栋' });
    const moved = await svc.updateOrgNode(env.deps, districtAdmin, c.id, { parentId: tree.streetB.id });
    expect(moved.parentId).toBe(tree.streetB.id);
    expect(moved.path).toBe(`${tree.streetB.path}${c.id}/`);
    const nodes = (await svc.listOrgNodes(env.deps, districtAdmin, { rootId: c.id })).items;
    expect(nodes.find((n) => n.id === b.id)!.path).toBe(`${tree.streetB.path}${c.id}/${g.id}/${b.id}/`);
    // The street admin of A no longer reaches it.
    await expect(svc.updateOrgNode(env.deps, streetAdminA, c.id, { name: 'y' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses moving a node under itself, to the wrong level, or moving one’s own node', async () => {
    const c = await svc.createOrgNode(env.deps, districtAdmin, {
      parentId: tree.streetA.id,
      kind: 'community',
      name: '自移社区',
    });
    await expect(svc.updateOrgNode(env.deps, districtAdmin, tree.streetA.id, { parentId: c.id })).rejects.toMatchObject(
      {
        code: 'ORG_MOVE_INTO_SELF',
      },
    );
    await expect(svc.updateOrgNode(env.deps, districtAdmin, c.id, { parentId: tree.gridA.id })).rejects.toMatchObject({
      code: 'ORG_INVALID_PARENT',
    });
    await expect(
      svc.updateOrgNode(env.deps, communityAdminA, tree.communityA.id, { parentId: tree.streetB.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      svc.updateOrgNode(env.deps, districtAdmin, tree.district.id, { archived: true }),
    ).rejects.toMatchObject({
      code: 'ORG_ROOT_IMMUTABLE',
    });
  });

  it('archives only leaves, hides archived nodes unless asked, and restores them', async () => {
    const c = await svc.createOrgNode(env.deps, streetAdminA, {
      parentId: tree.streetA.id,
      kind: 'community',
      name: '归档社区',
    });
    const g = await svc.createOrgNode(env.deps, streetAdminA, { parentId: c.id, kind: 'grid', name: '网格' });
    await expect(svc.updateOrgNode(env.deps, streetAdminA, c.id, { archived: true })).rejects.toMatchObject({
      code: 'ORG_HAS_CHILDREN',
      params: { count: 1 },
    });
    await svc.updateOrgNode(env.deps, streetAdminA, g.id, { archived: true });
    const archived = await svc.updateOrgNode(env.deps, streetAdminA, c.id, { archived: true });
    expect(archived.archived).toBe(true);
    const visible = await svc.listOrgNodes(env.deps, streetAdminA, {});
    expect(visible.items.some((n) => n.id === c.id)).toBe(false);
    const withArchived = await svc.listOrgNodes(env.deps, streetAdminA, { includeArchived: true });
    expect(withArchived.items.some((n) => n.id === c.id)).toBe(true);
    await expect(
      svc.createOrgNode(env.deps, streetAdminA, { parentId: c.id, kind: 'grid', name: 'z' }),
    ).rejects.toMatchObject({
      code: 'ORG_ARCHIVED',
    });
    const restored = await svc.updateOrgNode(env.deps, streetAdminA, c.id, { archived: false });
    expect(restored.archived).toBe(false);
    const actions = await env.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', c.id)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['org.archive', 'org.create', 'org.restore']);
  });

  it('renames and re-codes, leaving the audit trail', async () => {
    const n = await svc.updateOrgNode(env.deps, communityAdminA, tree.gridA.id, {
      name: '甲一网格（新）',
      code: '420100001199',
    });
    expect(n).toMatchObject({ name: '甲一网格（新）', code: '420100001199' });
    const n2 = await svc.updateOrgNode(env.deps, communityAdminA, tree.gridA.id, { code: null });
    expect(n2.code).toBeNull();
  });

  it('attaches partner units to streets and communities only, with masked contact phones', async () => {
    const p = await svc.createPartnerUnit(env.deps, communityAdminA, {
      nodeId: tree.communityA.id,
      name: '区医院',
      category: 'hospital',
      contactName: '林医生',
      contactPhone: '13912345678',
    });
    expect(p).toMatchObject({ nodeName: '甲社区', contactPhoneMasked: '139****5678', archived: false });
    const raw = await env.deps.db
      .selectFrom('partner_units')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(raw.contact_phone_enc).not.toContain('13912345678');
    await expect(
      svc.createPartnerUnit(env.deps, communityAdminA, { nodeId: tree.gridA.id, name: 'x', category: 'other' }),
    ).rejects.toMatchObject({ code: 'PARTNER_NODE_KIND' });
    const list = await svc.listPartnerUnits(env.deps, communityAdminA, {});
    expect(list.items.map((x) => x.id)).toContain(p.id);
    const otherAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }),
    );
    expect((await svc.listPartnerUnits(env.deps, otherAdmin, {})).items.map((x) => x.id)).not.toContain(p.id);
    await expect(svc.updatePartnerUnit(env.deps, otherAdmin, p.id, { name: 'y' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const archived = await svc.updatePartnerUnit(env.deps, communityAdminA, p.id, { archived: true });
    expect(archived.archived).toBe(true);
  });
});
