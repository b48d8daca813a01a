import { z } from 'zod';
import { incomingUsageEventSchema } from '@/utils/core/usage/usage-event';
import { MIN_EVENT_TIME } from '@/utils/core/usage/usage-bounds';
import { limitNoticeSchema, meterReportSchema } from '@/utils/core/meters/meter-schemas';
import { METER_SITES, type MeterWindow } from '@/utils/core/meters/meter-types';
import type { Settings } from '@/utils/core/settings/settings-schema';
import type { SaveResult } from '@/utils/core/settings/settings-validation';
import type { Corrections } from '@/utils/core/accuracy/corrections';

/**
 * Content script → background: everything a page's content script may ask of the background.
 *
 * A content script runs inside the site's renderer process, so the background trusts these
 * messages no further than the tab that sent them: each is validated by its schema (strings
 * and arrays bounded), counted against a per-tab rate limit, and, where it names a site,
 * checked against the sending tab's own site. Extension pages may send these too.
 *
 * Adding a content → background message:
 *  1. its schema in `CONTENT_REQUESTS` (bound every string, array and number);
 *  2. its reply type in `ContentResponseMap`;
 *  3. how often one tab may send it in `CONTENT_RATE_LIMITS` (background/messaging/content-policy.ts;
 *     the type checker asks for it);
 *  4. if it names a site, provider or anything tab-specific, a check in `CONTENT_SENDER_CHECKS`
 *     there (return a reason to refuse, or null);
 *  5. its handler where the background builds its handlers (entrypoints/background.ts; the
 *     router's `Handlers` type asks for one).
 */

/** Most text one count request may carry (a 5 MB paste fits, with room). */
export const MAX_COUNT_CHARS = 10_000_000;

/** Characters in a count request's segments. */
export function charsOf(segments: readonly string[]): number {
  let n = 0;
  for (const s of segments) n += s.length;
  return n;
}

