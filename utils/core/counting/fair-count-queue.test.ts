import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CounterId } from '@/utils/core/models/model-types';
import { createFairCountQueue } from '@/utils/core/counting/fair-count-queue';
import type { CountSegmentsFn } from '@/utils/core/counting/segment-counter';

/** A runner that counts one token per 4 characters and takes 1 ms (fake) per 1,000 characters. */
function timedRunner(log: Array<{ segments: string[]; at: number }> = []): CountSegmentsFn {
  return (_counter: CounterId, segments: string[]) => {
    log.push({ segments, at: Date.now() });
    const chars = segments.reduce((n, s) => n + s.length, 0);
    return new Promise((resolve) => setTimeout(() => resolve(segments.map((s) => Math.ceil(s.length / 4))), Math.max(1, chars / 1000)));
  };
}

const paragraphs = (n: number, size = 500, tag = 'a') => Array.from({ length: n }, (_, i) => `${tag}${i} `.padEnd(size, tag));

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('the fair count queue', () => {
  it('answers one count per segment, in order', async () => {
    const queue = createFairCountQueue({ runners: [timedRunner(), timedRunner()], chunkChars: 1_000 });
    const segments = ['ab', 'abcdefgh', 'x'.repeat(900), 'y'.repeat(3_000), 'z'];
    const answer = queue.count('tab:1', 'o200k', segments);
    await vi.runAllTimersAsync();
    expect(await answer).toEqual([1, 2, 225, 750, 1]);
    expect(queue.busySenders()).toBe(0);
  });

  it("serves another tab's keystroke within two chunks while one tab's 10M characters are counted", async () => {
    const log: Array<{ segments: string[]; at: number }> = [];
    const queue = createFairCountQueue({ runners: [timedRunner(log)], chunkChars: 16_000, inFlight: 2 });
    // 10M characters from one tab, in requests of ~250 KB as a page sends them (rate limits aside).
    const flood = Array.from({ length: 40 }, (_, r) => queue.count('tab:1', 'o200k', paragraphs(500, 500, `r${r}`)));
    await vi.advanceTimersByTimeAsync(500);
    const asked = Date.now();
    let answeredAt = -1;
    const keystroke = queue.count('tab:2', 'o200k', ['Hello world']).then((counts) => {
      answeredAt = Date.now();
      return counts;
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(await keystroke).toEqual([3]);
    // Two 16 ms chunks of the flood were running when it came; then it is next.
    expect(answeredAt - asked).toBeLessThanOrEqual(2 * 16 + 2);
    expect(queue.busySenders()).toBe(1);
    await vi.runAllTimersAsync();
    for (const f of flood) expect((await f).length).toBe(500);
    // No chunk the runner was given was longer than a chunk of whole segments.
    expect(Math.max(...log.map((c) => c.segments.reduce((n, s) => n + s.length, 0)))).toBeLessThanOrEqual(16_000);
  });

  it('takes turns between senders, a chunk each, and keeps each sender in order', async () => {
    const log: Array<{ segments: string[]; at: number }> = [];
    const queue = createFairCountQueue({ runners: [timedRunner(log)], chunkChars: 1_000, inFlight: 1 });
    const a1 = queue.count('tab:1', 'o200k', paragraphs(4, 500, 'a'));
    const a2 = queue.count('tab:1', 'o200k', paragraphs(4, 500, 'b'));
    const c = queue.count('tab:3', 'o200k', paragraphs(4, 500, 'c'));
    await vi.runAllTimersAsync();
    await Promise.all([a1, a2, c]);
    const order = log.map((chunk) => chunk.segments[0]![0]);
    expect(order).toEqual(['a', 'c', 'a', 'c', 'b', 'b']);
  });

  it("drops the unstarted work of a count a newer one on the same lane replaced, and no other sender's", async () => {
    const log: Array<{ segments: string[]; at: number }> = [];
    const queue = createFairCountQueue({ runners: [timedRunner(log)], chunkChars: 1_000, inFlight: 1 });
    const old = queue.count('tab:1', 'o200k', paragraphs(200, 500, 'o'), { id: 'prompt', seq: 1 });
    const otherTab = queue.count('tab:2', 'o200k', paragraphs(4, 500, 't'), { id: 'prompt', seq: 1 });
    const otherLane = queue.count('tab:1', 'o200k', paragraphs(4, 500, 'l'), { id: 'reply', seq: 1 });
    const oldFailed = old.catch((error: Error) => error);
    await vi.advanceTimersByTimeAsync(3);
    const newer = queue.count('tab:1', 'o200k', paragraphs(2, 500, 'n'), { id: 'prompt', seq: 2 });
    await vi.runAllTimersAsync();
    expect(await oldFailed).toMatchObject({ name: 'AbortError' });
    expect(await newer).toHaveLength(2);
    expect(await otherTab).toHaveLength(4);
    expect(await otherLane).toHaveLength(4);
    // Of the replaced count's 100 chunks, only those started before the newer one came were counted.
    expect(log.filter((chunk) => chunk.segments[0]![0] === 'o').length).toBeLessThanOrEqual(3);
  });

  it('gives segments too long to cut to the heavy queue, so they hold up no ordinary count', async () => {
    const heavyLog: Array<{ segments: string[]; at: number }> = [];
    const heavy = createFairCountQueue({ runners: [timedRunner(heavyLog)], chunkChars: 1, inFlight: 1 });
    const queue = createFairCountQueue({ runners: [timedRunner()], chunkChars: 16_000, giantChars: 32_000, heavy });
    const giant = queue.count('tab:1', 'o200k', ['short', 'x'.repeat(5_000_000), 'y'.repeat(40_000)]);
    await vi.advanceTimersByTimeAsync(1);
    let keystrokeAt = -1;
    const keystroke = queue.count('tab:2', 'o200k', ['Hi']).then((counts) => ((keystrokeAt = Date.now()), counts));
    await vi.advanceTimersByTimeAsync(10);
    expect(await keystroke).toEqual([1]);
    expect(keystrokeAt).toBeLessThan(10);
    await vi.runAllTimersAsync();
    expect(await giant).toEqual([2, 1_250_000, 10_000]);
    expect(heavyLog.map((chunk) => chunk.segments.map((s) => s.length))).toEqual([[5_000_000], [40_000]]);
  });

  it('warms every runner up on an empty request, and fails a count whose runner failed', async () => {
    const warmed: number[] = [];
    const failing: CountSegmentsFn = async (_c, segments) => {
      if (segments.length === 0) return warmed.push(2), [];
      throw new Error('Counting worker failed: out of memory');
    };
    const ok: CountSegmentsFn = async (_c, segments) => (segments.length === 0 ? (warmed.push(1), []) : segments.map(() => 1));
    const queue = createFairCountQueue({ runners: [failing, ok], inFlight: 1, chunkChars: 10 });
    await expect(queue.count('tab:1', 'gemma3', [])).resolves.toEqual([]);
    expect(warmed.sort()).toEqual([1, 2]);
    await expect(queue.count('tab:1', 'gemma3', ['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)])).rejects.toThrow(/out of memory/);
    expect(queue.busySenders()).toBe(0);
    await expect(queue.count('tab:1', 'gemma3', ['d'])).rejects.toThrow(/out of memory/);
  });
});
