import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type ActorRole,
  authorize,
  authorizeRoleGrant,
  can,
  canAbove,
  childKind,
  grantsFor,
  isRole,
  type Role,
  STAFF_ROLES,
} from './permissions.js';

// One district D: street S → community C1 → grid G; street S → community C10 (an id that starts like C1's).
// Another district E with the same shape of paths, to show that the district counts and not only the path.
const D = 'D';
const node = {
  district: '/D/',
  street: '/D/S/',
  community: '/D/S/C1/',
  grid: '/D/S/C1/G/',
  building: '/D/S/C1/G/B/',
  sibling: '/D/S/C10/',
};

function actor(...roles: Array<[Role, string, string?]>): Actor {
  return {
    userId: 'u',
    displayName: '测试',
    requestId: null,
    roles: roles.map(([role, path, districtId = D], i): ActorRole => ({
      assignmentId: `a${i}`,
      role,
      districtId,
      nodeId: path.split('/').at(-2)!,
      path,
    })),
  };
}
const at = (path: string, districtId = D) => ({ districtId, path });

describe('can', () => {
  const admin = actor(['community_admin', node.community]);

  it('allows a role’s permission on its own node', () => {
    expect(can(admin, 'org.manage', at(node.community))).toBe(true);
  });
  it('allows it on every node below, down to a building', () => {
    expect([node.grid, node.building].map((p) => can(admin, 'org.manage', at(p)))).toEqual([true, true]);
  });
  it('refuses the node above and the district', () => {
    expect([node.street, node.district].map((p) => can(admin, 'org.manage', at(p)))).toEqual([false, false]);
  });
  it('refuses a sibling whose id starts with the same characters (the path ends in a slash)', () => {
    expect(can(admin, 'org.manage', at(node.sibling))).toBe(false);
  });
  it('refuses the same path in another district', () => {
    expect(can(admin, 'org.manage', at(node.community, 'E'))).toBe(false);
  });
  it('gives grid workers and social workers reading, not managing', () => {
    const grid = actor(['grid_worker', node.grid]);
    expect(['org.read', 'people.read', 'volunteer.read'].map((p) => can(grid, p as 'org.read', at(node.grid)))).toEqual(
      [true, true, true],
    );
    expect(
      ['org.manage', 'people.reveal', 'role.grant', 'points.manage'].map((p) =>
        can(grid, p as 'org.manage', at(node.grid)),
      ),
    ).toEqual([false, false, false, false]);
  });
  it('gives volunteers, team leaders, merchant staff, partner contacts and mediators no staff permission', () => {
    for (const role of ['volunteer', 'team_leader', 'merchant_staff', 'partner_contact', 'mediator'] as const) {
      expect([role, can(actor([role, node.community]), 'org.read', at(node.community))]).toEqual([role, false]);
    }
  });
  it('allows nothing to an actor without roles (a resident)', () => {
    expect(can(actor(), 'org.read', at(node.community))).toBe(false);
  });
  it('allows when any one of several roles reaches the target', () => {
    const both = actor(
      ['volunteer', node.community],
      ['grid_worker', node.grid, 'E'],
      ['community_admin', node.sibling],
    );
    expect(can(both, 'org.manage', at(node.sibling))).toBe(true);
    expect(can(both, 'org.manage', at(node.community))).toBe(false);
  });
});

describe('grantsFor', () => {
  it('lists only the assignments that carry the permission', () => {
    const a = actor(['volunteer', node.community], ['grid_worker', node.grid], ['street_admin', node.street]);
    expect(grantsFor(a, 'org.read').map((g) => g.role)).toEqual(['grid_worker', 'street_admin']);
    expect(grantsFor(a, 'org.manage').map((g) => g.role)).toEqual(['street_admin']);
  });
});

describe('canAbove', () => {
  const admin = actor(['street_admin', node.street]);

  it('allows nodes strictly below the role’s node', () => {
    expect([node.community, node.grid, node.sibling].map((p) => canAbove(admin, 'org.manage', at(p)))).toEqual([
      true,
      true,
      true,
    ]);
  });
  it('refuses the role’s own node (an admin cannot move or archive the node they sit on)', () => {
    expect(canAbove(admin, 'org.manage', at(node.street))).toBe(false);
  });
  it('refuses nodes above, and the same path in another district', () => {
    expect(canAbove(admin, 'org.manage', at(node.district))).toBe(false);
    expect(canAbove(admin, 'org.manage', at(node.community, 'E'))).toBe(false);
  });
  it('needs the permission, not only the position', () => {
    expect(canAbove(actor(['social_worker', node.street]), 'org.manage', at(node.community))).toBe(false);
    expect(canAbove(actor(['social_worker', node.street]), 'org.read', at(node.community))).toBe(true);
  });
});

