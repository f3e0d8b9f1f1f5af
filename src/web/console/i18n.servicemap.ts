// Console strings of the service map (15分钟服务圈): the service-point list and its form. Merged into i18n.ts and
// i18n.en.ts.

export const serviceMapZh = {
  'nav.serviceMap': '服务地图',
  'sp.noScope': '您没有管理服务点的权限',
} as const;

type Key = keyof typeof serviceMapZh;

export const serviceMapEn: Record<Key, string> = {
  'nav.serviceMap': 'Service map',
  'sp.noScope': 'You may not manage service points',
};
