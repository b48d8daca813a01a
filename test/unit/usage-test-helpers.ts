import { expect } from 'vitest';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { UsageTotals } from '@/utils/core/usage/usage-totals';

/** Builds a valid event for tests; override any field. */
export function makeEvent(overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    id: `evt-${Math.random().toString(36).slice(2, 12)}`,
    time: Date.UTC(2026, 10, 15, 12, 0, 0),
    site: 'chatgpt.com',
    provider: 'openai',
    model: 'gpt-4o',
    promptTokens: 10,
    contextTokens: 100,
    outputTokens: 50,
    costUsd: 0.001,
    priceDate: '2026-11-01',
    exact: true,
    kind: 'chat',
    ...overrides,
  };
}

/**
 * The test oracle: totals summed event by event, written out field by field rather than with
 * usage-totals.ts, so a mistake there cannot hide in both sides of a comparison.
 */
export function bruteTotals(events: UsageEvent[], from = -Infinity, to = Infinity, provider?: string): UsageTotals {
  const t: UsageTotals = {
    promptTokens: 0, contextTokens: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, credits: 0, turns: 0, unpricedTurns: 0,
    attachmentTokens: 0, cacheReadTokens: 0, reasoningTokens: 0, reasoningUnknownTurns: 0,
  };
  for (const e of events) {
    if (e.time < from || e.time >= to || (provider && e.provider !== provider)) continue;
    t.promptTokens += e.promptTokens + (e.attachmentTokens ?? 0);
    t.contextTokens += e.contextTokens;
    t.inputTokens += e.promptTokens + (e.attachmentTokens ?? 0) + e.contextTokens;
    t.attachmentTokens += e.attachmentTokens ?? 0;
    t.cacheReadTokens += e.cacheReadTokens ?? 0;
    t.reasoningTokens += e.reasoningTokens ?? 0;
    t.reasoningUnknownTurns += e.reasoningTokens === null ? 1 : 0;
    t.outputTokens += e.outputTokens;
    t.costUsd += e.costUsd ?? 0;
    t.credits += e.credits ?? 0;
    t.turns += 1;
    t.unpricedTurns += e.costUsd === null ? 1 : 0;
  }
  return t;
}

/** Totals equal to the oracle's; costs to 1e-9 (float sums in another order). */
export function expectTotalsClose(actual: UsageTotals | undefined, expected: UsageTotals, label?: string): void {
  expect(actual, label).toBeDefined();
  const { costUsd: a, ...restA } = actual!;
  const { costUsd: b, ...restB } = expected;
  expect(restA, label).toEqual(restB);
  expect(a, label).toBeCloseTo(b, 9);
}
