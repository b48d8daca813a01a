import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import { costUsd } from '@/utils/core/models/cost';
import { claudeAdjustment, getModel, listModels, PRICE_DATA_SOURCE, priceOn, resolveModel } from '@/utils/core/models/model-registry';

describe('model registry', () => {
  it('lists each model once, with a label, limits and a tokenizer', () => {
    const models = listModels();
    expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
    expect(models.length).toBeGreaterThan(80);
    for (const m of models) {
      expect(m.label.length, m.id).toBeGreaterThan(0);
      expect(m.contextWindow, m.id).toBeGreaterThanOrEqual(m.maxOutput);
      expect(m.exact ? m.band : m.band > 0, m.id).toBe(m.exact ? 0 : true);
    }
    expect(getModel('claude-opus-4-8')!.label).toBe('Claude Opus 4.8');
    expect(getModel('gpt-4o-mini')!.label).toBe('GPT-4o mini');
    expect(PRICE_DATA_SOURCE).toContain('genai-prices');
  });

  it('labels only OpenAI tokenizers, Gemma 3, DeepSeek V3 and Qwen3 on their own models as exact', () => {
    for (const m of listModels()) {
      if (m.provider === 'openai') expect(m.exact, m.id).toBe(true);
      else if (m.provider === 'anthropic') expect([m.exact, m.tokenizer], m.id).toEqual([false, 'o200k']);
      else if (m.provider === 'google') expect([m.exact, m.tokenizer], m.id).toEqual([m.id.startsWith('gemma-3'), 'gemma3']);
      // The open vocabularies are exact for their own generation; the next generation is an estimate.
      else if (m.provider === 'deepseek') expect([m.exact, m.tokenizer], m.id).toEqual([!/^deepseek-v4/.test(m.id), 'deepseek3']);
      else if (m.provider === 'alibaba') expect([m.exact, m.tokenizer], m.id).toEqual([!/^qwen3\.[5-9]/.test(m.id), 'qwen3']);
      else expect(m.exact, m.id).toBe(false);
    }
  });

  it('takes the price in effect today from a dated schedule', () => {
    const schedule = [{ price: { inputPerMTok: 1, outputPerMTok: 2 } }, { from: '2026-07-30', price: { inputPerMTok: 3, outputPerMTok: 4 } }];
    expect(priceOn(schedule, '2026-07-29')!.price.inputPerMTok).toBe(1);
    expect(priceOn(schedule, '2026-07-30')!.price.inputPerMTok).toBe(3);
    expect(priceOn([{ from: '2027-01-01', price: { inputPerMTok: 1, outputPerMTok: 1 } }], '2026-12-31')).toBeUndefined();
  });

  it('resolveModel applies the Claude adjustment and price overrides from settings', () => {
    const settings = { ...DEFAULT_SETTINGS, claudeEstimateAdjust: 1.1, priceOverrides: { 'gpt-4o': { inputPerMTok: 1, outputPerMTok: 2 } } };
    expect(resolveModel('claude-sonnet-4-5', settings)!.tokenFactor).toBe(1.1);
    expect(resolveModel('claude-sonnet-4-5', DEFAULT_SETTINGS)!.tokenFactor).toBe(1);
    expect(resolveModel('gpt-4o', settings)!.tokenFactor).toBe(1);
    expect(resolveModel('gpt-4o', settings)!.price).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(getModel('gpt-4o')!.price!.inputPerMTok).toBe(2.5); // the registry itself is untouched
    expect(resolveModel('nope', settings)).toBeUndefined();
    // A new model of a known family resolves, unpriced.
    expect(resolveModel('claude-opus-6', DEFAULT_SETTINGS)).toMatchObject({ inCatalog: false, rule: 'claude-4.7' });
    expect(resolveModel('claude-opus-6', DEFAULT_SETTINGS)!.price).toBeUndefined();
  });
});

describe('the Claude factor chosen before per-script estimates', () => {
  it('is kept, relative to the old default 1.3, until the user sets an adjustment', () => {
    expect(claudeAdjustment({ claudeTokenFactor: 1.5, claudeEstimateAdjust: null })).toEqual({ factor: 1.5 / 1.3, from: 'legacy-factor' });
    expect(claudeAdjustment({ claudeTokenFactor: 1.3, claudeEstimateAdjust: null }).factor).toBeCloseTo(1, 12);
    expect(claudeAdjustment({ claudeTokenFactor: 1.5, claudeEstimateAdjust: 0.95 })).toEqual({ factor: 0.95, from: 'adjustment' });
    expect(claudeAdjustment({ claudeTokenFactor: null, claudeEstimateAdjust: null })).toEqual({ factor: 1, from: 'none' });
    expect(resolveModel('claude-opus-4-8', { ...DEFAULT_SETTINGS, claudeTokenFactor: 1.5 })!.tokenFactor).toBeCloseTo(1.5 / 1.3, 12);
    expect(resolveModel('gpt-4o', { ...DEFAULT_SETTINGS, claudeTokenFactor: 1.5 })!.tokenFactor).toBe(1);
  });
});

describe('costUsd', () => {
  it('prices input and output per million tokens', () => {
    expect(costUsd(getModel('gpt-4o')!, 1_000_000, 1_000_000)).toBeCloseTo(12.5, 10);
    expect(costUsd(getModel('gpt-4o-mini')!, 2000, 500)).toBeCloseTo((2000 * 0.15 + 500 * 0.6) / 1e6, 12);
  });

  it('returns null, not 0, when the price is unknown', () => {
    const { price: _ignored, ...unpriced } = getModel('gpt-4o')!;
    expect(costUsd(unpriced, 1000, 1000)).toBeNull();
  });

  it('bills the whole request at long-context rates above the threshold', () => {
    const pro = getModel('gemini-2.5-pro')!;
    expect(pro.price!.longContext!.aboveInputTokens).toBe(200_000);
    expect(costUsd(pro, 200_000, 0)).toBeCloseTo(200_000 * pro.price!.inputPerMTok / 1e6, 10);
    expect(costUsd(pro, 200_001, 0)).toBeCloseTo(200_001 * pro.price!.longContext!.inputPerMTok / 1e6, 10);
  });
});
