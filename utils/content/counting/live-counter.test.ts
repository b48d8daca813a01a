import { describe, expect, it, vi } from 'vitest';
import { createLiveCounter } from '@/utils/content/counting/live-counter';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { getModel } from '@/utils/core/models/model-registry';

describe('createLiveCounter content-side cache', () => {
  it('answers an undo from recently counted segments without asking the background', async () => {
    // A fake tokenizer: one token per character keeps sums checkable.
    const countSegments = vi.fn(async (_t: string, segments: string[]) => segments.map((s) => s.length));
    const counter = createLiveCounter(countSegments as never);
    const model = getModel('gpt-4o') as ModelInfo;
    const base = 'First paragraph of the prompt.\nSecond paragraph.\n';
    expect((await counter.count(base, model)).tokens).toBe(base.length);
    expect((await counter.count(base + 'x', model)).tokens).toBe(base.length + 1);
    const calls = countSegments.mock.calls.length;
    // Backspace: the text is back to a state whose segments were all counted recently.
    expect((await counter.count(base, model)).tokens).toBe(base.length);
    expect(countSegments.mock.calls.length).toBe(calls);
  });
});

describe('createLiveCounter synchronous path', () => {
  it('answers a likely next keystroke synchronously, with the exact count, once the variants arrive', async () => {
    const { pool, tiktokenCount, corpus } = await import('@/test/unit/counting-helpers');
    const { createSegmentCounter } = await import('@/utils/core/counting/segment-counter');
    const segmentCounter = createSegmentCounter(pool);
    const calls: string[][] = [];
    const counter = createLiveCounter(
      async (t, segments) => {
        calls.push(segments);
        return segmentCounter(t, segments);
      },
      { predictKeystrokes: true },
    );
    const model = getModel('gpt-4o') as ModelInfo;
    let text = corpus()[0]!.text.slice(0, 3000);
    await counter.count(text, model);
    let sync = 0;
    for (const key of 'the quick brown fox, typed.\nNext line') {
      // Let the speculative request for the previous state land.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await new Promise((resolve) => setTimeout(resolve, 0));
      text += key;
      const now = counter.countNow(text, model);
      const result = now ?? (await counter.count(text, model));
      if (now) sync++;
      expect(result.tokens).toBe(tiktokenCount('o200k', text));
    }
    // Every key typed is in the likely-key set, so most keystrokes need no round trip.
    expect(sync).toBeGreaterThan(30);
    // An unlikely edit (a paste in the middle) is not guessed.
    expect(counter.countNow(text.slice(0, 100) + '§§ pasted ✓ text §§' + text.slice(100), model)).toBeNull();
    expect(calls.length).toBeGreaterThan(1);
  });
});
