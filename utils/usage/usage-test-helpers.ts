import type { UsageEvent } from './usage-event';

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
