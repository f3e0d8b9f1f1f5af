// The events the suggestion box publishes (the notifications consumer may tell the author).
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/**
 * Staff answered a suggestion, or took it up as a need or a project. refId: `${suggestionId}:${answeredAt}` (an
 * answer may be replaced later; each one is its own event).
 */
export const suggestionAnswered = defineEvent(
  'suggestion.answered',
  z.object({
    suggestionId: z.string(),
    /** The author: the person to tell. */
    userId: z.string(),
    status: z.enum(['answered', 'to_need', 'to_project']),
    answer: z.string(),
  }),
);
