// Demo mediation (调解) in 燕岭社区, made through the services like people would: 张阿姨 asks for mediation about the
// renovation noise from 马先生's flat upstairs (he has an account, found by his phone); the community's mediation lead
// 何调解 assigns 刘调解, who talks with each of them in their own private thread and records a first meeting.
import type { Deps } from '../../platform/context.js';
import type { Actor } from '../../platform/permissions.js';
import { authenticate, login } from '../accounts/index.js';
import { assignMediators, openCase, postMessage, recordSession } from '../mediation/index.js';

async function actor(deps: Deps, phone: string, password: string): Promise<Actor> {
  const s = await login(deps, { phone, password });
  const auth = await authenticate(deps, s.token, null);
  if (!auth) throw new Error(`demo account ${phone} cannot sign in`);
  return auth.actor;
}

/** Adds one case in mediation (residents 13800000009 and 13800000014, lead 13800000013, mediator 13800000011). */
export async function seedMediation(deps: Deps, password: string): Promise<void> {
  const zhang = await actor(deps, '13800000009', password); // 张阿姨
  const ma = await actor(deps, '13800000014', password); // 马先生
  const lead = await actor(deps, '13800000013', password); // 何调解
  const liu = await actor(deps, '13800000011', password); // 刘调解
  const c = await openCase(deps, zhang, {
    type: 'renovation_noise',
    description:
      '楼上 502 装修快两个月了，每天早上七点就开始打电钻，中午也不停。我有高血压，睡不好觉，上去说过两次没有用。',
    otherParties: [{ name: '马建军', phone: '13800000014' }],
  });
  const assigned = await assignMediators(deps, lead, c.id, { mediatorIds: [liu.userId] });
  const zhangParty = assigned.parties.find((p) => p.side === 'applicant');
  const maParty = assigned.parties.find((p) => p.side === 'respondent');
  if (!zhangParty || !maParty) throw new Error('demo mediation parties missing');
  await postMessage(deps, zhang, c.id, { body: '刘老师您好，我白天基本都在家，您什么时候方便都可以来。' });
  await postMessage(deps, liu, c.id, {
    partyId: zhangParty.id,
    body: '张阿姨您好，我是调解员刘正义。您说的情况我记下了，先和楼上马先生沟通一下，再约您们一起坐下来谈。',
  });
  await postMessage(deps, ma, c.id, {
    body: '装修队是包出去的，我也跟他们说过早上晚点开工。工期还有两周，能不能商量个时间？',
  });
  await postMessage(deps, liu, c.id, {
    partyId: maParty.id,
    body: '马先生您好，理解您赶工期。我们周六上午在社区调解室碰个面，把每天施工时间定下来，您看可以吗？',
  });
  const held = new Date(deps.clock.now().getTime() - 2 * 24 * 3600_000).toISOString();
  await recordSession(deps, liu, c.id, {
    heldAt: held,
    mode: 'offline',
    place: '燕岭社区调解室',
    attendees: '张桂华、马建军、调解员刘正义',
    notes:
      '双方各自说明情况。马先生同意让装修队九点后再用电钻，午休不施工；张阿姨同意工期内互相体谅。约定一周后回访，再定协议。',
  });
}
