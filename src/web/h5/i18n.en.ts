// The English UI strings, fetched (import()) only when English is chosen. Typed against the Chinese keys, so a
// key missing in English fails the typecheck.
// A separate copy of i18n.ts in the bundle (shared/viteEnglishChunk.ts), so not a cycle at run time.
// eslint-disable-next-line import-x/no-cycle
import { baseEn, type MessageKey } from './i18n';
import { mallEn } from './i18n.mall';
import { serviceMapEn } from './i18n.servicemap';
import { pointsEn } from './i18n.points';
import { volunteeringEn } from './i18n.volunteering';
import { adminEn } from './i18n.admin';
import { needsEn } from './i18n.needs';
import { matchingEn } from './i18n.matching';
import { projectsEn } from './i18n.projects';
import { notificationsEn } from './i18n.notifications';
import { mediationEn } from './i18n.mediation';
import { mediationPagesEn } from './i18n.mediation.pages';
import { careEn } from './i18n.care';
import { carePagesEn } from './i18n.care.pages';
import { reportsEn } from './i18n.reports';
import { reportsPagesEn } from './i18n.reports.pages';

import { adminPagesEn } from './i18n.admin.pages';
import { mallPagesEn } from './i18n.mall.pages';
import { matchingPagesEn } from './i18n.matching.pages';
import { needsPagesEn } from './i18n.needs.pages';
import { notificationsPagesEn } from './i18n.notifications.pages';
import { pointsPagesEn } from './i18n.points.pages';
import { projectsPagesEn } from './i18n.projects.pages';
import { serviceMapPagesEn } from './i18n.servicemap.pages';
import { volunteeringPagesEn } from './i18n.volunteering.pages';
import { privacyPagesEn } from './i18n.privacy.pages';
import { starsPagesEn } from './i18n.stars.pages';

export const en: Record<MessageKey, string> = {
  ...baseEn,
  ...volunteeringEn,
  ...pointsEn,
  ...mallEn,
  ...serviceMapEn,
  ...adminEn,
  ...notificationsEn,
  ...mediationEn,
  ...mediationPagesEn,
  ...careEn,
  ...carePagesEn,
  ...needsEn,
  ...matchingEn,
  ...projectsEn,
  ...adminPagesEn,
  ...mallPagesEn,
  ...matchingPagesEn,
  ...needsPagesEn,
  ...notificationsPagesEn,
  ...pointsPagesEn,
  ...projectsPagesEn,
  ...serviceMapPagesEn,
  ...volunteeringPagesEn,
  ...reportsEn,
  ...reportsPagesEn,
  ...privacyPagesEn,
  ...starsPagesEn,
};