describe('authorize', () => {
  it('passes silently when allowed', () => {
    expect(
      authorize(actor(['community_admin', node.community]), 'people.read', at(node.grid), 'person'),
    ).toBeUndefined();
  });
  it('throws NOT_FOUND naming the entity (never "forbidden") when not allowed', () => {
    expect(() => authorize(actor(['community_admin', node.sibling]), 'people.read', at(node.grid), 'person')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', params: { entity: 'person' }, status: 404 }),
    );
  });
});

describe('authorizeRoleGrant', () => {
  const refusedRole = (role: Role) =>
    expect.objectContaining({ code: 'ROLE_NOT_GRANTABLE', params: { role }, status: 403 });
  const hidden = expect.objectContaining({ code: 'NOT_FOUND', params: { entity: 'org_node' } });

  it('lets a community admin grant the roles ranked below theirs in their community', () => {
    const admin = actor(['community_admin', node.community]);
    for (const role of [
      'volunteer',
      'team_leader',
      'social_worker',
      'merchant_staff',
      'partner_contact',
      'mediator',
    ] as const) {
      expect(authorizeRoleGrant(admin, role, at(node.community))).toBeUndefined();
    }
    expect(authorizeRoleGrant(admin, 'grid_worker', at(node.grid))).toBeUndefined();
  });
  it('refuses a community admin their own rank with ROLE_NOT_GRANTABLE', () => {
    expect(() =>
      authorizeRoleGrant(actor(['community_admin', node.community]), 'community_admin', at(node.community)),
    ).toThrow(refusedRole('community_admin'));
  });
  it('answers NOT_FOUND for a node outside the granter’s subtree, whatever the role', () => {
    const admin = actor(['community_admin', node.community]);
    expect(() => authorizeRoleGrant(admin, 'street_admin', at(node.street))).toThrow(hidden);
    expect(() => authorizeRoleGrant(admin, 'volunteer', at(node.sibling))).toThrow(hidden);
    expect(() => authorizeRoleGrant(admin, 'volunteer', at(node.community, 'E'))).toThrow(hidden);
  });
  it('lets a street admin grant community admins but not street admins', () => {
    const admin = actor(['street_admin', node.street]);
    expect(authorizeRoleGrant(admin, 'community_admin', at(node.community))).toBeUndefined();
    expect(() => authorizeRoleGrant(admin, 'street_admin', at(node.street))).toThrow(refusedRole('street_admin'));
    expect(() => authorizeRoleGrant(admin, 'district_admin', at(node.street))).toThrow(refusedRole('district_admin'));
  });
  it('lets a district admin grant every role, their peers included', () => {
    const admin = actor(['district_admin', node.district]);
    expect(authorizeRoleGrant(admin, 'district_admin', at(node.district))).toBeUndefined();
    expect(authorizeRoleGrant(admin, 'street_admin', at(node.street))).toBeUndefined();
  });
  it('answers NOT_FOUND to roles without role.grant, even on their own node', () => {
    expect(() => authorizeRoleGrant(actor(['grid_worker', node.grid]), 'volunteer', at(node.grid))).toThrow(hidden);
    expect(() => authorizeRoleGrant(actor(['team_leader', node.community]), 'volunteer', at(node.community))).toThrow(
      hidden,
    );
  });
  it('uses the highest of the granter’s roles that reach the node', () => {
    const both = actor(['community_admin', node.community], ['street_admin', node.street]);
    expect(authorizeRoleGrant(both, 'community_admin', at(node.community))).toBeUndefined();
  });
});

describe('org kinds and role names', () => {
  it('orders kinds district → street → community → grid → building', () => {
    expect(['district', 'street', 'community', 'grid', 'building'].map((k) => childKind(k as 'grid'))).toEqual([
      'street',
      'community',
      'grid',
      'building',
      null,
    ]);
  });
  it('recognises role names exactly', () => {
    expect([isRole('volunteer'), isRole('district_admin'), isRole('Volunteer'), isRole('emperor'), isRole('')]).toEqual(
      [true, true, false, false, false],
    );
  });
  it('shows in the console only the roles holding a permission', () => {
    expect(STAFF_ROLES).toEqual([
      'social_worker',
      'grid_worker',
      'community_admin',
      'street_admin',
      'district_admin',
      'mediation_lead',
    ]);
  });
});
