import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitIntoSegments } from '@/utils/core/counting/segment-text';
import { tiktokenCount } from '@/test/unit/counting-helpers';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';
import { claudeFeatures, counterTokenizer, estimateClaudeTokens, isClaudeEstimator } from '@/utils/core/estimates/claude-estimator';
import { CLAUDE_FACTORS } from '@/utils/core/estimates/claude-factors.generated';
import { anchorSamples, calibrationSamples, factorsSource, fitAll, leaveOneOut, singleFactorErrors, summarise, type Sample } from '@/scripts/claude-factor-fit';
import { scriptRuns } from '@/utils/core/estimates/script-runs';

const o200k = (text: string) => tiktokenCount('o200k', text);
const GENERATIONS: ClaudeEstimatorId[] = ['claude3-estimate', 'claude47-estimate'];

describe('script runs', () => {
  it('split text by writing system; their texts add up to the text', () => {
    const text = 'Москва (1147) is the capital. 北京市，简称“京”。 한국어 문장! שלום עולם और दिल्ली 🚀🎉 Ελληνικά العربية';
    const runs = scriptRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.map((r) => r.script)).toEqual(['cyrillic', 'latin', 'cjk', 'hangul', 'hebrew', 'indic', 'emoji', 'other']);
    // Digits, punctuation and spaces stay in the run they are in; a word's leading space goes with it.
    expect(runs[0]!.text).toBe('Москва (1147)');
    expect(runs[1]!.text.startsWith(' is')).toBe(true);
  });

  it('text without any script (digits, punctuation) is one Latin-like run', () => {
    expect(scriptRuns('{"a": [1, 2, 3]}')).toMatchObject([{ script: 'latin', punctuation: 9, letters: 1 }]);
    expect(scriptRuns('')).toEqual([]);
  });

  it('counts letters, punctuation and capital starts (words, ALL CAPS runs and camelCase humps)', () => {
    const [run] = scriptRuns('The CHAPTER getValue(x);');
    expect(run).toMatchObject({ letters: 19, capitalStarts: 3, punctuation: 3 });
  });
});

describe('claude estimator', () => {
  it('uses o200k data and is known as an estimator', () => {
    expect(isClaudeEstimator('claude47-estimate')).toBe(true);
    expect(isClaudeEstimator('o200k')).toBe(false);
    expect(counterTokenizer('claude3-estimate')).toBe('o200k');
    expect(counterTokenizer('gemma3')).toBe('gemma3');
    expect(estimateClaudeTokens('', 'claude3-estimate', o200k)).toBe(0);
  });

  it('is additive: the segments of a text estimate to the whole text', () => {
    const text = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8') + '\n北京市，简称“京”。 Москва — столица России.\n';
    for (const g of GENERATIONS) {
      const whole = estimateClaudeTokens(text, g, o200k);
      const parts = splitIntoSegments(text, 'o200k').reduce((n, s) => n + estimateClaudeTokens(s, g, o200k), 0);
      expect(parts).toBeCloseTo(whole, 6);
    }
  });

  it('separates what the generations differ on: English far more for 4.7+, Russian and Chinese barely', () => {
    const ratio = (text: string, g: ClaudeEstimatorId) => estimateClaudeTokens(text, g, o200k) / o200k(text);
    const english = 'When we moved the team to a four-day week, the hardest part was deciding what we would stop doing. Meetings were the obvious target.';
    const russian = 'Москва — столица России, город федерального значения, административный центр Центрального федерального округа.';
    expect(ratio(english, 'claude47-estimate') / ratio(english, 'claude3-estimate')).toBeGreaterThan(1.25);
    expect(ratio(russian, 'claude47-estimate') / ratio(russian, 'claude3-estimate')).toBeCloseTo(1, 1);
    const json = '[{"id": 42, "ts": "2026-04-22T14:00:00Z", "a": [1, 2, 3]}, {"id": 43, "ts": "2026-04-22T14:00:01Z", "a": [4, 5, 6]}]';
    // JSON is estimated well below English prose on the newer tokenizer (published 1.3 vs 1.6).
    expect(ratio(json, 'claude47-estimate')).toBeLessThan(ratio(english, 'claude47-estimate') - 0.15);
  });
});

describe('fit on the calibration texts', () => {
  let calibration: Sample[];
  let anchors: Sample[];
  beforeAll(() => {
    calibration = calibrationSamples(o200k);
    anchors = anchorSamples(o200k);
  });

  it('the shipped factors are what the fit gives today (regenerate with `npm run -s models:fit`)', () => {
    const committed = readFileSync(new URL('./claude-factors.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(factorsSource(fitAll(calibration, anchors), calibration.length));
  });

  it.each(GENERATIONS)('%s: left out one text at a time, median error <= 6% and p90 <= 16%, well below the old single factor', (g) => {
    const loo = summarise(leaveOneOut(g, calibration, anchors));
    const old = summarise(singleFactorErrors(g, calibration, 1.3));
    expect(loo.median).toBeLessThanOrEqual(0.06);
    expect(loo.p90).toBeLessThanOrEqual(0.16);
    expect(loo.max).toBeLessThan(0.25);
    expect(loo.median).toBeLessThan(old.median * 0.6);
    expect(loo.max).toBeLessThan(old.max);
    // The band the badge shows is that measured p90, rounded up.
    expect(CLAUDE_FACTORS[g].band).toBeGreaterThanOrEqual(loo.p90);
    expect(CLAUDE_FACTORS[g].band).toBeLessThan(loo.p90 + 0.01);
  });

  it('every factor is positive and every per-script factor within the published 1.1-2.4 range', () => {
    for (const g of GENERATIONS) {
      const f = CLAUDE_FACTORS[g].factors;
      for (const [name, value] of Object.entries(f)) expect(value, `${g} ${name}`).toBeGreaterThan(0);
      for (const name of ['cjk', 'hangul', 'cyrillic', 'hebrew', 'indic', 'other'] as const) {
        expect(f[name], `${g} ${name}`).toBeGreaterThan(1.1);
        expect(f[name], `${g} ${name}`).toBeLessThan(2.4);
      }
    }
  });

  it('features match the texts (a sanity check of the run split on real data)', () => {
    const zh = calibration.find((s) => s.kind === 'cjk/zh')!;
    const code = calibration.find((s) => s.kind === 'code/ts')!;
    expect(zh.features.cjk).toBeGreaterThan(0.95 * (zh.features.cjk + zh.features.latinTokens));
    expect(code.features.cjk + code.features.cyrillic).toBe(0);
    const text = 'Hello Мир';
    expect(claudeFeatures(text, o200k)).toMatchObject({ cyrillic: o200k(' Мир'), latinTokens: o200k('Hello'), latinLetters: 5, latinCapitals: 1 });
  });
});