const CONTENT_REQUESTS = [
  /**
   * Count each segment with one tokenizer, or estimate it (Claude: fractional estimates built on
   * o200k, without the user's correction, which the content script applies). Replies with one
   * count per segment, in order. The counting document answers it too (count-segments-handler.ts).
   */
  z.object({
    type: z.literal('count'),
    tokenizer: z.enum(['o200k', 'cl100k', 'gemma3', 'deepseek3', 'qwen3', 'claude3-estimate', 'claude47-estimate']),
    segments: z
      .array(z.string())
      .max(100_000)
      .refine((segments) => charsOf(segments) <= MAX_COUNT_CHARS, `at most ${MAX_COUNT_CHARS.toLocaleString('en-US')} characters per request`),
    /**
     * Which of the page's counts this is part of (one field's counter) and how recent: a count
     * with a higher `seq` on the same lane drops the unstarted work of the older ones.
     */
    lane: z.object({ id: z.string().max(64), seq: z.number().int().nonnegative() }).optional(),
  }),
  /**
   * Opt-in exact Claude count from Anthropic's count_tokens endpoint (the background holds the
   * key and makes the request). Replies null when the feature is off or no key is stored.
   */
  z.object({
    type: z.literal('count-exact'),
    text: z.string().max(5_000_000),
    modelId: z.string().min(1).max(120),
  }),
  /**
   * A real token count the page showed for a text (a console's input tokens after a run): the
   * background folds it into the user's correction of that model's estimate. The consoles' run
   * readouts are its source; no page sends it yet. Text stays in the browser.
   */
  z.object({
    type: z.literal('observe-exact-count'),
    modelId: z.string().min(1).max(120),
    text: z.string().max(5_000_000),
    tokens: z.number().int().nonnegative().max(10_000_000),
  }),
  /**
   * One finished turn or run. From a tab it must name that tab's site (see tab-site-check.ts).
   * A turn stamped ahead of the clock is quarantined, not refused (usage-intake.ts).
   */
  z.object({ type: z.literal('record-usage'), event: incomingUsageEventSchema }),
  /**
   * A sent turn, saved by the background (its own IndexedDB, counts only) from the moment it is
   * sent and again as its counts grow, with the tab and page that sent it: recorded as
   * incomplete if the tab closes or reloads before the reply ends (turn-finaliser.ts).
   */
  z.object({ type: z.literal('save-turn'), event: incomingUsageEventSchema, pageId: z.string().min(8).max(64) }),
  /** A send that came to nothing: the tab's saved turn goes. */
  z.object({ type: z.literal('drop-turn'), id: z.string().min(8).max(200) }),
  /** A content script started in this tab: turns an earlier page of the tab left unfinished are finalised. */
  z.object({ type: z.literal('page-started'), pageId: z.string().min(8).max(64) }),
  /** Who reads this page (the site's adapter, the fallback layer, or nothing) and since when, for the popup. */
  z.object({
    type: z.literal('site-health'),
    reading: z.enum(['adapter', 'fallback', 'none']),
    since: z.number().int().min(MIN_EVENT_TIME),
    roles: z.partialRecord(z.enum(['composer', 'send', 'userMessage', 'reply', 'finished', 'model']), z.enum(['adapter', 'fallback', 'none'])),
  }),
  z.object({ type: z.literal('ping') }),
  /** May this tab read its site's usage meter now? One read per site per minute, across tabs. */
  z.object({ type: z.literal('meter-claim'), site: z.enum(METER_SITES) }),
  /** What the tab read from its site's own usage meter, or why it could not. */
  z.object({ type: z.literal('meter-report'), report: meterReportSchema }),
  /** ChatGPT's "you've reached the limit … resets after …" notice, seen on the page. */
  z.object({ type: z.literal('meter-notice'), notice: limitNoticeSchema }),
  /**
   * The validated settings and the estimators' corrections (content/settings-client.ts): a
   * content script reads no extension storage (the background restricts it to trusted contexts),
   * and does not load the settings schema.
   */
  z.object({ type: z.literal('settings') }),
  /**
   * A change to the sending tab's own site settings from its badge (which model, projected
   * output, hidden). The site is the sender's; the background validates the whole document.
   */
  z.object({
    type: z.literal('update-site-settings'),
    patch: z
      .object({ modelOverride: z.string().max(120).nullable(), projectedOutputTokens: z.number(), badgeHidden: z.literal(true) })
      .partial()
      .strict(),
  }),
] as const;

export const contentRequestSchema = z.discriminatedUnion('type', [...CONTENT_REQUESTS]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;
export type ContentRequestType = ContentRequest['type'];
export type ContentRequestOf<T extends ContentRequestType> = Extract<ContentRequest, { type: T }>;

/** What the background did with an exact count it was told of. */
export interface ObservationResult {
  applied: boolean;
  /** Why it was not used (not an estimated model, too short…). */
  reason?: string;
  /** The estimator's correction after it. */
  ratio?: number;
  samples?: number;
}

/** null: exact counts are off (or no key). Otherwise Anthropic's count, or why there is none. */
export type ExactCountReply = { tokens: number } | { error: string } | null;

export interface ContentResponseMap {
  count: { counts: number[] };
  'count-exact': ExactCountReply;
  'observe-exact-count': ObservationResult;
  'record-usage': { stored: boolean; quarantined?: true };
  'save-turn': { saved: boolean };
  'drop-turn': { dropped: boolean };
  'page-started': { finalised: number };
  'site-health': { saved: true };
  ping: { pong: true };
  /** `last`: the site's active reading when it is not due, so a page that may not read yet can still show it. */
  'meter-claim': { due: boolean; retryInMs: number; last?: { windows: MeterWindow[]; readAt: number } };
  'meter-report': { stored: boolean };
  'meter-notice': { stored: boolean };
  settings: { settings: Settings; corrections: Corrections };
  'update-site-settings': SaveResult;
}
