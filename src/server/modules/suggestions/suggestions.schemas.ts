// Request and response schemas of the suggestion box (意见箱).
import { z } from 'zod';
import { cursorSchema, idSchema, limitSchema, nameSchema } from '../../platform/schemas.js';
import { SUGGESTION_CATEGORIES, SUGGESTION_STATES } from './suggestions.rules.js';

const idempotencyKey = z.string().trim().min(8).max(64);

export const idParams = z.object({ id: idSchema });

/** What everyone may see of a suggestion: the masked author (or 匿名居民), the text and the answer. */
export const publicSuggestionSchema = z
  .object({
    id: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    /** 张*华, or null when the author asked to stay anonymous to the public. */
    authorName: z.string().nullable(),
    category: z.string(),
    content: z.string(),
    status: z.enum(SUGGESTION_STATES),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('PublicSuggestion');

/** What the author and staff see besides: the links to the need or project it became. */
export const suggestionSchema = publicSuggestionSchema
  .extend({
    anonymous: z.boolean(),
    needId: z.string().nullable(),
    projectId: z.string().nullable(),
    mine: z.boolean(),
    canManage: z.boolean(),
  })
  .describe('Suggestion');

export const createSuggestionBody = z.object({
  /** Defaults to the author's home community. */
  communityId: idSchema.optional(),
  category: z.enum(SUGGESTION_CATEGORIES),
  content: z.string().trim().min(5, { message: 'v.suggestion' }).max(1000, { message: 'v.suggestion' }),
  anonymous: z.boolean().default(false),
});

export const answerSuggestionBody = z.object({
  answer: z.string().trim().min(1, { message: 'v.answer' }).max(1000, { message: 'v.answer' }),
});

export const suggestionToNeedBody = z.object({
  idempotencyKey,
  /** A need category of the district (settings). */
  category: z.string().trim().min(1).max(40),
  title: nameSchema(60).optional(),
  urgency: z.enum(['normal', 'urgent', 'critical']).optional(),
  /** The public answer; a plain default when left out. */
  answer: z.string().trim().max(1000).optional(),
});

export const suggestionToProjectBody = z.object({
  idempotencyKey,
  title: nameSchema(60),
  description: z.string().trim().max(4000).optional(),
  budgetFen: z.number().int().min(0).max(100_000_000_000).default(0),
  answer: z.string().trim().max(1000).optional(),
});

export const listSuggestionsQuery = z.object({
  /** public: answered suggestions anyone may read; queue: staff's suggestions to handle; mine: the author's own. */
  view: z.enum(['public', 'queue', 'mine']).default('public'),
  communityId: idSchema.optional(),
  status: z.enum(SUGGESTION_STATES).optional(),
  category: z.enum(SUGGESTION_CATEGORIES).optional(),
  cursor: cursorSchema,
  limit: limitSchema(20, 100),
});

export const suggestionPage = z.object({
  items: z.array(suggestionSchema),
  nextCursor: z.string().nullable(),
});

export type CreateSuggestion = z.output<typeof createSuggestionBody>;
export type CreateSuggestionInput = z.input<typeof createSuggestionBody>;
export type AnswerSuggestion = z.output<typeof answerSuggestionBody>;
export type SuggestionToNeed = z.output<typeof suggestionToNeedBody>;
export type SuggestionToNeedInput = z.input<typeof suggestionToNeedBody>;
export type SuggestionToProject = z.output<typeof suggestionToProjectBody>;
export type SuggestionToProjectInput = z.input<typeof suggestionToProjectBody>;
export type ListSuggestions = z.output<typeof listSuggestionsQuery>;
export type ListSuggestionsQuery = z.input<typeof listSuggestionsQuery>;
export type Suggestion = z.output<typeof suggestionSchema>;
