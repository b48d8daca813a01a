import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings-schema';
import { costUsd } from './cost';
import { MODEL_CATALOG } from './model-catalog';
import {
  CLAUDE_TOKEN_FACTOR_SOURCE, DEFAULT_CLAUDE_TOKEN_FACTOR, getModel, listModels, PRICE_DATA_DATE, PRICE_DATA_SOURCE, resolveModel,
} from './model-registry';
import { PRICE_TABLE } from './price-table.generated';
import { priceFromGenaiPrices } from './price-table-from-genai-prices';

const REQUIRED = [
  'gpt-5', 'gpt-5-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'o3', 'o4-mini', 'gpt-4', 'gpt-3.5-turbo',
  'claude-opus-4-1', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.0-flash',
];

describe('model registry', () => {
  it('knows every required model with tokenizer, label and limits', () => {
    for (const id of REQUIRED) {
      const m = getModel(id);
      expect(m, id).toBeDefined();
      expect(m!.contextWindow).toBeGreaterThanOrEqual(m!.maxOutput);
      expect(m!.maxOutput).toBeGreaterThan(0);
      expect(m!.label.length).toBeGreaterThan(0);
    }
    expect(new Set(listModels().map((m) => m.id)).size).toBe(listModels().length);
  });

  it('maps providers to tokenizers and labels only OpenAI as exact', () => {
    for (const m of listModels()) {
      if (m.provider === 'openai') {
        expect(m.exact).toBe(true);
        expect(m.tokenFactor).toBe(1);
        expect(m.tokenizer).toBe(/^(gpt-4|gpt-4-turbo|gpt-3\.5-turbo)$/.test(m.id) ? 'cl100k' : 'o200k');
      } else if (m.provider === 'anthropic') {
        expect([m.exact, m.tokenizer, m.tokenFactor]).toEqual([false, 'o200k', DEFAULT_CLAUDE_TOKEN_FACTOR]);
      } else {
        expect([m.exact, m.tokenizer, m.tokenFactor]).toEqual([false, 'gemma3', 1]);
      }
    }
    expect(DEFAULT_CLAUDE_TOKEN_FACTOR).toBeGreaterThanOrEqual(1.15);
    expect(DEFAULT_CLAUDE_TOKEN_FACTOR).toBeLessThanOrEqual(1.45);
    expect(CLAUDE_TOKEN_FACTOR_SOURCE).toMatch(/count_tokens/);
  });

  it('the generated price table equals what @pydantic/genai-prices says today', () => {
    for (const entry of MODEL_CATALOG) {
      expect(PRICE_TABLE[entry.id], entry.id).toEqual(priceFromGenaiPrices(entry.id, entry.provider));
    }
    expect(getModel('gpt-4o')!.price).toMatchObject({ inputPerMTok: 2.5, outputPerMTok: 10 });
  });

  it('the price date belongs to the installed genai-prices version', () => {
    const { version } = JSON.parse(readFileSync('node_modules/@pydantic/genai-prices/package.json', 'utf8')) as { version: string };
    // Bumping the library must come with a new PRICE_DATA_DATE (its npm publication date).
    expect(version).toBe('0.1.8');
    expect(PRICE_DATA_DATE).toBe('2026-09-23');
    expect(PRICE_DATA_SOURCE).toContain(version);
  });

  it('a model genai-prices does not know stays unpriced instead of borrowing a neighbour', () => {
    expect(priceFromGenaiPrices('gpt-4o-imaginary-2099', 'openai')).toBeUndefined();
    expect(priceFromGenaiPrices('gemini-9-ultra', 'google')).toBeUndefined();
  });

  it('resolveModel applies the Claude factor and price overrides from settings', () => {
    const settings = { ...DEFAULT_SETTINGS, claudeTokenFactor: 1.5, priceOverrides: { 'gpt-4o': { inputPerMTok: 1, outputPerMTok: 2 } } };
    expect(resolveModel('claude-sonnet-4-5', settings)!.tokenFactor).toBe(1.5);
    expect(resolveModel('claude-sonnet-4-5', DEFAULT_SETTINGS)!.tokenFactor).toBe(DEFAULT_CLAUDE_TOKEN_FACTOR);
    expect(resolveModel('gpt-4o', settings)!.tokenFactor).toBe(1);
    expect(resolveModel('gpt-4o', settings)!.price).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(getModel('gpt-4o')!.price!.inputPerMTok).toBe(2.5); // the registry itself is untouched
    expect(resolveModel('nope', settings)).toBeUndefined();
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
