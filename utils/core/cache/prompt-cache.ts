import type { ProviderId } from '@/utils/core/models/model-types';

/**
 * A chat conversation's prompt cache, as TokenTally models it. After a reply ends at time T the
 * conversation so far stays cached until T + TTL; a turn sent before then re-sends its context
 * as cache reads (about a tenth of the input price), a turn sent at or after it pays the context
 * as fresh input again. The cache belongs to one conversation: another conversation is cold, and
 * so is a new branch started by editing an earlier message (its fork point is not a prefix the
 * cache is known to hold). A regenerated reply re-sends the cached request and restarts the TTL.
 *
 * Which sites this applies to (the rule used):
 * - claude.ai: the whole conversation is cached after each reply. Anthropic publishes no TTL for
 *   the app (its API's default is 5 minutes, 1 hour opt-in). The default here is 1 hour: the
 *   only measurements on claude.ai itself, lugia19/Claude-Usage-Extension #62 (2026-05-18,
 *   "very extensive testing") and its re-test in #74 (2026-07-13), found 1 hour; #74 also
 *   reports a user who saw 5-minute behaviour. So the TTL is a setting (5 min or 1 h), dated.
 * - ChatGPT and Gemini: none. OpenAI's automatic caching (prompts of 1,024+ tokens) and
 *   Gemini's implicit caching are published for their APIs only; neither app says how it
 *   caches, so their turns are priced as fresh input.
 * - Consoles: no cache is assumed; the playgrounds' run readouts are not read for cache tokens yet.
 */

export type CacheTtlMinutes = 5 | 60;
export const CACHE_TTL_CHOICES: readonly CacheTtlMinutes[] = [5, 60];
/** claude.ai's prompt cache lifetime, as last measured by a peer (see above). */
export const DEFAULT_CACHE_TTL_MINUTES: CacheTtlMinutes = 60;
/** When that default was last confirmed (lugia19/Claude-Usage-Extension #74). */
export const CACHE_TTL_CONFIRMED = '2026-07';

/** The last reply's end in each conversation this page saw (epoch ms), by conversation key. */
export type CacheLedger = Readonly<Record<string, number>>;

/** A tab sees few conversations within an hour; older ones are long cold. */
const MAX_CONVERSATIONS = 20;
/** The countdown turns to a warning this long before expiry. */
export const CACHE_URGENT_MS = 60_000;

/** Whether a chat on `host` with this provider's model has a published cache rule TokenTally applies. */
export function promptCacheApplies(host: string, provider: ProviderId | null | undefined): boolean {
  return host === 'claude.ai' && provider === 'anthropic';
}

export const ttlMs = (minutes: number | null | undefined): number => (minutes === 5 || minutes === 60 ? minutes : DEFAULT_CACHE_TTL_MINUTES) * 60_000;

/** The ledger after a reply in `conversation` ended at `endedAt` (a regeneration's too: it restarts the TTL). */
export function noteReplyEnded(ledger: CacheLedger, conversation: string, endedAt: number): CacheLedger {
  const { [conversation]: _old, ...rest } = ledger;
  const keys = Object.keys(rest);
  const kept = keys.length >= MAX_CONVERSATIONS ? Object.fromEntries(keys.slice(keys.length - MAX_CONVERSATIONS + 1).map((k) => [k, rest[k]!])) : rest;
  return { ...kept, [conversation]: endedAt };
}

/** When the conversation's cache expires if it is warm at `at`, else null. */
export function warmUntil(ledger: CacheLedger, conversation: string, at: number, ttlMinutes: number | null | undefined): number | null {
  const endedAt = Object.hasOwn(ledger, conversation) ? ledger[conversation] : undefined;
  if (endedAt === undefined) return null;
  const expiresAt = endedAt + ttlMs(ttlMinutes);
  return at >= endedAt && at < expiresAt ? expiresAt : null;
}

export interface SentTurn {
  conversation: string;
  sentAt: number;
  /** Tokens of the conversation the turn re-sends. */
  contextTokens: number;
  /** Sent from an inline "edit message" box: a new branch off an earlier point. */
  newBranch: boolean;
}

/** The part of a turn's context read from the cache: all of it while warm on the same branch, else 0. */
export function cachedContextTokens(ledger: CacheLedger, turn: SentTurn, ttlMinutes: number | null | undefined): number {
  if (turn.newBranch || turn.contextTokens <= 0) return 0;
  return warmUntil(ledger, turn.conversation, turn.sentAt, ttlMinutes) === null ? 0 : turn.contextTokens;
}

export interface CacheCountdown {
  text: string;
  /** Within the last minute: send now or lose it. */
  urgent: boolean;
}

/** "cache warm · 4:12 left", and in the last minute "… — send now to reuse it"; null once expired. */
export function cacheCountdown(expiresAt: number, now: number): CacheCountdown | null {
  const left = expiresAt - now;
  if (left <= 0) return null;
  const s = Math.ceil(left / 1000);
  const urgent = left <= CACHE_URGENT_MS;
  return { text: `cache warm · ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left${urgent ? ' — send now to reuse it' : ''}`, urgent };
}
