// Factories for the projects and suggestion-box tests: community staff, partner units with their contacts, a
// resident with a need.
import { createNeed } from '../../src/server/modules/needs/index.js';
import { createPartnerUnit } from '../../src/server/modules/org/index.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import { actorOf, makeTree, makeUser, type TestEnv, type TestUser, type Tree } from '../support.js';

export interface World {
  tree: Tree;
  adminA: TestUser;
  adminB: TestUser;
  adminActor: Actor;
  adminBActor: Actor;
  contact1: TestUser;
  contact2: TestUser;
  unit1: string;
  unit2: string;
  resident: TestUser;
  residentActor: Actor;
}

/** A tree; admins of communities A and B; two partner units of A with one contact each; a resident of A. */
export async function makeWorld(env: TestEnv, name = '项目区'): Promise<World> {
  const tree = await makeTree(env.deps, name);
  const adminA = await makeUser(env.deps, {
    home: tree.communityA,
    role: 'community_admin',
    roleNode: tree.communityA,
  });
  const adminB = await makeUser(env.deps, {
    home: tree.communityB,
    role: 'community_admin',
    roleNode: tree.communityB,
  });
  const adminActor = await actorOf(env.deps, adminA);
  const contact1 = await makeUser(env.deps, { role: 'partner_contact', roleNode: tree.communityA });
  const contact2 = await makeUser(env.deps, { role: 'partner_contact', roleNode: tree.communityA });
  const u1 = await createPartnerUnit(env.deps, adminActor, {
    nodeId: tree.communityA.id,
    name: '江城大学志愿者协会',
    category: 'university',
    contactName: '陈老师',
    contactPhone: contact1.phone,
  });
  const u2 = await createPartnerUnit(env.deps, adminActor, {
    nodeId: tree.communityA.id,
    name: '区人民医院',
    category: 'hospital',
    contactName: '林医生',
    contactPhone: contact2.phone,
  });
  const resident = await makeUser(env.deps, { home: tree.communityA, realName: '张桂华', displayName: '张阿姨' });
  return {
    tree,
    adminA,
    adminB,
    adminActor,
    adminBActor: await actorOf(env.deps, adminB),
    contact1,
    contact2,
    unit1: u1.id,
    unit2: u2.id,
    resident,
    residentActor: await actorOf(env.deps, resident),
  };
}

/** A need the resident raised (submitted). */
export async function needOf(env: TestEnv, w: World, description = '想请人帮忙买药'): Promise<string> {
  return (await createNeed(env.deps, w.residentActor, { category: 'errand', description })).id;
}
