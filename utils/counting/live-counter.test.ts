import { describe, expect, it, vi } from 'vitest';
import { createLiveCounter } from './live-counter';
import type { ModelInfo } from '../models/model-types';
import { getModel } from '../models/model-registry';

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
