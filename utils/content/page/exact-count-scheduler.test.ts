import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExactCountScheduler } from '@/utils/content/page/exact-count-scheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createExactCountScheduler', () => {
  it('asks once per typing pause, for the latest text only', async () => {
    const send = vi.fn(async (text: string) => ({ tokens: text.length }));
    const scheduler = createExactCountScheduler(send, 800);
    const outcomes: unknown[] = [];
    for (const text of ['h', 'he', 'hel', 'hello']) {
      scheduler.request(text, 'claude-sonnet-4-5', (o) => outcomes.push(o));
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(800);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('hello', 'claude-sonnet-4-5');
    expect(outcomes).toEqual([{ ok: true, tokens: 5 }]);
  });

  it('drops the reply of a request superseded while it was in flight', async () => {
    let resolveFirst!: (v: { tokens: number }) => void;
    const send = vi
      .fn<(text: string, modelId: string) => Promise<{ tokens: number } | { error: string } | null>>()
      .mockImplementationOnce(() => new Promise((r) => (resolveFirst = r)))
      .mockImplementationOnce(async () => ({ error: 'Rate limited by Anthropic; try again shortly' }));
    const scheduler = createExactCountScheduler(send, 800);
    const outcomes: unknown[] = [];
    scheduler.request('first', 'claude-haiku-4-5', (o) => outcomes.push(['first', o]));
    await vi.advanceTimersByTimeAsync(800);
    scheduler.request('second', 'claude-haiku-4-5', (o) => outcomes.push(['second', o]));
    resolveFirst({ tokens: 99 });
    await vi.advanceTimersByTimeAsync(800);
    expect(outcomes).toEqual([['second', { ok: false, reason: 'Rate limited by Anthropic; try again shortly' }]]);
  });

  it('reports a missing key (null reply) and sends nothing after cancel', async () => {
    const send = vi.fn(async () => null);
    const scheduler = createExactCountScheduler(send, 800);
    const outcomes: unknown[] = [];
    scheduler.request('a', 'claude-opus-4-1', (o) => outcomes.push(o));
    await vi.advanceTimersByTimeAsync(800);
    expect(outcomes).toEqual([{ ok: false, reason: expect.stringContaining('no Anthropic API key') }]);
    scheduler.request('b', 'claude-opus-4-1', (o) => outcomes.push(o));
    scheduler.cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
