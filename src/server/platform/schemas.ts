// Zod pieces shared by every module's route schemas. Messages are keys ("v.…") translated per request.
import { z } from 'zod';
import { PASSWORD_RE } from './passwords.js';
import { isValidIdNumber, PHONE_RE } from './privacy.js';

export const phoneSchema = z.string().trim().regex(PHONE_RE, { message: 'v.phone' });
export const passwordSchema = z.string().regex(PASSWORD_RE, { message: 'v.password' });
export const idNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidIdNumber, { message: 'v.idNumber' });
export const idSchema = z.string().min(1).max(64);
/** A trimmed, non-empty name; the message key carries its limit ("v.name:50"). */
export const nameSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `v.name:${max}` })
    .max(max, { message: `v.name:${max}` });
export const cursorSchema = z.string().max(512).optional();
export const limitSchema = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);
export const boolQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();
export const dateQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/, { message: 'v.date' })
  .optional();

export const errorSchema = z
  .object({
    code: z.string().describe('stable machine code, e.g. VALIDATION_FAILED'),
    message: z.string().describe('zh-CN by default; English with Accept-Language: en'),
    details: z.unknown().optional(),
  })
  .describe('Error');

/** Standard error responses to spread into a route's response schema. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorSchema])) as Record<number, typeof errorSchema>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A page with the whole filtered list's row count (platform/pagination.ts CountedPage). */
export const countedPageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().describe('rows in the whole filtered list'),
  });
