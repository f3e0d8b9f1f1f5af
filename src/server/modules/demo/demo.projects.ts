// Demo resources, projects, claims and suggestions in 燕岭社区, made through the services like people would: the
// community records what the partner units offer; a project bundles two needs 张阿姨's neighbours raised and is
// claimed by the university (陈老师, pending review); a second project is already claimed; residents' suggestions,
// two of them answered (one anonymous in public).
import type { Deps } from '../../platform/context.js';
import type { Actor } from '../../platform/permissions.js';
import { authenticate, login } from '../accounts/index.js';
import { createNeed } from '../needs/index.js';
import { findNode, listPartnerUnitsWithin } from '../org/index.js';
import { claimProject, createProject, createResource, reviewClaim } from '../projects/index.js';
import { answerSuggestion, createSuggestion } from '../suggestions/index.js';

async function actor(deps: Deps, phone: string, password: string): Promise<Actor> {
  const s = await login(deps, { phone, password });
  const auth = await authenticate(deps, s.token, null);
  if (!auth) throw new Error(`demo account ${phone} cannot sign in`);
  return auth.actor;
}

/** Adds the demo resources, projects, claims and suggestions of the home community. */
export async function seedProjects(deps: Deps, password: string, communityId: string): Promise<void> {
  const admin = await actor(deps, '13800000002', password); // 李主任
  const contact = await actor(deps, '13800000010', password); // 陈老师, 江城大学志愿者协会
  const community = await findNode(deps.db, communityId);
  if (!community) throw new Error('demo community missing');
  const units = await listPartnerUnitsWithin(deps.db, [{ districtId: community.district_id, path: '/' }], {
    nodePath: null,
    includeArchived: false,
    beforeId: null,
    limit: 20,
  });
  const university = units.find((u) => u.name === '江城大学志愿者协会');
  const hospital = units.find((u) => u.name === '区人民医院东湖分院');

  const resources = [];
  if (university) {
    resources.push(
      await createResource(deps, admin, {
        communityId,
        providerKind: 'partner',
        providerId: university.id,
        kind: 'professionals',
        title: '大学生志愿者（智能手机教学）',
        description: '计算机学院学生，可教老人用手机挂号、视频通话、防诈骗。',
        quantity: 12,
        unit: '人',
        availability: '每周六上午',
        availableFrom: '2026-12-01',
        availableTo: '2027-06-30',
        conditions: '提前一周预约，学期考试周暂停',
        contact: '陈老师',
        needCategories: ['phone_help', 'visit'],
      }),
    );
  }
  if (hospital) {
    resources.push(
      await createResource(deps, admin, {
        communityId,
        providerKind: 'partner',
        providerId: hospital.id,
        kind: 'professionals',
        title: '家庭医生上门义诊',
        description: '全科医生与护士，测血压血糖、用药指导。',
        quantity: 3,
        unit: '人',
        availability: '每月第二个周四下午',
        conditions: '需社区提供场地',
        contact: '林医生',
        needCategories: ['escort', 'visit'],
      }),
    );
  }
  const hall = await createResource(deps, admin, {
    communityId,
    providerKind: 'community',
    kind: 'venue',
    title: '社区党群服务中心多功能厅',
    description: '有投影、音响，可摆 40 个座位。',
    quantity: 40,
    unit: '座',
    availability: '工作日白天，周末需预约',
    conditions: '活动结束后恢复桌椅',
    contact: '社区服务站',
    needCategories: ['phone_help', 'childcare', 'counselling'],
  });
  const fund = await createResource(deps, admin, {
    communityId,
    providerKind: 'community',
    kind: 'funds',
    title: '社区微公益金',
    description: '社区公益基金中划出的年度小微项目经费。',
    amountFen: 2_000_000,
    availability: '2027 年度',
    conditions: '用于居民议定的小微项目，需公示',
    contact: '社区服务站',
    needCategories: ['environment', 'repair'],
  });

  // Two needs of elders in the community, bundled into one project for a partner unit to take on.
  const zhang = await actor(deps, '13800000009', password); // 张阿姨
  const n1 = await createNeed(deps, zhang, {
    category: 'errand',
    title: '想学用手机挂号',
    description: '去医院挂号总排长队，想学会用手机预约挂号和看检查报告。',
    beneficiaryGroup: 'elderly',
  });
  const volunteerResident = await actor(deps, '13800000007', password); // 孙志愿 (also a resident)
  const n2 = await createNeed(deps, volunteerResident, {
    category: 'errand',
    title: '帮家里老人学视频通话',
    description: '父母在家不会用微信视频，想请人来教一教。',
    beneficiaryGroup: 'elderly',
  });
  const phoneClass = await createProject(deps, admin, {
    communityId,
    title: '银龄智能手机课堂',
    description: '每周六上午在多功能厅开课，手把手教老人用手机挂号、视频通话、识别诈骗电话，共 8 次课。',
    budgetFen: 300_000,
    needIds: [n1.id, n2.id],
    resourceIds: [hall.id, ...resources.slice(0, 1).map((r) => r.id)],
    publish: true,
  });
  if (university) {
    await claimProject(deps, contact, phoneClass.id, {
      partnerUnitId: university.id,
      plan: '计算机学院每次派 6 名学生志愿者，一对一辅导；第一次课先调查老人的手机型号和需求。',
    });
  }

  const clinic = await createProject(deps, admin, {
    communityId,
    title: '家门口的健康小站',
    description: '每月一次在社区义诊，测血压血糖，为独居老人建立健康档案。',
    budgetFen: 500_000,
    needIds: [],
    resourceIds: [hall.id, fund.id, ...resources.slice(1).map((r) => r.id)],
    publish: true,
  });
  if (university) {
    const claim = await claimProject(deps, contact, clinic.id, {
      partnerUnitId: university.id,
      plan: '医学院学生协助测量登记，配合医院医生开展义诊。',
    });
    await reviewClaim(deps, admin, claim.id, { decision: 'approve' });
  }
  await createProject(deps, admin, {
    communityId,
    title: '楼道微改造（草稿）',
    description: '为 2 栋、3 栋楼道加装扶手和感应灯，待测算预算后发布。',
    budgetFen: 800_000,
    needIds: [],
    resourceIds: [],
  });

  // Suggestions: each from a different resident (one a minute per person).
  const s1 = await createSuggestion(deps, zhang, {
    communityId,
    category: '设施维修',
    content: '3 栋楼道的感应灯坏了两个星期了，晚上下楼看不清台阶，老人容易摔。',
    anonymous: false,
  });
  await answerSuggestion(deps, admin, s1.id, {
    answer: '已联系物业，本周五前换好感应灯；楼道微改造项目也在测算，会加装扶手。',
  });
  const leader = await actor(deps, '13800000006', password); // 郑队长
  const s2 = await createSuggestion(deps, leader, {
    communityId,
    category: '治安安全',
    content: '小区南门晚上电动车乱停，堵住了消防通道。',
    anonymous: true,
  });
  await answerSuggestion(deps, admin, s2.id, {
    answer: '已在南门划出电动车停放区，网格员每晚巡查一次。谢谢您的提醒。',
  });
  await createSuggestion(deps, volunteerResident, {
    communityId,
    category: '文体活动',
    content: '希望周末能在多功能厅放老电影，大家一起看。',
    anonymous: false,
  });
}
