// Request and response schemas of the past-service routes (service recorded after the fact).
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const pastServiceBody = z.object({
  userId: z.string().min(1).max(64),
  communityId: z.string().min(1).max(64),
  serviceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' }),
  minutes: z.number().int().min(1).max(1440),
  category: text(20),
  place: text(100),
  content: text(200),
  vouchedBy: text(60).describe('who can vouch for it: a name and how to reach them'),
});

export const importBody = z.object({
  communityId: z.string().min(1).max(64),
  fileBase64: z.string().min(1).max(14_000_000).describe('the .xlsx file, base64-encoded'),
});

export const importReply = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), messages: z.array(z.string()) })),
});

export const templateQuery = z.object({ communityId: z.string().min(1).max(64) });

// What clients send (z.input): the web apps may import these through src/web/shared/api-types.ts.
export type PastServiceBody = z.input<typeof pastServiceBody>;
export type PastServiceImportReply = z.output<typeof importReply>;
