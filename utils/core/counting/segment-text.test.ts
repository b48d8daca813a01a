import { describe, expect, it } from 'vitest';
import { getModel } from '@/utils/core/models/model-registry';
import { createLiveCounter } from '@/utils/content/counting/live-counter';
import { createSegmentCounter } from '@/utils/core/counting/segment-counter';
import { resegment, segmentBoundaries, splitIntoSegments } from '@/utils/core/counting/segment-text';
import { corpus, EXACT_TOKENIZERS, pool, randomText, rng, tiktokenCount } from '@/test/unit/counting-helpers';

const modelFor = { o200k: getModel('gpt-4o')!, cl100k: getModel('gpt-4')!, gemma3: getModel('gemini-2.5-flash')! };

/** A random edit: insert, delete or replace a random palette piece somewhere in the text. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  const piece = randomText(next, 1 + Math.floor(next() * 3));
  if (kind < 0.45) return text.slice(0, at) + piece + text.slice(at);
  const end = Math.min(text.length, at + 1 + Math.floor(next() * 6));
  if (kind < 0.75) return text.slice(0, at) + text.slice(end);
  return text.slice(0, at) + piece + text.slice(end);
}

describe('splitIntoSegments', () => {
  it('segments concatenate back to the text', () => {
    const next = rng(7);
    for (let i = 0; i < 500; i++) {
      const text = randomText(next, 60);
      expect(splitIntoSegments(text, 'o200k').join('')).toBe(text);
      expect(splitIntoSegments(text, 'gemma3').join('')).toBe(text);
    }
  });

  it('cuts paragraphs, keeps a newline run followed by "/" or by another newline together', () => {
    expect(splitIntoSegments('one\ntwo\n\nthree', 'o200k')).toEqual(['one\n', 'two\n\n', 'three']);
    expect(splitIntoSegments('a.\n/b', 'o200k')).toEqual(['a.\n/b']);
    expect(splitIntoSegments('a\n  \nb', 'o200k')).toEqual(['a\n  \n', 'b']);
    expect(splitIntoSegments('a\n    b', 'o200k')).toEqual(['a\n', '    b']);
  });

  it('cuts a long paragraph without newlines into pieces of bounded size', () => {
    const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor'.split(' ');
    const next = rng(3);
    const text = Array.from({ length: 40_000 }, () => words[Math.floor(next() * words.length)]).join(' ');
    const segments = splitIntoSegments(text, 'o200k');
    expect(segments.length).toBeGreaterThan(text.length / 4096);
    expect(Math.max(...segments.map((s) => s.length))).toBeLessThan(16_384);
  });

  it('resegment after random edits equals a full segmentation, and reused segments are unchanged', () => {
    const next = rng(5);
    for (const tokenizer of ['o200k', 'gemma3'] as const) {
      let text = corpus().map((f) => f.text).join('\n') + randomText(next, 500);
      let prev = { text, bounds: segmentBoundaries(text, tokenizer) };
      for (let step = 0; step < 400; step++) {
        text = edit(text, next);
        const { bounds, reusedPrefix, reusedSuffix } = resegment(prev, text, tokenizer);
        expect(bounds).toEqual(segmentBoundaries(text, tokenizer));
        const segs = (t: string, b: number[]) => [0, ...b].map((start, i) => t.slice(start, b[i] ?? t.length));
        const before = segs(prev.text, prev.bounds);
        const after = segs(text, bounds);
        expect(reusedPrefix + reusedSuffix).toBeLessThanOrEqual(after.length);
        expect(after.slice(0, reusedPrefix)).toEqual(before.slice(0, reusedPrefix));
        if (reusedSuffix > 0) expect(after.slice(-reusedSuffix)).toEqual(before.slice(-reusedSuffix));
        prev = { text, bounds };
      }
    }
  });
});

describe.each(EXACT_TOKENIZERS)('%s: segment sums are exact', (tokenizer) => {
  it('sum over segments equals the full count on the corpus and on random texts', async () => {
    const encoder = await pool.get(tokenizer);
    const next = rng(tokenizer === 'o200k' ? 11 : 12);
    const texts = [...corpus().map((f) => f.text), ...Array.from({ length: 400 }, () => randomText(next, 200))];
    for (const text of texts) {
      const sum = splitIntoSegments(text, tokenizer).reduce((n, s) => n + encoder.count(s), 0);
      expect(sum, JSON.stringify(text)).toBe(encoder.count(text));
    }
  });

  it('long paragraphs (rule 2) keep the sum exact', async () => {
    const encoder = await pool.get(tokenizer);
    const next = rng(21);
    for (let i = 0; i < 5; i++) {
      const text = Array.from({ length: 2500 }, () => randomText(next, 1).replace(/[\r\n]/g, '') + 'word').join(' ');
      const segments = splitIntoSegments(text, tokenizer);
      expect(segments.length).toBeGreaterThan(1);
      expect(segments.reduce((n, s) => n + encoder.count(s), 0)).toBe(tiktokenCount(tokenizer, text));
    }
  });

  it('live counter == full re-count == tiktoken over random edit sequences', async () => {
    const counter = createLiveCounter(createSegmentCounter(pool));
    const encoder = await pool.get(tokenizer);
    const model = modelFor[tokenizer];
    const next = rng(tokenizer === 'o200k' ? 31 : 32);
    for (let doc = 0; doc < 6; doc++) {
      let text = corpus()[doc % corpus().length]!.text + randomText(next, 300);
      for (let step = 0; step < 60; step++) {
        text = edit(text, next);
        const live = await counter.count(text, model);
        expect(live.tokens).toBe(encoder.count(text));
        expect(live.tokens).toBe(tiktokenCount(tokenizer, text));
        expect(live.exact).toBe(true);
      }
    }
  });
});

describe('gemma3 (estimate): segment sums stay close to the full count', () => {
  it('within 2% on the corpus', async () => {
    const encoder = await pool.get('gemma3');
    const text = corpus().map((f) => f.text).join('\n');
    const sum = splitIntoSegments(text, 'gemma3').reduce((n, s) => n + encoder.count(s), 0);
    expect(Math.abs(sum - encoder.count(text)) / encoder.count(text)).toBeLessThan(0.02);
  });
});
