import { z } from 'zod';
import { latestEventTime, MAX_EVENT_COST_USD, MAX_EVENT_CREDITS, MAX_EVENT_TOKENS, MAX_INCOMING_EVENT_TIME, MIN_EVENT_TIME } from '@/utils/core/usage/usage-bounds';

/**
 * One recorded turn (a chat message + its reply, a console run, or a Clay run): the schema
 * every record is checked against where it enters (a content script's message, an import),
 * and the `UsageEvent` type derived from it. Holds counts, model and cost only: never any
 * prompt or reply text.
 *
 * The bounds (usage-bounds.ts) are what any real turn stays far inside; a record outside them
 * is a bug or a forgery, and one such record must never be able to blank the popup or break
 * export, so views check stored records against the same bounds when they read them.
 */

export const PROVIDER_IDS = ['openai', 'anthropic', 'google', 'clay', 'deepseek', 'x-ai', 'mistral', 'meta', 'perplexity', 'alibaba'] as const;
export const providerSchema = z.enum(PROVIDER_IDS);

const tokens = z.number().int().nonnegative().max(MAX_EVENT_TOKENS);

const usageEventObject = z
  .object({
    /** Stable id chosen by the content script; recording the same id twice is a no-op. */
    id: z.string().min(8).max(200),
    /** Epoch milliseconds. */
    time: z
      .number()
      .int()
      .min(MIN_EVENT_TIME, 'must not be before 2020-01-01')
      .refine((t) => t <= latestEventTime(), 'must not be more than a day ahead of this clock'),
    /** Hostname of the page, e.g. "chatgpt.com". */
    site: z.string().min(1).max(253),
    provider: providerSchema,
    model: z.string().min(1).max(120),
    /** Tokens of the new message. */
    promptTokens: tokens,
    /** Tokens of the visible conversation before the message, which an API call would read again. */
    contextTokens: tokens,
    /** Tokens of the files sent with the message (documents, images), by the provider's rules; absent when none. */
    attachmentTokens: tokens.optional(),
    /**
     * The part of contextTokens read from the provider's prompt cache (a Claude conversation
     * sent while the cache of the last reply is warm): billed at the cache-read price, never
     * more than contextTokens. Absent when nothing was read from a cache.
     */
    cacheReadTokens: tokens.optional(),
    /** Tokens of the finished reply: the answer alone, never the thinking. */
    outputTokens: tokens,
    /**
     * Tokens of the model's thinking as the page showed it, billed as output. A lower bound: the
     * page may show only a summary. null: the page said the model thought ("Thought for 12s")
     * but showed no text, so the count is unknown (never 0). Absent when there was no thinking.
     */
    reasoningTokens: tokens.nullable().optional(),
    /** Estimated cost in USD; null when the model has no known price. */
    costUsd: z.number().nonnegative().max(MAX_EVENT_COST_USD).nullable(),
    /** ISO date (YYYY-MM-DD) of the price data used for costUsd. */
    priceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    exact: z.boolean(),
    /** Clay only: credits this run used (0 with an own API key). */
    credits: z.number().nonnegative().max(MAX_EVENT_CREDITS).optional(),
    /** Kind of turn, for the history list. */
    kind: z.enum(['chat', 'console', 'clay-run']),
    /** Which layer read the turn off the page: the site's adapter selectors, or the selector-free fallback. */
    detectedBy: z.enum(['adapter', 'fallback']).optional(),
    /** The reply was cut off (tab closed or reloaded, or it never settled): output counts what was seen. */
    incomplete: z.boolean().optional(),
  })
  // Unknown keys are refused rather than stripped: a stray `text` field must never reach storage.
  .strict();

/** Rules across fields, shared by both schemas below. */
const withCrossChecks = <T extends z.ZodType<{ cacheReadTokens?: number; contextTokens: number }>>(schema: T) =>
  schema.refine((e) => (e.cacheReadTokens ?? 0) <= e.contextTokens, { message: 'cacheReadTokens must not exceed contextTokens', path: ['cacheReadTokens'] });

export const usageEventSchema = withCrossChecks(usageEventObject);

export type UsageEvent = z.infer<typeof usageEventSchema>;

/**
 * A turn as a tab sends it: the same checks, except that a time ahead of this clock is let in,
 * to be quarantined rather than refused (a clock moved back after the turn was sent must not
 * lose it; see utils/background/usage-intake.ts). Still bounded, at the end of this century.
 */
export const incomingUsageEventSchema = withCrossChecks(usageEventObject.extend({
  time: z.number().int().min(MIN_EVENT_TIME, 'must not be before 2020-01-01').max(MAX_INCOMING_EVENT_TIME, 'must not be after 2099'),
}));

/** True when the event's time is further ahead of `now` than any clock skew explains. */
export const isAheadOfClock = (event: Pick<UsageEvent, 'time'>, now = Date.now()) => event.time > latestEventTime(now);
