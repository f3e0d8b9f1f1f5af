// Request and response schemas of the privacy routes (the person's own data and closing their account).
import { z } from 'zod';

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const personalSectionSchema = z
  .object({ key: z.string(), title: z.string(), rows: z.array(z.record(z.string(), value)) })
  .describe('PersonalSection');

export const myDataReply = z
  .object({ userId: z.string(), generatedAt: z.string(), sections: z.array(personalSectionSchema) })
  .describe('MyData');

export const myContactReply = z
  .object({
    phone: z.string(),
    phoneMasked: z.string(),
    realName: z.string().nullable(),
    idNumber: z.string().nullable(),
    idNumberMasked: z.string().nullable(),
  })
  .describe('MyContact');

/** The phrase a person types to confirm closing their account. */
export const CLOSE_PHRASE = '注销';

export const closeMyAccountBody = z.object({
  currentPassword: z.string().min(1).max(128),
  confirm: z.string().trim().max(20),
});

export const closeMyAccountReply = z
  .object({
    pseudonym: z.string(),
    /** False when the account had already been closed (a retried request): nothing moved this time. */
    closedNow: z.boolean(),
    signupsCancelled: z.number().int(),
    vouchersCancelled: z.number().int(),
    needsWithdrawn: z.number().int(),
    rolesEnded: z.number().int(),
    points: z.array(
      z.object({
        districtId: z.string(),
        points: z.number().int(),
        to: z.enum(['community_fund', 'forfeit']),
        journalId: z.string(),
      }),
    ),
  })
  .describe('ClosedAccount');

// What clients send (z.input) and what services take (z.output).
export type CloseMyAccountBody = z.input<typeof closeMyAccountBody>;
export type CloseMyAccount = z.output<typeof closeMyAccountBody>;
export type MyData = z.output<typeof myDataReply>;
export type MyContact = z.output<typeof myContactReply>;
export type ClosedAccountReply = z.output<typeof closeMyAccountReply>;
