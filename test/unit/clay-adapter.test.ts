import { describe, expect, it } from 'vitest';
import { clayAdapter, CLAY_RUN_BUTTON_LABELS } from '@/utils/sites/adapters/clay';
import { parseClayRowCount } from '@/utils/core/clay/row-count';
import { readModelLabel } from '@/utils/core/models/model-labels';
import { buildClayRunEvent } from '@/utils/core/clay/clay-run-event';
import { estimateClayRun } from '@/utils/core/clay/run-estimate';
import { usageEventSchema } from '@/utils/core/usage/usage-event';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { gpt4oMini, listPrice } from '@/test/unit/test-models';

describe('clay adapter', () => {
  it('is the Clay table adapter', () => {
    expect(clayAdapter).toMatchObject({ id: 'clay', hosts: ['app.clay.com'], provider: 'clay', kind: 'clay' });
    expect(clayAdapter.selectors.composer.length).toBeGreaterThan(2);
    for (const selector of [...clayAdapter.selectors.composer, ...(clayAdapter.selectors.rowCount ?? [])]) {
      for (const part of selector.split(',')) expect(part.trim()).not.toBe('');
    }
  });

  it('reads row counts the ways Clay writes them', () => {
    expect(parseClayRowCount('250 rows')).toBe(250);
    expect(parseClayRowCount('1,000 records')).toBe(1000);
    expect(parseClayRowCount('Showing 50 of 1,200 rows')).toBe(1200);
    expect(parseClayRowCount('1 row')).toBe(1);
    expect(parseClayRowCount('Rows: 3.4k')).toBe(3400);
    expect(parseClayRowCount('12.5k rows')).toBe(12_500);
    expect(parseClayRowCount('Add rows')).toBeNull();
    expect(parseClayRowCount('Leads')).toBeNull();
  });

  it('maps model picker labels to registry ids', () => {
    const fromLabel = (label: string) => {
      const reading = readModelLabel(label, { provider: clayAdapter.provider });
      return reading.kind === 'model' ? reading.id : null;
    };
    expect(fromLabel('GPT-4.1')).toBe('gpt-4.1');
    expect(fromLabel('Claude Sonnet 4.5')).toBe('claude-sonnet-4-5');
    expect(fromLabel('Gemini 2.0 Flash')).toBe('gemini-2.0-flash');
    expect(fromLabel('Clay Argon')).toBeNull();
  });

  it('recognises run buttons by label, not any button', () => {
    const isRun = (label: string) => CLAY_RUN_BUTTON_LABELS.some((re) => re.test(label));
    expect(isRun('Save and run')).toBe(true);
    expect(isRun('Run column')).toBe(true);
    expect(isRun('Run 250 rows')).toBe(true);
    expect(isRun('Save')).toBe(false);
    expect(isRun('Add column · Use AI')).toBe(false);
  });
});

describe('clay run events', () => {
  const model: ModelInfo = { ...gpt4oMini, id: 'gpt-4.1', label: 'GPT-4.1', contextWindow: 1e6, maxOutput: 32_768, price: { inputPerMTok: 2, outputPerMTok: 8 } };
  const price = listPrice;
  const input = { promptTokens: 30, rows: 250, referenceCount: 2, avgReferenceTokens: 20, avgOutputTokens: 100, model, feature: 'use-ai' as const, tpm: null };

  it('on Clay credits: provider clay, credits, no dollars; valid for the background', () => {
    const estimate = estimateClayRun({ ...input, ownKey: false }, price);
    const event = buildClayRunEvent({ estimate, model, ownKey: false, site: 'app.clay.com', now: 1_700_000_000_000, priceDate: '2026-11-01' });
    expect(event).toMatchObject({ provider: 'clay', kind: 'clay-run', credits: 250, promptTokens: 250 * 70, outputTokens: 25_000, costUsd: 0 });
    expect(usageEventSchema.safeParse(event).success).toBe(true);
  });

  it('with an own key: filed under the AI provider with its dollars and 0 credits', () => {
    const estimate = estimateClayRun({ ...input, ownKey: true }, price);
    const event = buildClayRunEvent({ estimate, model, ownKey: true, site: 'app.clay.com', now: 1_700_000_000_000, priceDate: '2026-11-01' });
    expect(event).toMatchObject({ provider: 'openai', credits: 0, priceDate: '2026-11-01' });
    expect(event.costUsd).toBeCloseTo((17_500 * 2 + 25_000 * 8) / 1e6, 10);
    expect(usageEventSchema.safeParse(event).success).toBe(true);
  });
});
