// The UI strings only lazily loaded pages use (i18n.<area>.pages.ts), kept out of the first load: every lazy page
// group loads this chunk with its code and registers them (App.tsx, shared/lazyPages.ts loadPageStringsWith).
// A key used by any first-load file belongs in i18n.<area>.ts instead (it would show as a raw key until a lazy
// page had loaded).
import { adminPagesZh } from './i18n.admin.pages';
import { mallPagesZh } from './i18n.mall.pages';
import { matchingPagesZh } from './i18n.matching.pages';
import { needsPagesZh } from './i18n.needs.pages';
import { notificationsPagesZh } from './i18n.notifications.pages';
import { mediationPagesZh } from './i18n.mediation.pages';
import { carePagesZh } from './i18n.care.pages';
import { pointsPagesZh } from './i18n.points.pages';
import { projectsPagesZh } from './i18n.projects.pages';
import { serviceMapPagesZh } from './i18n.servicemap.pages';
import { volunteeringPagesZh } from './i18n.volunteering.pages';
import { reportsPagesZh } from './i18n.reports.pages';
import { privacyPagesZh } from './i18n.privacy.pages';
import { starsPagesZh } from './i18n.stars.pages';

export const pageStringsZh = {
  ...adminPagesZh,
  ...mallPagesZh,
  ...matchingPagesZh,
  ...needsPagesZh,
  ...notificationsPagesZh,
  ...mediationPagesZh,
  ...carePagesZh,
  ...pointsPagesZh,
  ...projectsPagesZh,
  ...serviceMapPagesZh,
  ...volunteeringPagesZh,
  ...reportsPagesZh,
  ...privacyPagesZh,
  ...starsPagesZh,
};

export type PageMessageKey = keyof typeof pageStringsZh;
