// Request and response schemas of the settings routes.
import { z } from 'zod';
import { idSchema } from '../../platform/schemas.js';

const label = z.string().trim().min(1).max(20);

export const volunteeringSettingsSchema = z
  .object({
    skills: z.array(label).max(60),
    teamCategories: z.array(label).max(60),
    activityCategories: z.array(label).max(60),
    starThresholdsHours: z.array(z.number().int().positive()).length(5),
    cancelDeadlineHours: z.number().int().min(0).max(168),
    noShowLimit: z.number().int().min(1).max(20),
    noShowWindowDays: z.number().int().min(1).max(365),
    dailyCapMinutes: z.number().int().min(15).max(1440),
    graceMinutes: z.number().int().min(0).max(60),
    attendanceWindowSeconds: z.number().int().min(20).max(600),
    starPublicityWorkingDays: z.number().int().min(1).max(30),
    starBlockMonths: z.number().int().min(0).max(60),
    nonWorkingDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(400),
    makeUpWorkingDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(100),
  })
  .describe('VolunteeringSettings');

export const updateVolunteeringSettingsBody = volunteeringSettingsSchema.partial();

export const districtParams = z.object({ districtId: idSchema });

export const needCategorySchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,29}$/),
    name: label,
    skills: z.array(label).max(20),
  })
  .describe('NeedCategory');

export const needSettingsSchema = z
  .object({ categories: z.array(needCategorySchema).min(1).max(40) })
  .describe('NeedSettings');

export const updateNeedSettingsBody = needSettingsSchema.partial();
