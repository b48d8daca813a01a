import { describe, expect, it, vi } from 'vitest';
import { routeMessage } from '@/utils/background/messaging/router';
import type { Handlers } from '@/utils/background/messaging/router';
import { tabSender } from '@/test/unit/test-senders';
import type { CountSegmentsFn } from '@/utils/core/counting/segment-counter';
import { CORRECTIONS_DB_NAME, loadCorrections, recordExactObservation, resetCorrections } from '@/utils/storage/estimate-corrections';
import { CORRECTION_RULES, nextCorrection } from '@/utils/core/accuracy/corrections';
import { keyValueDb } from '@/utils/storage/key-value-db';
import { createExactObserver } from '@/utils/background/accuracy/exact-observations';

/** A value written straight into the corrections' store, as a bug or an old version might have. */
async function writeRaw(value: unknown) {
  await (await keyValueDb(CORRECTIONS_DB_NAME, 'corrections')()).put('corrections', value, 'estimateCorrections');
}

describe('the correction of an estimator', () => {
  it('starts at 1 and moves a quarter of the way with the first exact count', () => {
    const first = nextCorrection(undefined, 1000, 1200, 5)!;
    expect(first.samples).toBe(1);
    expect(first.updated).toBe(5);
    expect(first.ratio).toBeCloseTo(Math.exp(Math.log(1.2) / 4), 10);
  });

  it('converges on a steady ratio, and follows a change of text roughly over the last 20', () => {
    let c = undefined as ReturnType<typeof nextCorrection> | undefined;
    for (let i = 0; i < 60; i++) c = nextCorrection(c ?? undefined, 1000, 1100)!;
    expect(c!.ratio).toBeCloseTo(1.1, 2);
    // Each new count weighs 1/20: after 20 counts of a new kind of text it is most of the way there.
    for (let i = 0; i < 20; i++) c = nextCorrection(c!, 1000, 950)!;
    expect(c!.ratio).toBeLessThan(1.01);
    for (let i = 0; i < 20; i++) c = nextCorrection(c!, 1000, 950)!;
    expect(c!.ratio).toBeLessThan(0.98);
    expect(c!.samples).toBe(100);
  });

  it('is bounded: an absurd observation moves it a little, and it never leaves ±25-33%', () => {
    const once = nextCorrection(undefined, 1000, 1_000_000)!;
    expect(once.ratio).toBeCloseTo(Math.exp(Math.log(CORRECTION_RULES.observation[1]) / 4), 10);
    let c = once;
    for (let i = 0; i < 200; i++) c = nextCorrection(c, 1000, 1_000_000)!;
    expect(c.ratio).toBeLessThanOrEqual(CORRECTION_RULES.overall[1]);
    for (let i = 0; i < 200; i++) c = nextCorrection(c, 1000, 1)!;
    expect(c.ratio).toBeGreaterThanOrEqual(CORRECTION_RULES.overall[0]);
  });

  it('ignores texts too short to learn from, and nonsense', () => {
    expect(nextCorrection(undefined, CORRECTION_RULES.minTokens - 1, 300)).toBeNull();
    expect(nextCorrection(undefined, 1000, 0)).toBeNull();
    expect(nextCorrection(undefined, Number.NaN, 10)).toBeNull();
  });
});

describe('stored corrections', () => {
  it('are written per generation, read back, and reset', async () => {
    await recordExactObservation('claude47-estimate', 1000, 1200);
    await recordExactObservation('claude47-estimate', 1000, 1200);
    const stored = await loadCorrections();
    expect(stored['claude47-estimate']).toMatchObject({ samples: 2 });
    expect(stored['claude3-estimate']).toBeUndefined();
    await resetCorrections();
    expect(await loadCorrections()).toEqual({});
  });

  it('concurrent observations are all counted', async () => {
    await Promise.all(Array.from({ length: 8 }, () => recordExactObservation('claude3-estimate', 1000, 1100)));
    expect((await loadCorrections())['claude3-estimate']!.samples).toBe(8);
  });

  it('a malformed or out-of-bounds stored value reads as no correction', async () => {
    await writeRaw({ 'claude3-estimate': { ratio: 9, samples: 1, updated: Date.now() } });
    expect(await loadCorrections()).toEqual({});
    await writeRaw('garbage');
    expect(await loadCorrections()).toEqual({});
  });

  it('a time the options page could not show (years ahead, or before 2020) reads as no correction', async () => {
    for (const updated of [9e15, Date.now() + 10 * 86_400_000, 1, Number.NaN]) {
      await writeRaw({ 'claude3-estimate': { ratio: 1.1, samples: 3, updated } });
      expect(await loadCorrections(), `updated ${updated}`).toEqual({});
    }
    await writeRaw({ 'claude3-estimate': { ratio: 1.1, samples: 3, updated: Date.now() } });
    expect((await loadCorrections())['claude3-estimate']?.ratio).toBe(1.1);
  });
});

describe('learning from exact counts in the background', () => {
  // A fake estimator: 1 token per 4 characters, whatever the counter.
  const fakeCounter: CountSegmentsFn = async (_counter, segments) => segments.map((s) => s.length / 4);
  const observe = createExactObserver(() => fakeCounter);
  const text = 'word '.repeat(400); // 2000 characters: an estimate of 500

  it('compares the exact count with the uncorrected estimate of the same text', async () => {
    const result = await observe(text, 'claude-sonnet-5', 600);
    expect(result).toMatchObject({ applied: true, samples: 1 });
    expect(result.ratio).toBeCloseTo(Math.exp(Math.log(1.2) / 4), 10);
    expect((await loadCorrections())['claude47-estimate']!.samples).toBe(1);
    // The other generation is untouched.
    expect((await loadCorrections())['claude3-estimate']).toBeUndefined();
  });

  it('says why nothing was learned', async () => {
    expect(await observe(text, 'gpt-4o', 600)).toMatchObject({ applied: false, reason: expect.stringContaining('not estimated') });
    expect(await observe('short', 'claude-haiku-4-5', 3)).toMatchObject({ applied: false, reason: expect.stringContaining('too short') });
    expect(await observe(text, 'frobnicator-9', 600)).toMatchObject({ applied: false, reason: expect.stringContaining('unknown model') });
  });

  it('a tab may report counts of its own provider\'s models only', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handlers = { 'observe-exact-count': (r: { text: string; modelId: string; tokens: number }) => observe(r.text, r.modelId, r.tokens) } as unknown as Partial<Handlers>;
    const message = (modelId: string) => ({ type: 'observe-exact-count', modelId, text, tokens: 600 });
    expect(await routeMessage(message('claude-sonnet-5'), tabSender('https://platform.claude.com/playground', 3), handlers)).toMatchObject({ ok: true, value: { applied: true } });
    expect(await routeMessage(message('claude-sonnet-5'), tabSender('https://chatgpt.com/', 4), handlers)).toMatchObject({ ok: false, refused: true });
    expect(await routeMessage(message('claude-sonnet-5'), tabSender('https://example.org/', 5), handlers)).toMatchObject({ ok: false, refused: true });
    expect(await routeMessage({ ...message('claude-sonnet-5'), tokens: -1 }, tabSender('https://claude.ai/new', 6), handlers)).toMatchObject({ ok: false });
  });
});
