// Counting engine benchmark (issue 3): `npx tsx --expose-gc scripts/bench-counting.ts` (or `npm run bench counting`).
// Prints: cold start + heap per tokenizer (each in a fresh process), encode MB/s beside gpt-tokenizer and
// tiktoken on the same text, and the median time to update the count after one keystroke in 10k/50k/200k-token
// documents (live counter + background segment counter in one process, i.e. without messaging).
import '../utils/counting/node/register-onnx-stub';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TokenizerId } from '../utils/models/model-types';

const TOKENIZERS: TokenizerId[] = ['o200k', 'cl100k', 'gemma3'];
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

async function coldStart(id: TokenizerId): Promise<void> {
  // Runs in its own process: module import + read + gunzip + JSON.parse + tokenizer construction.
  const heap0 = heapMb();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { createTokenizerPool } = await import('../utils/counting/tokenizer-pool');
  const { nodeTokenizerSource } = await import('../utils/counting/node/node-tokenizer-source');
  const tImport = performance.now();
  const json = await nodeTokenizerSource(id);
  const tData = performance.now();
  const encoder = await createTokenizerPool(async () => json).get(id);
  encoder.count('warm up');
  const tReady = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const heap = heapMb() - heap0;
  console.log(JSON.stringify({ id, cpuMs: (cpu.user + cpu.system) / 1000, importMs: tImport - t0, dataMs: tData - tImport, buildMs: tReady - tData, totalMs: tReady - t0, heapMb: heap, rssMb: process.memoryUsage().rss / 1e6 }));
}

function benchText(): string {
  const dir = new URL('../test/corpus/', import.meta.url);
  const corpus = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  // Realistic mix: the corpus plus this repo's own sources (prose + code), repeated to ~1 MB with
  // a counter so BPE caches cannot turn the run into pure lookups.
  const sources = ['README.md', 'scripts/build-tokenizers.mjs', 'utils/counting/segment-text.ts', 'utils/settings/settings-schema.ts']
    .map((f) => readFileSync(new URL(`../${f}`, import.meta.url), 'utf8'));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const p = `${corpus[i % corpus.length]}\n${sources[i % sources.length]}\nsection ${i * 7919}\n`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}

function mbPerSec(bytes: number, ms: number): string {
  return (bytes / 1e6 / (ms / 1000)).toFixed(2);
}

async function throughput(): Promise<void> {
  const { createTokenizerPool } = await import('../utils/counting/tokenizer-pool');
  const { nodeTokenizerSource } = await import('../utils/counting/node/node-tokenizer-source');
  const pool = createTokenizerPool(nodeTokenizerSource);
  const text = benchText();
  const bytes = Buffer.byteLength(text);
  const { get_encoding } = await import('tiktoken');
  const gptTok = {
    o200k: (await import('gpt-tokenizer/encoding/o200k_base')).encode,
    cl100k: (await import('gpt-tokenizer/encoding/cl100k_base')).encode,
  };
  const { splitIntoSegments } = await import('../utils/counting/segment-text');
  const cpuNote: string[] = [];
  console.log(`\nEncode throughput on the same ${(bytes / 1e6).toFixed(2)} MB text (one pass, cold BPE cache):`);
  console.log('tokenizer | TokenTally (transformers.js) | gpt-tokenizer | tiktoken (WASM) | tokens');
  for (const id of TOKENIZERS) {
    const encoder = await pool.get(id);
    // The engine's path: segment (see segment-text.ts), then encode each segment.
    let t = performance.now();
    const c0 = process.cpuUsage();
    let n = 0;
    for (const segment of splitIntoSegments(text, id)) n += encoder.count(segment);
    const ours = performance.now() - t;
    const c1 = process.cpuUsage(c0);
    cpuNote.push(`${id} ${mbPerSec(bytes, (c1.user + c1.system) / 1000)} MB/s by CPU time`);
    let gpt = '-';
    let tik = '-';
    if (id !== 'gemma3') {
      t = performance.now();
      gptTok[id](text, { disallowedSpecial: new Set() });
      gpt = mbPerSec(bytes, performance.now() - t);
      const enc = get_encoding(id === 'o200k' ? 'o200k_base' : 'cl100k_base');
      t = performance.now();
      enc.encode_ordinary(text);
      tik = mbPerSec(bytes, performance.now() - t);
      enc.free();
    }
    console.log(`${id.padEnd(9)} | ${mbPerSec(bytes, ours).padStart(6)} MB/s | ${gpt.padStart(6)} MB/s | ${tik.padStart(6)} MB/s | ${n}`);
  }
  console.log(`(TokenTally ${cpuNote.join('; ')}; wall-clock figures above include time lost to other processes)`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)]!;
}

