// Demo service map (15分钟服务圈): a dozen points around 燕岭社区 (the demo barber's street, WGS-84), added through
// the service like staff would: the community's 党群服务中心, clinics, 幸福食堂, 骑手驿站, the points supermarket,
// shops, and two points of 宁康园社区 beyond the 15-minute ring.
import type { Deps } from '../../platform/context.js';
import type { Actor } from '../../platform/permissions.js';
import { authenticate, login } from '../accounts/index.js';
import { createServicePoint } from '../servicemap/index.js';

async function actor(deps: Deps, phone: string, password: string): Promise<Actor> {
  const s = await login(deps, { phone, password });
  const auth = await authenticate(deps, s.token, null);
  if (!auth) throw new Error(`demo account ${phone} cannot sign in`);
  return auth.actor;
}

/** Where the demo points are measured from: the demo barber's shop, 燕岭社区商业街 12 号. */
const ORIGIN = { lat: 30.6205, lng: 114.1401 };
const M_PER_DEG_LAT = 111_195;

/** A position `north` and `east` metres from the origin. */
function at(north: number, east: number) {
  const lat = ORIGIN.lat + north / M_PER_DEG_LAT;
  const lng = ORIGIN.lng + east / (M_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e7) / 1e7, lng: Math.round(lng * 1e7) / 1e7 };
}

const WEEKDAYS_ONLY = (iv: string[]) => ({ mon: iv, tue: iv, wed: iv, thu: iv, fri: iv, sat: [], sun: [] });
const DAILY = (iv: string[]) => ({ mon: iv, tue: iv, wed: iv, thu: iv, fri: iv, sat: iv, sun: iv });

/** Adds the demo service points (community 0: 燕岭社区, community 1: 宁康园社区). */
export async function seedServiceMap(
  deps: Deps,
  password: string,
  communityId: string,
  neighbourId: string,
): Promise<void> {
  const admin = await actor(deps, '13800000002', password); // 燕岭社区 community admin
  const street = await actor(deps, '13800000003', password); // 东湖街道: both communities
  const points = [
    {
      name: '燕岭社区党群服务中心',
      category: 'activity_centre' as const,
      address: '燕岭路 8 号',
      pos: at(80, -60),
      hours: { ...WEEKDAYS_ONLY(['08:30-12:00', '14:00-17:30']), sat: ['09:00-12:00'] },
      phone: '027-87650001',
      description: '社区办事、志愿服务报名、红色议事室、老年人活动室。',
    },
    {
      name: '燕岭积分超市',
      category: 'points_supermarket' as const,
      address: '燕岭路 8 号党群服务中心一楼',
      pos: at(95, -50),
      hours: { mon: [], tue: ['09:00-11:30'], wed: [], thu: ['09:00-11:30'], fri: [], sat: ['09:00-11:30'], sun: [] },
      phone: '027-87650001',
      description: '凭积分兑换粮油日用品，兑换券到此领取。',
    },
    {
      name: '燕岭幸福食堂',
      category: 'canteen' as const,
      address: '燕岭路 10 号',
      pos: at(150, 90),
      hours: DAILY(['10:30-13:00', '16:30-18:30']),
      note: '60 岁以上老人就餐有补贴，可提前一天电话订餐送餐上门',
      phone: '027-87650002',
      description: '老年助餐点，荤素搭配，一餐 10 元起。',
    },
    {
      name: '燕岭社区卫生服务站',
      category: 'clinic' as const,
      address: '燕岭路 15 号',
      pos: at(-220, 120),
      hours: { ...DAILY(['08:00-17:00']), sat: ['08:00-12:00'], sun: ['08:00-12:00'] },
      phone: '027-87650003',
      description: '量血压、测血糖、慢病随访、家庭医生签约。',
    },
    {
      name: '钱师傅理发店',
      category: 'merchant' as const,
      address: '燕岭社区商业街 12 号',
      pos: at(0, 0),
      hours: DAILY(['08:30-20:00']),
      phone: '13800000008',
      description: '联盟商户：60 岁以上老人凭积分免费理发。',
    },
    {
      name: '暖蜂驿站（燕岭站）',
      category: 'rider_station' as const,
      address: '燕岭社区商业街 30 号',
      pos: at(-120, 380),
      hours: DAILY(['00:00-24:00']),
      phone: '027-87650004',
      description: '快递员、外卖骑手歇脚：饮水、充电、微波炉、共享药箱，冷可取暖、热可纳凉。',
    },
    {
      name: '仁心大药房（24 小时）',
      category: 'merchant' as const,
      address: '东湖路 66 号',
      pos: at(420, 330),
      hours: DAILY(['00:00-24:00']),
      phone: '027-87650005',
      description: '夜间购药，可请“红骑侠”志愿者代买送药上门。',
    },
    {
      name: '燕岭便民菜市场',
      category: 'merchant' as const,
      address: '燕岭路 40 号',
      pos: at(-500, -380),
      hours: DAILY(['06:00-19:00']),
      phone: null,
      description: '蔬菜、肉禽、早点。',
    },
    {
      name: '老年大学燕岭教学点',
      category: 'other' as const,
      address: '燕岭小学东侧 2 楼',
      pos: at(560, -420),
      hours: { mon: [], tue: [], wed: ['14:00-17:00'], thu: [], fri: [], sat: [], sun: [] },
      phone: '027-87650006',
      description: '书法、智能手机课（每周三下午）。',
    },
    {
      name: '东湖街道社区卫生服务中心',
      category: 'clinic' as const,
      address: '东湖路 120 号',
      pos: at(-760, 520),
      hours: DAILY(['07:30-17:30']),
      phone: '027-87650007',
      description: '门诊、预防接种、康复理疗，周末照常。',
    },
    {
      name: '红骑侠骑手驿站',
      category: 'rider_station' as const,
      address: '东湖路与宁康路交叉口',
      pos: at(900, 850),
      hours: DAILY(['00:00-24:00']),
      phone: null,
      description: '骑手志愿队集合点：利用配送间隙提供代买药品、教用手机等 15 分钟微服务。',
    },
  ];
  for (const p of points) {
    await createServicePoint(deps, admin, {
      communityId,
      name: p.name,
      category: p.category,
      address: p.address,
      hours: p.hours,
      hoursNote: 'note' in p ? p.note : null,
      contactPhone: p.phone,
      description: p.description,
      lat: p.pos.lat,
      lng: p.pos.lng,
      coord: 'wgs84',
    });
  }
  for (const p of [
    {
      name: '宁康园社区党群服务中心',
      category: 'activity_centre' as const,
      address: '宁康路 5 号',
      pos: at(1500, 1300),
      hours: WEEKDAYS_ONLY(['08:30-12:00', '14:00-17:30']),
      phone: '027-87660001',
      description: '宁康园社区办事大厅。',
    },
    {
      name: '宁康园幸福食堂',
      category: 'canteen' as const,
      address: '宁康路 9 号',
      pos: at(1620, 1180),
      hours: DAILY(['11:00-13:00']),
      phone: '027-87660002',
      description: '午餐助餐点。',
    },
  ]) {
    await createServicePoint(deps, street, {
      communityId: neighbourId,
      name: p.name,
      category: p.category,
      address: p.address,
      hours: p.hours,
      hoursNote: null,
      contactPhone: p.phone,
      description: p.description,
      lat: p.pos.lat,
      lng: p.pos.lng,
      coord: 'wgs84',
    });
  }
}
