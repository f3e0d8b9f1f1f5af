// The demo district (示范区): streets, communities, grids, buildings, partner units and one account per role.
import type { Deps } from '../../platform/context.js';
import { hashPassword } from '../../platform/passwords.js';
import type { Role } from '../../platform/permissions.js';
import { must } from '../../platform/must.js';
import { idCheckDigit } from '../../platform/privacy.js';
import { inTransaction } from '../../db/transaction.js';
import { insertNewUser, insertRole } from '../accounts/index.js';
import {
  createDistrict,
  createOrgNode,
  createPartnerUnit,
  findDistrictByName,
  hasAnyNode,
  type OrgNode,
} from '../org/index.js';
import type { Actor } from '../../platform/permissions.js';
import { seedVolunteering } from './demo.volunteering.js';
import { seedMall } from './demo.mall.js';
import { seedProjects } from './demo.projects.js';
import { seedServiceMap } from './demo.servicemap.js';
import { seedNeeds } from './demo.needs.js';
import { seedReports } from './demo.reports.js';
import { seedMediation } from './demo.mediation.js';
import { seedCare } from './demo.care.js';

export const DEMO_DISTRICT = '示范区';

export interface DemoAccount {
  phone: string;
  displayName: string;
  realName: string;
  role: Role | null;
  /** Where the role sits / where the person lives: 'district' | 'street:0' | 'community:0' | 'grid:0:0'. */
  at: string;
}

/** Every demo account; all share the demo password. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { phone: '13800000001', displayName: '王区管', realName: '王建国', role: 'district_admin', at: 'district' },
  { phone: '13800000002', displayName: '李主任', realName: '李秀英', role: 'community_admin', at: 'community:0' },
  { phone: '13800000003', displayName: '赵街道', realName: '赵志强', role: 'street_admin', at: 'street:0' },
  { phone: '13800000004', displayName: '周网格', realName: '周丽华', role: 'grid_worker', at: 'grid:0:0' },
  { phone: '13800000005', displayName: '吴社工', realName: '吴敏', role: 'social_worker', at: 'community:0' },
  { phone: '13800000006', displayName: '郑队长', realName: '郑国庆', role: 'team_leader', at: 'community:0' },
  { phone: '13800000007', displayName: '孙志愿', realName: '孙小红', role: 'volunteer', at: 'community:0' },
  { phone: '13800000008', displayName: '钱老板', realName: '钱德福', role: 'merchant_staff', at: 'community:0' },
  { phone: '13800000009', displayName: '张阿姨', realName: '张桂华', role: null, at: 'community:0' },
  { phone: '13800000010', displayName: '陈老师', realName: '陈思远', role: 'partner_contact', at: 'community:0' },
  { phone: '13800000011', displayName: '刘调解', realName: '刘正义', role: 'mediator', at: 'community:0' },
  { phone: '13800000012', displayName: '黄主任', realName: '黄丽', role: 'community_admin', at: 'community:2' },
  { phone: '13800000013', displayName: '何调解', realName: '何明德', role: 'mediation_lead', at: 'community:0' },
  { phone: '13800000014', displayName: '马先生', realName: '马建军', role: null, at: 'community:0' },
];

const STREETS = [
  { name: '东湖街道', code: '420100001000', communities: ['燕岭社区', '宁康园社区'] },
  { name: '西山街道', code: '420100002000', communities: ['藏龙社区', '碧沙湖社区'] },
];

/** True when the demo district already exists. */
export async function hasDemoDistrict(deps: Deps): Promise<boolean> {
  return !!(await findDistrictByName(deps.db, DEMO_DISTRICT));
}

/** True when the database holds no organisation at all (first start). */
export async function isEmpty(deps: Deps): Promise<boolean> {
  return !(await hasAnyNode(deps.db));
}

/** A valid-looking demo ID number (GB 11643 check digit) derived from a phone number. */
function demoIdNumber(phone: string): string {
  const first17 = `420102${1950 + (Number(phone.slice(-2)) % 40)}0${1 + (Number(phone.slice(-1)) % 9)}15${phone.slice(-3)}`;
  return first17 + idCheckDigit(first17);
}