async function keystrokes(): Promise<void> {
  const { createTokenizerPool } = await import('../utils/counting/tokenizer-pool');
  const { nodeTokenizerSource } = await import('../utils/counting/node/node-tokenizer-source');
  const { createSegmentCounter } = await import('../utils/counting/segment-counter');
  const { createLiveCounter } = await import('../utils/counting/live-counter');
  const { getModel } = await import('../utils/models/model-registry');
  const pool = createTokenizerPool(nodeTokenizerSource);
  const source = benchText();
  console.log('\nOne keystroke (insert a letter at a random place), live counter + background counter in-process:');
  console.log('document | tokenizer | median ms | p95 ms | median CPU ms | first full count ms');
  const cases: Array<[string, TokenizerId, number, boolean]> = [
    ['gpt-4o', 'o200k', 10_000, true], ['gpt-4o', 'o200k', 50_000, true], ['gpt-4o', 'o200k', 200_000, true],
    ['gpt-4o', 'o200k', 50_000, false], ['gemini-2.5-flash', 'gemma3', 50_000, true],
  ];
  const encoder = await pool.get('o200k');
  for (const [modelId, id, targetTokens, withNewlines] of cases) {
    const model = getModel(modelId)!;
    // Grow a prefix of the bench text to the target o200k token count.
    let len = Math.min(source.length, targetTokens * 4);
    let doc = source.slice(0, len);
    while (encoder.count(doc) < targetTokens && len < source.length) doc = source.slice(0, (len = Math.floor(len * 1.1)));
    if (!withNewlines) doc = doc.replace(/\s+/g, ' '); // one giant paragraph (e.g. minified text)
    const counter = createLiveCounter(createSegmentCounter(pool));
    let t = performance.now();
    await counter.count(doc, model);
    const first = performance.now() - t;
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(rand() * doc.length);
      // Flattened like the string an editor hands over (a concatenation would be a rope).
      doc = doc.slice(0, at) + 'abcdefghij'[i % 10] + doc.slice(at);
      doc.indexOf('\u0000'); // V8 flattens the concatenation here, outside the timed region
      const c0 = process.cpuUsage();
      t = performance.now();
      await counter.count(doc, model);
      times.push(performance.now() - t);
      const c = process.cpuUsage(c0);
      cpuTimes.push((c.user + c.system) / 1000);
    }
    const label = `${Math.round(targetTokens / 1000)}k tokens${withNewlines ? '' : ', no newlines'}`;
    console.log(`${label.padEnd(24)} | ${id.padEnd(6)} | ${median(times).toFixed(2).padStart(6)} | ${p95(times).toFixed(2).padStart(6)} | ${median(cpuTimes).toFixed(2).padStart(6)} | ${first.toFixed(0)}`);
  }
}

async function main(): Promise<void> {
  const { loadavg, cpus } = await import('node:os');
  if (process.argv[2] !== '--cold') console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs\n`);
  const mode = process.argv[2];
  if (mode === '--cold') return coldStart(process.argv[3] as TokenizerId);
  if (mode === '--keystrokes') return keystrokes();
  console.log('Cold start per tokenizer (fresh process each: import + read/gunzip/parse + build; heap after GC):');
  console.log('tokenizer | total ms | cpu ms | import ms | data ms | build ms | heap MB | rss MB');
  for (const id of TOKENIZERS) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--cold', id], { encoding: 'utf8' });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    try {
      const r = JSON.parse(line) as Record<string, number>;
      const f = (n: number | undefined) => (n ?? 0).toFixed(0).padStart(6);
      console.log(`${id.padEnd(9)} | ${f(r.totalMs)} | ${f(r.cpuMs)} | ${f(r.importMs)} | ${f(r.dataMs)} | ${f(r.buildMs)} | ${f(r.heapMb)} | ${f(r.rssMb)}`);
    } catch {
      console.log(`${id}: failed: ${run.stderr.slice(0, 500)}`);
    }
  }
  await throughput();
  await keystrokes();
}

await main();
