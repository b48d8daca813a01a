import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, pool, randomText, rng } from '@/test/unit/counting-helpers';
import { nodeTokenizerSource } from '@/scripts/node/node-tokenizer-source';
import { PRETOKENIZER_STEPS } from '@/utils/core/counting/regex-pretokenizer';

/**
 * DeepSeek V3 and Qwen3 are counted by the project's byte-level BPE (their ids as ranks) with
 * their tokenizer.json's own pre-tokenizer regexes: the ids must equal what transformers.js
 * computes from the same tokenizer.json (added tokens and BOS/EOS left out, as the APIs count
 * text), on the corpus, random texts built from tricky characters, and long pieces.
 */

async function reference(id: 'deepseek3' | 'qwen3'): Promise<{ encode: (text: string) => number[]; json: { pre_tokenizer: unknown } }> {
  await import('@/scripts/node/register-onnx-stub');
  const { PreTrainedTokenizer } = await import('@xenova/transformers/src/tokenizers.js');
  const { cacheDir } = await import('@/scripts/build-tokenizers.mjs');
  await nodeTokenizerSource(id); // generates the data (and the reference json) if missing
  const json = JSON.parse(readFileSync(new URL(`${id}.json`, cacheDir), 'utf8')) as { pre_tokenizer: unknown };
  const tokenizer = new PreTrainedTokenizer(json, { clean_up_tokenization_spaces: false, model_max_length: Number.MAX_SAFE_INTEGER });
  return { json, encode: (text) => (text === '' ? [] : tokenizer.encode(text, null, { add_special_tokens: false })) };
}

const yieldToRunner = () => new Promise((resolve) => setImmediate(resolve));

describe.each(['deepseek3', 'qwen3'] as const)('%s computes what transformers.js computes on its tokenizer.json', (id) => {
  it('uses the same pre-tokenizer patterns as the tokenizer.json', async () => {
    const { json } = await reference(id);
    const splits = JSON.stringify(json.pre_tokenizer).match(/"Regex":"((?:[^"\\]|\\.)*)"/g)!.map((m) => JSON.parse(m.slice(8)) as string);
    const ours = PRETOKENIZER_STEPS[id].map((re) => re.source);
    expect(ours).toHaveLength(splits.length);
    // transformers.js spells out (?i:…) the same way; the literal CR/LF of the JSON are \r\n here.
    const normalise = (s: string) => s.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace("(?i:'s|'t|'re|'ve|'m|'ll|'d)", "(?:'([sS]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD]))").replace('?@[', '?@\\[');
    expect(ours.map(normalise)).toEqual(splits.map(normalise));
  });

  it('same ids on the corpus, random texts and long texts', async () => {
    const { encode } = await reference(id);
    const encoder = await pool.get(id);
    const next = rng(id === 'deepseek3' ? 61 : 62);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const texts = [
      ...corpus().map((f) => f.text),
      corpus().map((f) => f.text).join('\n'),
      ...Array.from({ length: 600 }, () => randomText(next, 1 + Math.floor(next() * 40))),
      'a'.repeat(300),
      '='.repeat(2000) + '\n',
      pick('abcdefghijklmnopqrstuvwxyz', 700),
      pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 3000),
      pick('日本語の文章を書くテスト中文字符ひらがなカタカナ', 400),
      '1234567 12 123456789012 ١٢٣٤٥ 3.14159',
      '😀👍🏽'.repeat(100),
      'Cafe\u0301 e\u0301te\u0301 (NFC) Å Å',
    ];
    for (const text of texts) {
      expect(encoder.encode(text), JSON.stringify(text.slice(0, 60))).toEqual(encode(text));
      expect(encoder.count(text)).toBe(encoder.encode(text).length);
      await yieldToRunner();
    }
  }, 120_000);
});
