import type { UsageEvent } from '@/utils/core/usage/usage-event';

/**
 * The one place usage is summed: the aggregates written with each event (usage-aggregates.ts),
 * the totals read back from them (usage-queries.ts) and the popup's per-provider cards
 * (popup-data.ts) all add up the same fields here.
 */
export const SUM_FIELDS = [
  'promptTokens', 'contextTokens', 'outputTokens', 'costUsd', 'credits', 'turns', 'unpricedTurns',
  'attachmentTokens', 'cacheReadTokens', 'reasoningTokens', 'reasoningUnknownTurns',
] as const;

/**
 * What is summed per event. `unpricedTurns`: turns whose model had no known price (their cost is
 * not in costUsd). `attachmentTokens` is part of promptTokens and `cacheReadTokens` part of
 * contextTokens (shown as "of which"); `reasoningTokens` is apart from outputTokens, and
 * `reasoningUnknownTurns` counts turns whose thinking was seen but not its text.
 */
export type Sums = Record<(typeof SUM_FIELDS)[number], number>;

export interface UsageTotals extends Sums {
  /** prompt + context: what an API call would have billed as input. */
  inputTokens: number;
}

export function emptySums(): Sums {
  return {
    promptTokens: 0, contextTokens: 0, outputTokens: 0, costUsd: 0, credits: 0, turns: 0, unpricedTurns: 0,
    attachmentTokens: 0, cacheReadTokens: 0, reasoningTokens: 0, reasoningUnknownTurns: 0,
  };
}

export function emptyTotals(): UsageTotals {
  return { ...emptySums(), inputTokens: 0 };
}

/** One event's share of every sum (an event with no price adds no cost and one unpriced turn). */
export function eventSums(event: UsageEvent): Sums {
  return {
    // The files sent with a message were sent as part of it: the prompt's share holds them.
    promptTokens: event.promptTokens + (event.attachmentTokens ?? 0),
    contextTokens: event.contextTokens,
    outputTokens: event.outputTokens,
    costUsd: event.costUsd ?? 0,
    credits: event.credits ?? 0,
    turns: 1,
    unpricedTurns: event.costUsd === null ? 1 : 0,
    attachmentTokens: event.attachmentTokens ?? 0,
    cacheReadTokens: event.cacheReadTokens ?? 0,
    reasoningTokens: event.reasoningTokens ?? 0,
    reasoningUnknownTurns: event.reasoningTokens === null ? 1 : 0,
  };
}

/** Adds (sign 1) or subtracts (sign -1) `delta` into `target`, keeping `inputTokens` when the target has it. */
export function addSums(target: Sums & { inputTokens?: number }, delta: Sums, sign: 1 | -1 = 1): void {
  // Aggregates stored before a field existed lack it: they count as 0, never NaN.
  for (const field of SUM_FIELDS) target[field] = (target[field] || 0) + sign * (delta[field] || 0);
  if (target.inputTokens !== undefined) target.inputTokens = target.promptTokens + target.contextTokens;
}

/** The sum of several rows' totals (a provider's card from its per-model rows). */
export function sumTotals(rows: ReadonlyArray<{ totals: Sums }>): UsageTotals {
  const totals = emptyTotals();
  for (const row of rows) addSums(totals, row.totals);
  return totals;
}
