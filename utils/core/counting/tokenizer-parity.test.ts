import { describe, expect, it } from 'vitest';
import { corpus, EXACT_TOKENIZERS, gemmaReference, pool, randomText, rng, tiktokenCount, tiktokenIds } from '@/test/unit/counting-helpers';

describe.each(EXACT_TOKENIZERS)('%s equals tiktoken', (tokenizer) => {
  const files = corpus();

  it('the corpus covers every required category', () => {
    const names = files.map((f) => f.name).join(' ');
    for (const topic of ['english', 'code', 'cjk', 'cyrillic', 'arabic', 'emoji', 'whitespace', 'numbers', 'contractions', 'special-tokens', 'mixed']) {
      expect(names).toContain(topic);
    }
  });

  it.each(files.map((f) => [f.name, f.text] as const))('same token ids on %s', async (_name, text) => {
    const encoder = await pool.get(tokenizer);
    expect(encoder.encode(text)).toEqual(tiktokenIds(tokenizer, text));
  });

  it('the whole corpus as one text, and each line on its own', async () => {
    const encoder = await pool.get(tokenizer);
    const all = files.map((f) => f.text).join('\n');
    expect(encoder.count(all)).toBe(tiktokenCount(tokenizer, all));
    for (const line of all.split('\n')) expect(encoder.count(line)).toBe(tiktokenCount(tokenizer, line));
  });

  it('special-token strings count as plain text (several tokens, not one)', async () => {
    const encoder = await pool.get(tokenizer);
    expect(encoder.count('<|endoftext|>')).toBeGreaterThan(1);
    expect(encoder.count('<|endoftext|>')).toBe(tiktokenCount(tokenizer, '<|endoftext|>'));
  });

  it('long pieces (merged with a heap) give the same ids', async () => {
    const encoder = await pool.get(tokenizer);
    const next = rng(tokenizer === 'o200k' ? 41 : 42);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const texts = [
      'a'.repeat(300),
      '='.repeat(2000) + '\n',
      pick('abcdefghijklmnopqrstuvwxyz', 700),
      pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 5000),
      pick('日本語の文章を書くテスト中文字符', 400),
      '😀👍🏽'.repeat(100),
      pick('абвгдежзийклмнопрстуфхцчшщъыьэюя', 900),
    ];
    for (const text of texts) expect(encoder.encode(text), text.slice(0, 40)).toEqual(tiktokenIds(tokenizer, text));
  });

  it('2,000 random texts built from tricky characters', async () => {
    const encoder = await pool.get(tokenizer);
    const next = rng(tokenizer === 'o200k' ? 1 : 2);
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const text = randomText(next, 1 + Math.floor(next() * 40));
      if (encoder.count(text) !== tiktokenCount(tokenizer, text)) mismatches.push(JSON.stringify(text));
    }
    expect(mismatches).toEqual([]);
  });
});

describe('gemma3 computes what transformers.js computes on the same tokenizer', () => {
  it('same ids on the corpus, random texts and long texts', async () => {
    const reference = await gemmaReference();
    const encoder = await pool.get('gemma3');
    const next = rng(51);
    const texts = [
      ...corpus().map((f) => f.text),
      corpus().map((f) => f.text).join('\n'),
      ...Array.from({ length: 300 }, () => randomText(next, 1 + Math.floor(next() * 40))),
      'word '.repeat(2000),
      '<div> </div> a > b x>  y >\u2581</p>   three  spaces \u2581\u2581 literal ▁ marks 𝐀 𝐁',
      '\u{10FFFF}\ud800 unknown characters fall back to bytes \u0378',
    ];
    for (const text of texts) {
      expect(encoder.encode(text), JSON.stringify(text.slice(0, 60))).toEqual(reference(text));
      await yieldToRunner(); // transformers.js is slow: let the test runner's messages through
    }
  });
});

const yieldToRunner = () => new Promise((resolve) => setImmediate(resolve));