/** Creates the demo district; returns false (doing nothing) when it exists already. */
export async function seedDemo(deps: Deps, password: string): Promise<boolean> {
  if (await hasDemoDistrict(deps)) return false;
  const district = await createDistrict(deps, { name: DEMO_DISTRICT, code: '420100000000' });
  // The seed acts as a system actor holding district admin on the new district.
  const system: Actor = {
    userId: 'system',
    displayName: 'system',
    requestId: null,
    roles: [
      {
        assignmentId: 'seed',
        role: 'district_admin',
        districtId: district.id,
        nodeId: district.id,
        path: district.path,
      },
    ],
  };
  const streets: OrgNode[] = [];
  const communities: OrgNode[] = [];
  const grids: OrgNode[][] = [];
  for (const st of STREETS) {
    const street = await createOrgNode(deps, system, {
      parentId: district.id,
      kind: 'street',
      name: st.name,
      code: st.code,
    });
    streets.push(street);
    for (const [ci, cname] of st.communities.entries()) {
      const community = await createOrgNode(deps, system, {
        parentId: street.id,
        kind: 'community',
        name: cname,
        code: `${st.code.slice(0, 9)}${String(ci + 1).padStart(3, '0')}`,
      });
      communities.push(community);
      const gs: OrgNode[] = [];
      for (const gname of ['第一网格', '第二网格', '第三网格']) {
        gs.push(await createOrgNode(deps, system, { parentId: community.id, kind: 'grid', name: gname }));
      }
      grids.push(gs);
    }
  }
  const home = must(communities[0], 'the first demo community');
  for (const [gi, grid] of must(grids[0], "the first community's grids").entries()) {
    for (const b of [1, 2]) {
      await createOrgNode(deps, system, { parentId: grid.id, kind: 'building', name: `${gi * 2 + b}栋` });
    }
  }
  await createPartnerUnit(deps, system, {
    nodeId: home.id,
    name: '江城大学志愿者协会',
    category: 'university',
    contactName: '陈思远',
    contactPhone: '13800000010',
  });
  await createPartnerUnit(deps, system, {
    nodeId: must(streets[0], 'the first demo street').id,
    name: '区人民医院东湖分院',
    category: 'hospital',
    contactName: '林医生',
    contactPhone: '13900000020',
  });

  const locate = (at: string): OrgNode => {
    const [kind, a, b] = at.split(':');
    if (kind === 'district') return district;
    const node =
      kind === 'street'
        ? streets[Number(a)]
        : kind === 'community'
          ? communities[Number(a)]
          : grids[Number(a)]?.[Number(b)];
    return must(node, `demo node ${at}`);
  };
  const homeOf = (at: string): OrgNode => {
    const [kind, a] = at.split(':');
    if (kind === 'community' || kind === 'grid') return must(communities[Number(a)], `demo community ${at}`);
    return home;
  };
  const hash = await hashPassword(password);
  await inTransaction(deps.db, async ({ trx }) => {
    for (const acc of DEMO_ACCOUNTS) {
      const user = await insertNewUser(
        deps,
        trx,
        {
          phone: acc.phone,
          displayName: acc.displayName,
          realName: acc.realName,
          idNumber: demoIdNumber(acc.phone),
          communityId: homeOf(acc.at).id,
        },
        hash,
      );
      if (acc.role) {
        const node = locate(acc.at);
        await insertRole(deps, trx, {
          userId: user.id,
          role: acc.role,
          districtId: district.id,
          nodeId: node.id,
          grantedBy: null,
        });
      }
    }
  });
  await seedVolunteering(deps, password, home.id);
  await seedMall(deps, password, home.id);
  await seedServiceMap(deps, password, home.id, must(communities[1], 'the second demo community').id);
  await seedNeeds(deps, password);
  await seedReports(
    deps,
    password,
    must(grids[0], "the first community's grids").map((g) => g.id),
  );
  await seedMediation(deps, password);
  await seedCare(deps, password, must(grids[0]?.[0], "the first community's first grid").id);
  await seedProjects(deps, password, home.id);
  return true;
}
