import { describe, expect, it, vi } from 'vitest';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { getModel } from '@/utils/core/models/model-registry';
import type { CountLane } from '@/utils/core/counting/fair-count-queue';

// Counts the scans of a text for its segments (the largest part of a paste's time on the page).
const scans = vi.hoisted(() => ({ full: 0 }));
vi.mock('@/utils/core/counting/segment-text', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/utils/core/counting/segment-text')>();
  return {
    ...original,
    resegment: (...args: Parameters<typeof original.resegment>) => {
      scans.full++;
      return original.resegment(...args);
    },
  };
});

const { createLiveCounter } = await import('@/utils/content/counting/live-counter');
const { splitIntoSegments } = await import('@/utils/core/counting/segment-text');

const model = getModel('gpt-4o') as ModelInfo;
const pasted = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} says something about tokens and prompts.\n`).join('');

describe('a paste through the live counter', () => {
  it('is segmented once, though the synchronous path tried it first, and every batch leaves before the first reply', async () => {
    let releaseReplies!: () => void;
    const replies = new Promise<void>((resolve) => (releaseReplies = resolve));
    let held = false;
    const sent: Array<{ segments: string[]; lane?: CountLane }> = [];
    const counter = createLiveCounter(async (_t, segments, lane) => {
      if (!held) return segments.map((s) => s.length);
      sent.push({ segments, lane });
      await replies;
      return segments.map((s) => s.length);
    });
    await counter.count('Hi', model);
    held = true;
    scans.full = 0;

    // The field counter's order: the synchronous attempt (a miss: nothing of this is known), then the count.
    expect(counter.countNow(pasted, model)).toBeNull();
    const result = counter.count(pasted, model, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(scans.full).toBe(1);

    // Cut in batches (~170 KB, and four times that), all of which leave before any reply.
    const firstBatches = sent.length;
    const big = pasted.repeat(4);
    expect(counter.countNow(big, model)).toBeNull();
    const bigResult = counter.count(big, model, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const bigBatches = sent.slice(firstBatches);
    expect(firstBatches).toBeGreaterThan(1);
    expect(bigBatches.length).toBeGreaterThan(firstBatches);
    releaseReplies();
    expect((await result).tokens).toBe(pasted.length);
    expect((await bigResult).tokens).toBe(big.length);
    expect(sent.slice(0, firstBatches).flatMap((b) => b.segments)).toEqual(splitIntoSegments(pasted, 'o200k'));
    expect(bigBatches.flatMap((b) => b.segments)).toEqual(splitIntoSegments(big, 'o200k'));

    // Counts given a signal go on the counter's lane: a count's batches share its place in it, and a later count comes after.
    const lanes = sent.map((b) => b.lane!);
    expect(new Set(lanes.map((l) => l.id)).size).toBe(1);
    expect(new Set(sent.slice(0, firstBatches).map((b) => b.lane!.seq)).size).toBe(1);
    expect(new Set(bigBatches.map((b) => b.lane!.seq)).size).toBe(1);
    expect(bigBatches[0]!.lane!.seq).toBeGreaterThan(lanes[0]!.seq);
  });

  it('segments again when the text changed between the synchronous attempt and the count', async () => {
    const counter = createLiveCounter(async (_t, segments) => segments.map((s) => s.length));
    expect(counter.countNow(pasted, model)).toBeNull();
    const edited = `${pasted}and one more line\n`;
    expect((await counter.count(edited, model)).tokens).toBe(edited.length);
    expect((await counter.count(pasted, model)).tokens).toBe(pasted.length);
  });

  it("drops an aborted count's unstarted work once the next count comes, and never a count without a signal", async () => {
    const { createFairCountQueue } = await import('@/utils/core/counting/fair-count-queue');
    const counted: string[] = [];
    const queue = createFairCountQueue({
      runners: [(_c, segments) => new Promise((resolve) => setTimeout(() => (counted.push(...segments), resolve(segments.map((x) => x.length))), 1))],
      inFlight: 1,
      chunkChars: 2_000,
    });
    const counter = createLiveCounter((tokenizer, segments, lane) => queue.count('tab:1', tokenizer, segments, lane));
    const typedOver = new AbortController();
    const old = counter.count(pasted, model, typedOver.signal).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 5));
    typedOver.abort();
    expect(await old).toBe('AbortError');
    const kept = `${pasted}The person kept typing.`;
    const countedBefore = counted.length;
    expect((await counter.count(kept, model, new AbortController().signal)).tokens).toBe(kept.length);
    // The aborted paste was counted only as far as it got before the next count came; after that,
    // only the new count's segments were (one chunk, ~35 segments, may have been running).
    const keptSegments = splitIntoSegments(kept, 'o200k').length;
    expect(countedBefore).toBeLessThan(keptSegments / 4);
    expect(counted.length - countedBefore).toBeLessThanOrEqual(keptSegments + 40);

    // Without a signal, two counts in flight on one counter (two fields of a page) are both counted.
    const other = `${pasted}Another field.`;
    const [a, b] = await Promise.all([counter.count(`${kept} more`, model), counter.count(other, model)]);
    expect([a.tokens, b.tokens]).toEqual([kept.length + 5, other.length]);
  });
});
