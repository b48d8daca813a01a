/**
 * What a stored usage record may hold. The schema (usage-event.ts) enforces these where records
 * enter; views check them again when they read, because a stored record may lie outside them:
 * a usage database of version 3 or older checks no bounds (it can hold `time: 9e15` or
 * `costUsd: 1.7e308`), and other means can write one. A record outside them is kept but
 * skipped, and counted where it is skipped.
 * No zod here: the popup's first chunk imports this.
 */

/** No record predates TokenTally's world: anything before 2020-01-01 is a broken clock or a forgery. */
export const MIN_EVENT_TIME = Date.UTC(2020, 0, 1);
/** How far ahead of this machine's clock a record may be stamped (another device's skewed clock). */
export const MAX_EVENT_CLOCK_SKEW_MS = 24 * 60 * 60_000;
/** Tokens per field per event. A 1M-token context re-sent by a 100-row Clay run is ~10^8. */
export const MAX_EVENT_TOKENS = 1_000_000_000;
/** USD per event: a whole Clay run on an own key stays well below; a chat turn is cents. */
export const MAX_EVENT_COST_USD = 10_000;
/** Clay credits per event (a 10^6-row run at 10 credits a row). */
export const MAX_EVENT_CREDITS = 10_000_000;

/** The latest time a tab's turn may carry at all; ahead of the clock it waits in quarantine. */
export const MAX_INCOMING_EVENT_TIME = Date.UTC(2100, 0, 1) - 1;

/** The latest time a record may carry, as of `now`. */
export const latestEventTime = (now = Date.now()) => now + MAX_EVENT_CLOCK_SKEW_MS;

const within = (n: unknown, max: number, integer = false): boolean =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= max && (!integer || Number.isInteger(n));

/**
 * True when a stored record can be shown and summed safely: the numbers views add up and the
 * time they format are within the bounds above. Cheap enough for every record a view reads.
 */
export function isWithinBounds(record: unknown, now = Date.now()): boolean {
  const e = record as Record<string, unknown> | null;
  if (!e || typeof e !== 'object') return false;
  const time = e.time;
  return (
    typeof time === 'number' && Number.isInteger(time) && time >= MIN_EVENT_TIME && time <= latestEventTime(now) &&
    within(e.promptTokens, MAX_EVENT_TOKENS, true) &&
    within(e.contextTokens, MAX_EVENT_TOKENS, true) &&
    (e.attachmentTokens === undefined || within(e.attachmentTokens, MAX_EVENT_TOKENS, true)) &&
    (e.cacheReadTokens === undefined || within(e.cacheReadTokens, MAX_EVENT_TOKENS, true)) &&
    within(e.outputTokens, MAX_EVENT_TOKENS, true) &&
    (e.reasoningTokens === undefined || e.reasoningTokens === null || within(e.reasoningTokens, MAX_EVENT_TOKENS, true)) &&
    (e.costUsd === null || within(e.costUsd, MAX_EVENT_COST_USD)) &&
    (e.credits === undefined || within(e.credits, MAX_EVENT_CREDITS)) &&
    typeof e.id === 'string' && typeof e.site === 'string' && typeof e.model === 'string' && typeof e.provider === 'string'
  );
}

/** "1 record out of bounds skipped", "3 records out of bounds skipped". */
export function skippedRecordsText(count: number): string {
  return `${count.toLocaleString('en-US')} record${count === 1 ? '' : 's'} out of bounds skipped`;
}
