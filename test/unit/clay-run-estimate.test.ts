import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { estimateClayRun, type RunEstimateInput } from '@/utils/core/clay/run-estimate';
import { checkTpm, runMinutes } from '@/utils/core/clay/tpm-requirements';
import { countTextReferences } from '@/utils/content/clay/column-references';
import { gpt4oMini, listPrice } from '@/test/unit/test-models';

const sonnet: ModelInfo = { ...gpt4oMini, id: 'claude-sonnet-4-5', provider: 'anthropic', price: { inputPerMTok: 3, outputPerMTok: 15 } };
const flash2: ModelInfo = { ...gpt4oMini, id: 'gemini-2.0-flash', provider: 'google' };
const unpriced: ModelInfo = { ...gpt4oMini, id: 'mystery', price: undefined };

const price = listPrice;

const base: RunEstimateInput = {
  promptTokens: 100,
  rows: 250,
  referenceCount: 2,
  avgReferenceTokens: 20,
  avgOutputTokens: 60,
  model: gpt4oMini,
  feature: 'use-ai',
  ownKey: false,
  tpm: null,
};

describe('estimateClayRun', () => {
  it('tokens per row = prompt + references x average; totals multiply by rows', () => {
    const e = estimateClayRun(base, price);
    expect(e.inputTokensPerRow).toBe(140);
    expect(e.outputTokensPerRow).toBe(60);
    expect(e.totalInputTokens).toBe(35_000);
    expect(e.totalOutputTokens).toBe(15_000);
    expect(e.totalTokens).toBe(50_000);
    expect(e.outputIsMaximum).toBe(false);
  });

  it('without an output average, output is the model maximum (an upper bound)', () => {
    const e = estimateClayRun({ ...base, avgOutputTokens: null, rows: 2 }, price);
    expect(e.outputTokensPerRow).toBe(16_384);
    expect(e.outputIsMaximum).toBe(true);
  });

  it('with Clay credits: 1 credit per row for an AI column, no dollars billed, Clay manages TPM', () => {
    const e = estimateClayRun({ ...base, rows: 1000 }, price);
    expect(e.creditsTotal).toBe(1000);
    expect(e.credits).toEqual({ credits: 1000 });
    expect(e.billedUsd).toBe(0);
    expect(e.tpm.status).toBe('managed-by-clay');
    expect(e.minutes).toBeNull();
  });

  it('AI column plus 3 enrichment columns costs 4 credits per row', () => {
    const e = estimateClayRun(
      { ...base, rows: 10, extraColumns: [{ typeId: 'enrich-person' }, { typeId: 'enrich-company' }, { typeId: 'find-new-events' }] },
      price,
    );
    expect(e.creditsPerRow).toBe(4);
    expect(e.creditsTotal).toBe(40);
  });

  it('with an own key: 0 credits, and dollars from the model price', () => {
    const e = estimateClayRun({ ...base, ownKey: true, rows: 1000 }, price);
    expect(e.creditsTotal).toBe(0);
    // 140k input x $0.15/M + 60k output x $0.60/M
    expect(e.billedUsd).toBeCloseTo(0.021 + 0.036, 10);
    expect(estimateClayRun({ ...base, ownKey: true, model: unpriced }, price).billedUsd).toBeNull();
  });

  it('errors are free in credits but their tokens still count', () => {
    const e = estimateClayRun({ ...base, rows: 100, outcomes: { errors: 100 } }, price);
    expect(e.creditsTotal).toBe(0);
    expect(e.totalTokens).toBe(100 * 200);
  });

  it('re-runs multiply credits and tokens', () => {
    const e = estimateClayRun({ ...base, rows: 100, runs: 2 }, price);
    expect(e.creditsTotal).toBe(200);
    expect(e.totalTokens).toBe(2 * 100 * 200);
  });

  it('minutes at the configured TPM = total tokens / TPM', () => {
    const e = estimateClayRun({ ...base, ownKey: true, feature: 'chatgpt-generate-text', tpm: 30_000 }, price);
    expect(e.totalTokens).toBe(50_000);
    expect(e.minutes).toBeCloseTo(50_000 / 30_000, 10);
    expect(e.tpm.status).toBe('ok');
    expect(runMinutes(1000, null)).toBeNull();
  });
});

describe('TPM requirements', () => {
  const own = { ownKey: true, modelId: 'gpt-4o' };
  it('ChatGPT Generate Text needs 30,000 TPM', () => {
    expect(checkTpm({ ...own, feature: 'chatgpt-generate-text', provider: 'openai', tpm: 30_000 }).status).toBe('ok');
    expect(checkTpm({ ...own, feature: 'chatgpt-generate-text', provider: 'openai', tpm: 29_999 })).toMatchObject({ status: 'too-low', requiredTpm: 30_000 });
    expect(checkTpm({ ...own, feature: 'chatgpt-generate-text', provider: 'openai', tpm: null }).status).toBe('tpm-unknown');
  });
  it('Claygent needs OpenAI >= 450,000 or Anthropic >= 400,000 TPM; Gemini Tier 2 only with 2.0 Flash', () => {
    expect(checkTpm({ ...own, feature: 'claygent', provider: 'openai', tpm: 449_999 }).status).toBe('too-low');
    expect(checkTpm({ ...own, feature: 'claygent', provider: 'openai', tpm: 450_000 }).status).toBe('ok');
    expect(checkTpm({ ownKey: true, modelId: sonnet.id, feature: 'claygent', provider: 'anthropic', tpm: 400_000 }).status).toBe('ok');
    expect(checkTpm({ ownKey: true, modelId: sonnet.id, feature: 'claygent', provider: 'anthropic', tpm: 399_000 })).toMatchObject({ status: 'too-low', requiredTpm: 400_000, tier: 'Tier 4' });
    expect(checkTpm({ ownKey: true, modelId: flash2.id, feature: 'claygent', provider: 'google', tpm: null }).status).toBe('tier-only');
    expect(checkTpm({ ownKey: true, modelId: 'gemini-2.5-pro', feature: 'claygent', provider: 'google', tpm: 1e6 }).status).toBe('unsupported');
    expect(checkTpm({ ownKey: true, modelId: sonnet.id, feature: 'chatgpt-generate-text', provider: 'anthropic', tpm: 1e6 }).status).toBe('unsupported');
  });
  it('Clay credits: Clay manages the rate limit', () => {
    expect(checkTpm({ ownKey: false, modelId: 'gpt-4o', feature: 'claygent', provider: 'openai', tpm: 1 }).status).toBe('managed-by-clay');
  });
});

describe('column references in prompt text', () => {
  it('counts {{Column}} placeholders and /Column references, not paths', () => {
    expect(countTextReferences('Research {{Company Name}} at {{ Website }}')).toBe(2);
    expect(countTextReferences('Write about /Company and /Website\n/Title first')).toBe(3);
    expect(countTextReferences('Check example.com/about and the /pricing page')).toBe(0);
    expect(countTextReferences('no references here')).toBe(0);
  });
});
