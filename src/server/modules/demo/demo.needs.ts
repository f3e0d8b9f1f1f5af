// Demo needs list (需求清单) in 燕岭社区, raised through the services like people would: 张阿姨 asks for medicine to be
// bought, the grid worker records an elder's bath on her behalf (代录), the social worker triages a phone class for
// matching, links a stairwell clean-up to a project and closes one that family members solved.
import type { Deps } from '../../platform/context.js';
import type { Actor } from '../../platform/permissions.js';
import { authenticate, login } from '../accounts/index.js';
import { createNeed, triageNeed } from '../needs/index.js';

async function actor(deps: Deps, phone: string, password: string): Promise<Actor> {
  const s = await login(deps, { phone, password });
  const auth = await authenticate(deps, s.token, null);
  if (!auth) throw new Error(`demo account ${phone} cannot sign in`);
  return auth.actor;
}

const HOUR = 3_600_000;

/** Adds the demo needs (residents of 燕岭社区; the grid worker and social worker handle them). */
export async function seedNeeds(deps: Deps, password: string): Promise<void> {
  const resident = await actor(deps, '13800000009', password); // 张阿姨
  const gridWorker = await actor(deps, '13800000004', password); // 周网格
  const socialWorker = await actor(deps, '13800000005', password); // 吴社工
  const now = deps.clock.now().getTime();
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();

  await createNeed(deps, resident, {
    category: 'errand',
    description: '降压药吃完了，腿脚不方便，想请人帮忙去社区药店买两盒苯磺酸氨氯地平片，钱当面给。',
    urgency: 'urgent',
    beneficiaryGroup: 'elderly',
    windowStart: at(1),
    windowEnd: at(8),
    privacy: 'community',
  });
  await createNeed(deps, gridWorker, {
    requesterPhone: '13800000009',
    category: 'bath_haircut',
    title: '独居老人助浴',
    description: '独居，行动不便，家中浴室无扶手，希望有志愿者每周上门协助洗澡一次。',
    urgency: 'normal',
    beneficiaryGroup: 'elderly',
    privacy: 'private',
    peopleNeeded: 2,
  });
  const phone = await createNeed(deps, socialWorker, {
    requesterPhone: '13800000009',
    category: 'phone_help',
    description: '想学用手机视频通话和挂号，孩子在外地。',
    beneficiaryGroup: 'elderly',
    windowStart: at(24),
    windowEnd: at(27),
  });
  await triageNeed(deps, socialWorker, phone.id, { decision: 'dispatch', note: '可安排大学生志愿者' });
  const stairs = await createNeed(deps, resident, {
    category: 'environment',
    title: '3栋楼道堆物清理',
    description: '3栋楼道堆满纸箱和旧家具，有消防隐患，需要集中清理。',
    beneficiaryGroup: 'family',
    privacy: 'public',
    peopleNeeded: 6,
  });
  await triageNeed(deps, socialWorker, stairs.id, { decision: 'link', note: '人手多，转共建单位项目' });
  const solved = await createNeed(deps, resident, {
    category: 'repair',
    description: '厨房水龙头漏水。',
    beneficiaryGroup: 'elderly',
  });
  await triageNeed(deps, gridWorker, solved.id, { decision: 'close', reason: '家属已请师傅修好' });
}
