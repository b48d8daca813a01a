import { describe, expect, it } from 'vitest';
import { contextLevel, contextWindowFor, shortWindow } from '@/utils/core/models/app-context-windows';
import { COUNTING_RULES } from '@/utils/core/models/counting-rules';
import { priceCatalog } from '@/utils/core/settings/price-catalog';

describe('the context window a prompt is measured against', () => {
  it('is claude.ai’s own 200k there, even for a model with a 1M API window', () => {
    expect(contextWindowFor({ contextWindow: 1_000_000 }, 'claude.ai')).toEqual({ tokens: 200_000, source: 'app', sourceName: 'claude.ai' });
    expect(contextWindowFor({ contextWindow: 200_000 }, 'claude.ai').source).toBe('app');
  });
  it('is the ChatGPT plan’s where the plan is known, else the API’s', () => {
    expect(contextWindowFor({ contextWindow: 400_000 }, 'chatgpt.com', 'plus')).toEqual({ tokens: 32_000, source: 'app', sourceName: 'ChatGPT Plus' });
    expect(contextWindowFor({ contextWindow: 400_000 }, 'chatgpt.com', 'pro').tokens).toBe(128_000);
    expect(contextWindowFor({ contextWindow: 400_000 }, 'chatgpt.com', 'none')).toEqual({ tokens: 400_000, source: 'api', sourceName: 'API' });
    expect(contextWindowFor({ contextWindow: 400_000 }, 'chatgpt.com', 'go').source).toBe('api');
  });
  it('never exceeds the model’s own window (GPT-4 on a Plus plan is still 8,192)', () => {
    expect(contextWindowFor({ contextWindow: 8_192 }, 'chatgpt.com', 'plus')).toEqual({ tokens: 8_192, source: 'api', sourceName: 'API' });
  });
  it('is the API’s on sites without a published app window', () => {
    expect(contextWindowFor({ contextWindow: 1_048_576 }, 'gemini.google.com').source).toBe('api');
    expect(contextWindowFor({ contextWindow: 128_000 }, 'platform.openai.com').source).toBe('api');
  });
  it('warns from 80% and is over past the window', () => {
    expect(contextLevel(6_553, 8_192)).toBe('ok');
    expect(contextLevel(6_554, 8_192)).toBe('near');
    expect(contextLevel(8_192, 8_192)).toBe('near');
    expect(contextLevel(8_193, 8_192)).toBe('over');
    expect(contextLevel(5, 0)).toBe('ok');
  });
  it('names windows briefly', () => {
    expect([shortWindow(200_000), shortWindow(1_000_000), shortWindow(1_048_576), shortWindow(128_000), shortWindow(8_192)]).toEqual(['200k', '1M', '1M', '128k', '8,192']);
  });
});

describe('the Accuracy table agrees with itself', () => {
  it('states the same band in both columns for Claude estimates', () => {
    for (const id of ['claude-3', 'claude-4.7'] as const) {
      const rule = COUNTING_RULES[id];
      expect(rule.bandSource).toContain(`within ±${Math.round(rule.band * 100)}%`);
    }
  });
  it('gives Gemini models as the examples of the Gemini 3.1+ row', () => {
    const row = priceCatalog().rules.find((r) => r.id === 'gemini-gemma4')!;
    expect(row.examples.length).toBeGreaterThan(0);
    expect(row.examples.every((label) => /gemini/i.test(label))).toBe(true);
  });
});
