import { describe, expect, it } from 'vitest';
import { calcPrice } from '@pydantic/genai-prices';
import { getModel } from '@/utils/core/models/model-registry';
import { billedCostUsd } from '@/utils/core/models/cost';
import {
  cacheCountdown,
  cachedContextTokens,
  DEFAULT_CACHE_TTL_MINUTES,
  noteReplyEnded,
  promptCacheApplies,
  warmUntil,
  type CacheLedger,
} from '@/utils/core/cache/prompt-cache';

const T = Date.parse('2026-12-07T12:00:00Z');
const MIN = 60_000;
const A = 'https://claude.ai/chat/aaa';
const B = 'https://claude.ai/chat/bbb';
const turn = (sentAt: number, extra: Partial<Parameters<typeof cachedContextTokens>[1]> = {}) => ({ conversation: A, sentAt, contextTokens: 1_200, newBranch: false, ...extra });

describe('the prompt cache window (fake clock)', () => {
  const ledger = noteReplyEnded({}, A, T);

  it('is warm from the reply’s end until end + TTL, and cold from that instant on', () => {
    expect(warmUntil(ledger, A, T, 5)).toBe(T + 5 * MIN);
    expect(warmUntil(ledger, A, T + 5 * MIN - 1, 5)).toBe(T + 5 * MIN);
    expect(warmUntil(ledger, A, T + 5 * MIN, 5)).toBeNull();
    expect(warmUntil(ledger, A, T + 59 * MIN, 60)).toBe(T + 60 * MIN);
    expect(warmUntil(ledger, A, T + 61 * MIN, 60)).toBeNull();
    // An unknown setting falls back to the dated default.
    expect(warmUntil(ledger, A, T, undefined)).toBe(T + DEFAULT_CACHE_TTL_MINUTES * MIN);
  });

  it('a turn sent while warm reads its whole context from the cache; one sent just after expiry reads none', () => {
    expect(cachedContextTokens(ledger, turn(T + 4 * MIN), 5)).toBe(1_200);
    expect(cachedContextTokens(ledger, turn(T + 5 * MIN), 5)).toBe(0);
    expect(cachedContextTokens(ledger, turn(T + 5 * MIN + 1), 5)).toBe(0);
    expect(cachedContextTokens(ledger, turn(T + 30 * MIN), 60)).toBe(1_200);
  });

  it('a regenerated reply restarts the window from its own end', () => {
    const regenerated = noteReplyEnded(ledger, A, T + 4 * MIN);
    expect(warmUntil(regenerated, A, T + 6 * MIN, 5)).toBe(T + 9 * MIN);
    expect(cachedContextTokens(regenerated, turn(T + 8 * MIN), 5)).toBe(1_200);
    expect(cachedContextTokens(ledger, turn(T + 8 * MIN), 5)).toBe(0);
  });

  it('belongs to its conversation: another conversation is cold, and a new branch (an edited message) too', () => {
    expect(warmUntil(ledger, B, T + MIN, 5)).toBeNull();
    expect(cachedContextTokens(ledger, turn(T + MIN, { conversation: B }), 5)).toBe(0);
    expect(cachedContextTokens(ledger, turn(T + MIN, { newBranch: true }), 5)).toBe(0);
    // Going to B and back to A within the TTL finds A still warm.
    const both = noteReplyEnded(ledger, B, T + 2 * MIN);
    expect(cachedContextTokens(both, turn(T + 3 * MIN), 5)).toBe(1_200);
    expect(warmUntil(both, B, T + 6 * MIN, 5)).toBe(T + 7 * MIN);
  });

  it('is never warm before its reply ended (a clock moved back), and keeps a bounded number of conversations', () => {
    expect(warmUntil(ledger, A, T - 1, 5)).toBeNull();
    let many: CacheLedger = {};
    for (let i = 0; i < 50; i++) many = noteReplyEnded(many, `c${i}`, T + i);
    expect(Object.keys(many)).toHaveLength(20);
    expect(warmUntil(many, 'c49', T + 50, 5)).toBe(T + 49 + 5 * MIN);
    expect(warmUntil(many, 'c0', T + 50, 5)).toBeNull();
  });

  it('a key named like an Object property is a plain key', () => {
    expect(warmUntil({}, 'constructor', T, 5)).toBeNull();
    expect(warmUntil(noteReplyEnded({}, '__proto__', T), '__proto__', T + 1, 5)).toBe(T + 5 * MIN);
  });
});

describe('the countdown', () => {
  it('shows minutes and seconds left, warns in the last minute, and ends at expiry', () => {
    expect(cacheCountdown(T + 4 * MIN + 12_000, T)).toEqual({ text: 'cache warm · 4:12 left', urgent: false });
    expect(cacheCountdown(T + 42_000, T)).toEqual({ text: 'cache warm · 0:42 left — send now to reuse it', urgent: true });
    expect(cacheCountdown(T + 60 * MIN, T)?.text).toBe('cache warm · 60:00 left');
    expect(cacheCountdown(T, T)).toBeNull();
  });
});

describe('which chats get the cache rule', () => {
  it('claude.ai with a Claude model only: no published rule for the ChatGPT and Gemini apps', () => {
    expect(promptCacheApplies('claude.ai', 'anthropic')).toBe(true);
    expect(promptCacheApplies('chatgpt.com', 'openai')).toBe(false);
    expect(promptCacheApplies('gemini.google.com', 'google')).toBe(false);
    expect(promptCacheApplies('platform.claude.com', 'anthropic')).toBe(false);
  });
});

describe('pricing with cache reads, against genai-prices’ own calculation', () => {
  for (const id of ['claude-sonnet-5', 'claude-opus-4-8', 'claude-haiku-4-5']) {
    it(`${id}: cache reads at its cache-read price, the rest at input`, () => {
      const model = getModel(id)!;
      const usage = { input_tokens: 12_000, cache_read_tokens: 10_000, output_tokens: 800 };
      const library = calcPrice(usage, id, { providerId: 'anthropic' });
      const ours = billedCostUsd(model, { inputTokens: 12_000, cacheReadTokens: 10_000, outputTokens: 800 })!;
      expect(ours).toBeCloseTo(library!.total_price, 10);
      const fresh = billedCostUsd(model, { inputTokens: 12_000, outputTokens: 800 })!;
      expect(fresh).toBeCloseTo(calcPrice({ input_tokens: 12_000, output_tokens: 800 }, id, { providerId: 'anthropic' })!.total_price, 10);
      expect(ours).toBeLessThan(fresh);
    });
  }
});
