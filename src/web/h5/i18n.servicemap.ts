// UI strings of the service map (15分钟服务圈) in the resident H5. Merged into the dictionaries of i18n.ts and
// i18n.en.ts; kept apart only to keep each file readable.

export const serviceMapZh = {
  'home.serviceMap': '身边服务',
  'map.phone': '电话',
} as const;

type ServiceMapKey = keyof typeof serviceMapZh;

export const serviceMapEn: Record<ServiceMapKey, string> = {
  'home.serviceMap': 'Services nearby',
  'map.phone': 'Phone',
};
