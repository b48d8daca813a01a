import { z } from 'zod';
import { usageEventSchema } from '../usage/usage-event';
import type { RateLimit } from './rate-limiter';
import type { ContentSender } from './sender';
import type { ObservationResult } from '../estimates/exact-observations';
import { observeFromTabProblem, recordFromTabProblem } from './tab-site-check';
import { limitNoticeSchema, meterReportSchema } from '../meters/meter-schemas';
import { METER_SITES } from '../meters/meter-types';
import { meterSenderProblem } from '../meters/meter-sender';
import type { Settings } from '../settings/settings-schema';
import type { SaveResult } from '../settings/settings-store';

/**
 * Content script → background: everything a page's content script may ask of the background.
 *
 * A content script runs inside the site's renderer process, so the background trusts these
 * messages no further than the tab that sent them: each is validated by its schema (strings
 * and arrays bounded), counted against a per-tab rate limit, and, where it names a site,
 * checked against the sending tab's own site. Extension pages may send these too.
 *
 * Adding a content → background message is a change to this file only, plus its handler:
 *  1. its schema in `CONTENT_REQUESTS` (bound every string, array and number);
 *  2. its reply type in `ContentResponseMap`;
 *  3. how often one tab may send it in `CONTENT_RATE_LIMITS` (the type checker asks for it);
 *  4. if it names a site, provider or anything tab-specific, a check in `CONTENT_SENDER_CHECKS`
 *     (return a reason to refuse, or null);
 *  5. its handler where the background builds its handlers (entrypoints/background.ts; the
 *     router's `Handlers` type asks for one).
 */

/** Most text one count request may carry (a 5 MB paste fits, with room). */
export const MAX_COUNT_CHARS = 10_000_000;

const CONTENT_REQUESTS = [
  /**
   * Count each segment with one tokenizer, or estimate it (Claude: fractional estimates built on
   * o200k, without the user's correction, which the content script applies). Replies with one
   * count per segment, in order. The counting document answers it too (count-segments-handler.ts).
   */
  z.object({
    type: z.literal('count'),
    tokenizer: z.enum(['o200k', 'cl100k', 'gemma3', 'claude3-estimate', 'claude47-estimate']),
    segments: z
      .array(z.string())
      .max(100_000)
      .refine((segments) => charsOf(segments) <= MAX_COUNT_CHARS, `at most ${MAX_COUNT_CHARS.toLocaleString('en-US')} characters per request`),
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
   * background folds it into the user's correction of that model's estimate
   * (utils/estimates/report-exact-count.ts sends it). Text stays in the browser.
   */
  z.object({
    type: z.literal('observe-exact-count'),
    modelId: z.string().min(1).max(120),
    text: z.string().max(5_000_000),
    tokens: z.number().int().nonnegative().max(10_000_000),
  }),
  /** One finished turn or run. From a tab it must name that tab's site (see tab-site-check.ts). */
  z.object({ type: z.literal('record-usage'), event: usageEventSchema }),
  /**
   * A sent turn, persisted in the outbox (storage.local, counts only) before its reply ends:
   * the background notes which tab and page it belongs to, so it can record it as incomplete
   * if the tab closes or reloads first (turn-finaliser.ts).
   */
  z.object({ type: z.literal('turn-started'), id: z.string().min(8).max(200), pageId: z.string().min(8).max(64) }),
  /** A content script started in this tab: turns an earlier page of the tab left unfinished are finalised. */
  z.object({ type: z.literal('page-started'), pageId: z.string().min(8).max(64) }),
  /** Who reads this page (the site's adapter, the fallback layer, or nothing) and since when, for the popup. */
  z.object({
    type: z.literal('site-health'),
    reading: z.enum(['adapter', 'fallback', 'none']),
    since: z.number().int().nonnegative(),
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
   * The validated settings, when the copy the background keeps in storage.local is not current
   * (content-settings.ts): the content script does not load the settings schema.
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

/** null: exact counts are off (or no key). Otherwise Anthropic's count, or why there is none. */
export type ExactCountReply = { tokens: number } | { error: string } | null;

export interface ContentResponseMap {
  count: { counts: number[] };
  'count-exact': ExactCountReply;
  'observe-exact-count': ObservationResult;
  'record-usage': { stored: boolean };
  'turn-started': { noted: true };
  'page-started': { finalised: number };
  'site-health': { saved: true };
  ping: { pong: true };
  'meter-claim': { due: boolean; retryInMs: number };
  'meter-report': { stored: boolean };
  'meter-notice': { stored: boolean };
  settings: { settings: Settings };
  'update-site-settings': SaveResult;
}

/**
 * What one tab may send, per message type (a token bucket per tab: `burst` at once, then
 * `perSecond`). `cost` weighs a request (default 1). Generous for any person, tight for a
 * script: a refused request is answered "rate limited" and the sender retries later.
 */
export const CONTENT_RATE_LIMITS: { [T in ContentRequestType]: RateLimit<ContentRequestOf<T>> } = {
  // Weighed by text: one unit per 10,000 characters. Typing costs 1-2 units a keystroke; a
  // 5 MB paste ~500; a tab may keep asking ~5 MB a second, more than the tokenizers count.
  count: { burst: 2_000, perSecond: 500, cost: (r) => 1 + Math.ceil(charsOf(r.segments) / 10_000) },
  // Each one is a request to Anthropic with the user's key.
  'count-exact': { burst: 20, perSecond: 2 },
  // One per console run.
  'observe-exact-count': { burst: 10, perSecond: 0.5 },
  // A person sends a turn every few seconds at most; the burst covers an outbox flushed at page start.
  'record-usage': { burst: 30, perSecond: 0.5 },
  // One per sent turn, like record-usage.
  'turn-started': { burst: 30, perSecond: 0.5 },
  // Once per page load.
  'page-started': { burst: 5, perSecond: 0.2 },
  // Sent when the page's reading changes; a flapping page is throttled here too.
  'site-health': { burst: 10, perSecond: 0.2 },
  ping: { burst: 10, perSecond: 2 },
  // A page asks on load, after each reply and when shown again; the background allows one read a minute.
  'meter-claim': { burst: 10, perSecond: 0.5 },
  // One report per organization per read (a few), or a Gemini usage page re-rendering.
  'meter-report': { burst: 10, perSecond: 0.5 },
  'meter-notice': { burst: 5, perSecond: 0.1 },
  // Once per page load or settings change, when the background's copy is not yet current.
  settings: { burst: 20, perSecond: 1 },
  // A click in the badge.
  'update-site-settings': { burst: 10, perSecond: 1 },
};

/** Checks that need to know who sent the message. A string is the reason it is refused. */
export const CONTENT_SENDER_CHECKS: { [T in ContentRequestType]?: (request: ContentRequestOf<T>, sender: ContentSender) => string | null } = {
  'record-usage': (request, sender) => recordFromTabProblem(request.event, sender),
  // A tab reads and reports its own site's meter only.
  'meter-claim': (request, sender) => meterSenderProblem(request.site, sender.host),
  'meter-report': (request, sender) => meterSenderProblem(request.report.site, sender.host),
  'meter-notice': (_, sender) => meterSenderProblem('chatgpt', sender.host),
  'observe-exact-count': (request, sender) => observeFromTabProblem(request.modelId, sender),
};

function charsOf(segments: readonly string[]): number {
  let n = 0;
  for (const s of segments) n += s.length;
  return n;
}
