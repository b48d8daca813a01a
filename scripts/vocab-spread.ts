// How far apart public byte-level vocabularies of 100k–200k tokens count the same texts: the
// basis of the ±15% band on Grok, Mistral and Llama 4 (counted with o200k, counting-rules.ts).
// For each corpus file, each vocabulary's count relative to o200k's.
//   npx tsx scripts/vocab-spread.ts
import { corpus } from '@/test/unit/counting-helpers';
import { createTokenizerPool } from '@/utils/core/counting/tokenizer-pool';
import { nodeTokenizerSource } from '@/scripts/node/node-tokenizer-source';
import type { TokenizerId } from '@/utils/core/models/model-types';

const pool = createTokenizerPool(nodeTokenizerSource);
const OTHERS: TokenizerId[] = ['deepseek3', 'qwen3', 'cl100k'];

async function main(): Promise<void> {
  const o200k = await pool.get('o200k');
  const others = await Promise.all(OTHERS.map((id) => pool.get(id)));
  const ratios: number[] = [];
  console.log(['file', 'o200k', ...OTHERS].join('\t'));
  for (const { name, text } of corpus()) {
    const base = o200k.count(text);
    const counts = others.map((e) => e.count(text));
    for (const c of counts) ratios.push(c / base - 1);
    console.log([name, base, ...counts.map((c) => `${c} (${c >= base ? '+' : ''}${Math.round((c / base - 1) * 100)}%)`)].join('\t'));
  }
  const abs = ratios.map(Math.abs).sort((a, b) => a - b);
  const pct = (q: number) => `${Math.round(abs[Math.min(abs.length - 1, Math.floor(q * abs.length))]! * 100)}%`;
  console.log(`|difference from o200k|: median ${pct(0.5)}, 75th percentile ${pct(0.75)}, 90th ${pct(0.9)}, max ${pct(1)}`);
}

void main();
