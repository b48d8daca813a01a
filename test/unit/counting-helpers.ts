// Shared by the counting tests (not shipped): a Node tokenizer pool, tiktoken as the oracle,
// a seeded random generator and a palette of the characters the pre-tokenizers treat specially.
import { readdirSync, readFileSync } from 'node:fs';
import { get_encoding, type Tiktoken } from 'tiktoken';
import type { TokenizerId } from '@/utils/core/models/model-types';
import { createTokenizerPool } from '@/utils/core/counting/tokenizer-pool';
import { nodeTokenizerSource } from '@/scripts/node/node-tokenizer-source';

export const pool = createTokenizerPool(nodeTokenizerSource);

const oracles = new Map<string, Tiktoken>();
/** tiktoken's encode_ordinary: special-token strings are plain text, as in a chat UI. */
export function tiktokenCount(tokenizer: 'o200k' | 'cl100k', text: string): number {
  const name = tokenizer === 'o200k' ? 'o200k_base' : 'cl100k_base';
  let enc = oracles.get(name);
  if (!enc) oracles.set(name, (enc = get_encoding(name)));
  return enc.encode_ordinary(text).length;
}
export function tiktokenIds(tokenizer: 'o200k' | 'cl100k', text: string): number[] {
  tiktokenCount(tokenizer, '');
  return [...oracles.get(tokenizer === 'o200k' ? 'o200k_base' : 'cl100k_base')!.encode_ordinary(text)];
}

/**
 * transformers.js encoding with the tokenizer.json build-tokenizers.mjs reduced Gemma 3 to (same
 * settings as the packed file): the reference the packed merge-list encoder must equal.
 */
export async function gemmaReference(): Promise<(text: string) => number[]> {
  await import('@/scripts/node/register-onnx-stub');
  const { PreTrainedTokenizer } = await import('@xenova/transformers/src/tokenizers.js');
  const { cacheDir } = await import('@/scripts/build-tokenizers.mjs');
  await nodeTokenizerSource('gemma3'); // generates the data (and the reference json) if missing
  const json = JSON.parse(readFileSync(new URL('gemma3.json', cacheDir), 'utf8')) as object;
  const tokenizer = new PreTrainedTokenizer(json, { clean_up_tokenization_spaces: false, model_max_length: Number.MAX_SAFE_INTEGER });
  return (text) => (text === '' ? [] : tokenizer.encode(text, null, { add_special_tokens: false }));
}

export const CORPUS_DIR = new URL('../corpus/', import.meta.url);
export function corpus(): Array<{ name: string; text: string }> {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, CORPUS_DIR), 'utf8') }));
}

/** Mulberry32: deterministic, so a failing seed can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PALETTE = [
  'a', 'b', 'Z', 'Q', 'é', 'ß', 'Ω', 'ж', 'Ж', 'ع', '日', '本', '한', 'ſ', '\u0301', '\u200d', '😀', '👍🏽', '𝐀',
  '0', '1', '7', '٣', '½', ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\n\n', '\r\n', '\r', '\v', '\f', '\u00a0',
  '\u0085', '\ufeff', '\u2028', '\u3000', '/', '//', '.', ',', '!', '?', "'", "'s", "'LL", "'t", '-', '_', '"',
  '(', ')', '{', '}', '<|endoftext|>', '<|im_start|>', '<|fim_prefix|>', 'the', ' the', 'Hello', 'WORLD', 'don',
  'http://x.y/z', '    ', '\n    ', '\n\t', '};\n', '#',
];

export function randomText(next: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PALETTE[Math.floor(next() * PALETTE.length)];
  return s;
}

export const EXACT_TOKENIZERS: Array<'o200k' | 'cl100k'> = ['o200k', 'cl100k'];
export type { TokenizerId };

/** A worker and its global scope in one process, talking through (asynchronous) message events. */
export function fakeWorkerPair() {
  const scope = {
    location: { origin: 'chrome-extension://abc' },
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage: (data: unknown) => setTimeout(() => worker.onmessage?.({ data } as MessageEvent)),
  };
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage: (data: unknown) => setTimeout(() => scope.onmessage?.({ data } as MessageEvent)),
  };
  return { scope, worker };
}
