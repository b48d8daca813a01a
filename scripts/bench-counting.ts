// Counting engine benchmark: `npm run bench -- counting` (or `npx tsx --expose-gc scripts/bench-counting.ts`).
// Side by side, in one run: TokenTally's encoders against gpt-tokenizer and tiktoken (o200k, cl100k) and against
// transformers.js, the reference implementation for Gemma 3. Prints each target next to its figure:
//   throughput at least gpt-tokenizer's (o200k, cl100k); Gemma 3 at least 2x transformers.js;
//   cold start (load to first count) no slower than gpt-tokenizer's; heap <= 30 MB with o200k, <= 90 MB with o200k + Gemma 3;
//   counts equal to tiktoken's (bench text, each test corpus file, random edit sequences through the live counter).
// Then the time to update a count after one keystroke in 10k-200k-token documents (live counter + background
// segment counter in one process, i.e. without messaging; the real-browser figures are in bench-badge.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TokenizerId } from '@/utils/core/models/model-types';
import { variedProse } from '@/scripts/varied-text';

const gc = (globalThis as { gc?: () => void }).gc;
/** JS heap plus typed-array backing stores (ours live there), after a full GC. */
const memoryMb = () => {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
};
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

const results: Array<[string, string, string, boolean]> = [];
function report(name: string, value: string, target: string, ok: boolean) {
  results.push([name, value, target, ok]);
}

// ---- Cold start: one fresh process per sample ---------------------------------------------------

type ColdCase = 'ours:o200k' | 'ours:cl100k' | 'ours:gemma3' | 'ours:o200k+gemma3' | 'gpt:o200k' | 'gpt:cl100k' | 'transformers:gemma3';

/**
 * Times loading one tokenizer's data up to its first count. Code is imported first (in the
 * extension it is part of the already-running bundle): what is timed is the data, for gpt-tokenizer
 * its rank module, for TokenTally reading, gunzipping and indexing its packed file.
 */
async function coldChild(which: ColdCase): Promise<void> {
  const { createTokenizerPool } = await import('@/utils/core/counting/tokenizer-pool');
  const { nodeTokenizerSource } = await import('@/scripts/node/node-tokenizer-source');
  await import('gpt-tokenizer/GptEncoding');
  await import('@/scripts/node/register-onnx-stub');
  const { gemmaReference } = await import('@/test/unit/counting-helpers');
  const mem0 = memoryMb();
  const wall0 = performance.now();
  const cpu0 = cpuMs();
  let first = 0;
  if (which.startsWith('ours:')) {
    const pool = createTokenizerPool(nodeTokenizerSource);
    for (const id of which.slice(5).split('+') as TokenizerId[]) first += (await pool.get(id)).count('Hello, world');
    (globalThis as { keep?: unknown }).keep = pool;
  } else if (which.startsWith('gpt:')) {
    const lib = await import(which === 'gpt:o200k' ? 'gpt-tokenizer/encoding/o200k_base' : 'gpt-tokenizer/encoding/cl100k_base');
    first = lib.countTokens('Hello, world');
  } else {
    const encode = await gemmaReference();
    first = encode('Hello, world').length;
    (globalThis as { keep?: unknown }).keep = encode;
  }
  const wallMs = performance.now() - wall0;
  const cpu = cpuMs() - cpu0;
  console.log(JSON.stringify({ which, wallMs, cpuMs: cpu, memMb: memoryMb() - mem0, first }));
}

function coldSample(which: ColdCase): { wallMs: number; cpuMs: number; memMb: number } | null {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--cold', which], { encoding: 'utf8' });
  try {
    return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as { wallMs: number; cpuMs: number; memMb: number };
  } catch {
    console.log(`${which}: failed: ${run.stderr.slice(0, 500)}`);
    return null;
  }
}

function coldStarts(): void {
  const cases: ColdCase[] = ['ours:o200k', 'gpt:o200k', 'ours:cl100k', 'gpt:cl100k', 'ours:gemma3', 'transformers:gemma3', 'ours:o200k+gemma3'];
  const samples = new Map<ColdCase, Array<{ wallMs: number; cpuMs: number; memMb: number }>>();
  // Interleaved, so a burst of load from other processes hits every case alike.
  for (let round = 0; round < 5; round++) {
    for (const c of cases) {
      if (c === 'transformers:gemma3' && round >= 1) continue; // ~3 s each; one sample shows the scale
      const s = coldSample(c);
      if (s) samples.set(c, [...(samples.get(c) ?? []), s]);
    }
  }
  const med = (c: ColdCase, k: 'wallMs' | 'cpuMs' | 'memMb') => median((samples.get(c) ?? [{ wallMs: NaN, cpuMs: NaN, memMb: NaN }]).map((s) => s[k]));
  console.log('Cold start, load to first count (fresh process each, median of 5; memory = JS heap + typed arrays after GC):');
  console.log('tokenizer | TokenTally ms (cpu) | other ms (cpu)                | TokenTally MB | other MB');
  const row = (id: string, ours: ColdCase, other: ColdCase, label: string) =>
    console.log(
      `${id.padEnd(9)} | ${med(ours, 'wallMs').toFixed(0).padStart(6)} (${med(ours, 'cpuMs').toFixed(0).padStart(4)})       | ${label.padEnd(16)} ${med(other, 'wallMs').toFixed(0).padStart(5)} (${med(other, 'cpuMs').toFixed(0).padStart(4)}) | ${med(ours, 'memMb').toFixed(1).padStart(6)}        | ${med(other, 'memMb').toFixed(1).padStart(6)}`,
    );
  row('o200k', 'ours:o200k', 'gpt:o200k', 'gpt-tokenizer');
  row('cl100k', 'ours:cl100k', 'gpt:cl100k', 'gpt-tokenizer');
  row('gemma3', 'ours:gemma3', 'transformers:gemma3', 'transformers.js');
  for (const id of ['o200k', 'cl100k'] as const) {
    // Judged on CPU time, which other processes on the machine do not inflate; wall clock beside it.
    const ratio = med(`ours:${id}`, 'cpuMs') / med(`gpt:${id}`, 'cpuMs');
    const wallRatio = med(`ours:${id}`, 'wallMs') / med(`gpt:${id}`, 'wallMs');
    report(
      `cold start ${id}: TokenTally / gpt-tokenizer (CPU; wall)`,
      `${ratio.toFixed(2)} (${med(`ours:${id}`, 'cpuMs').toFixed(0)} vs ${med(`gpt:${id}`, 'cpuMs').toFixed(0)} ms); wall ${wallRatio.toFixed(2)} (${med(`ours:${id}`, 'wallMs').toFixed(0)} vs ${med(`gpt:${id}`, 'wallMs').toFixed(0)} ms)`,
      '<= 1.00',
      ratio <= 1,
    );
  }
  report('memory with o200k loaded', `${med('ours:o200k', 'memMb').toFixed(1)} MB`, '<= 30 MB', med('ours:o200k', 'memMb') <= 30);
  report('memory with o200k + Gemma 3 loaded', `${med('ours:o200k+gemma3', 'memMb').toFixed(1)} MB`, '<= 90 MB', med('ours:o200k+gemma3', 'memMb') <= 90);
}

// ---- Throughput ---------------------------------------------------------------------------------

/** ~1 MB: the test corpus, this repo's sources (code and prose) and varied prose. */
function benchText(): string {
  const read = (dir: string, ext: RegExp): string[] =>
    readdirSync(new URL(`../${dir}/`, import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => ext.test(f))
      .map((f) => readFileSync(new URL(`../${dir}/${f}`, import.meta.url), 'utf8'));
  const parts = [...read('test/corpus', /\.txt$/), ...read('utils', /\.ts$/), ...read('components', /\.tsx?$/), readFileSync(new URL('../README.md', import.meta.url), 'utf8')];
  let text = parts.join('\n').slice(0, 600_000);
  text += '\n' + variedProse(1_000_000 - text.length, 1);
  return text;
}

const mbPerSec = (chars: number, ms: number) => chars / 1e6 / (ms / 1000);

async function throughput(): Promise<void> {
  const { createTokenizerPool } = await import('@/utils/core/counting/tokenizer-pool');
  const { nodeTokenizerSource } = await import('@/scripts/node/node-tokenizer-source');
  const { splitIntoSegments } = await import('@/utils/core/counting/segment-text');
  const { get_encoding } = await import('tiktoken');
  const pool = createTokenizerPool(nodeTokenizerSource);
  const text = benchText();
  const gptTok = {
    o200k: await import('gpt-tokenizer/encoding/o200k_base'),
    cl100k: await import('gpt-tokenizer/encoding/cl100k_base'),
  };
  const ROUNDS = 7;
  console.log(`\nEncode throughput on the same ${(text.length / 1e6).toFixed(2)} MB text, whole text per call (CPU time, median of ${ROUNDS} interleaved rounds; first round in brackets):`);
  console.log('tokenizer | TokenTally MB/s  | gpt-tokenizer MB/s | tiktoken MB/s   | tokens (TokenTally / tiktoken / gpt-tokenizer)');
  for (const id of ['o200k', 'cl100k'] as const) {
    const ours = await pool.get(id);
    const tik = get_encoding(id === 'o200k' ? 'o200k_base' : 'cl100k_base');
    const gpt = gptTok[id];
    const plain = { disallowedSpecial: new Set<string>() };
    const runs = {
      ours: () => ours.count(text),
      gpt: () => gpt.countTokens(text, plain),
      tik: () => tik.encode_ordinary(text).length,
    };
    const times: Record<keyof typeof runs, number[]> = { ours: [], gpt: [], tik: [] };
    const counts: Record<keyof typeof runs, number> = { ours: 0, gpt: 0, tik: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const k of Object.keys(runs) as Array<keyof typeof runs>) {
        const c0 = cpuMs();
        counts[k] = runs[k]();
        times[k].push(cpuMs() - c0);
      }
    }
    tik.free();
    const f = (k: keyof typeof runs) => `${mbPerSec(text.length, median(times[k])).toFixed(2).padStart(6)} (${mbPerSec(text.length, times[k][0]!).toFixed(2)})`;
    console.log(`${id.padEnd(9)} | ${f('ours').padEnd(16)} | ${f('gpt').padEnd(18)} | ${f('tik').padEnd(15)} | ${counts.ours} / ${counts.tik} / ${counts.gpt}`);
    const ratio = median(times.gpt) / median(times.ours);
    report(`throughput ${id}: TokenTally / gpt-tokenizer`, `${ratio.toFixed(2)}x (${mbPerSec(text.length, median(times.ours)).toFixed(1)} vs ${mbPerSec(text.length, median(times.gpt)).toFixed(1)} MB/s)`, '>= 1.00x', ratio >= 1);
    const coldRatio = times.gpt[0]! / times.ours[0]!;
    report(`  first (cold-cache) pass ${id}: TokenTally / gpt-tokenizer`, `${coldRatio.toFixed(2)}x`, 'info', true);
    report(`counts ${id} equal tiktoken (${(text.length / 1e6).toFixed(1)} MB bench text)`, `${counts.ours === counts.tik} (${counts.ours} vs ${counts.tik}; gpt-tokenizer ${counts.gpt})`, 'true', counts.ours === counts.tik);
  }

  // Gemma 3 the way the engine runs it: segments (segment-text.ts), each counted on its own.
  const gemma = await pool.get('gemma3');
  await import('@/scripts/node/register-onnx-stub');
  const { gemmaReference } = await import('@/test/unit/counting-helpers');
  const reference = await gemmaReference();
  const segments = splitIntoSegments(variedProse(1_000_000, 2), 'gemma3');
  const chars = segments.reduce((n, s) => n + s.length, 0);
  const oursTimes: number[] = [];
  const refTimes: number[] = [];
  let oursCount = 0;
  let refCount = 0;
  for (let round = 0; round < 3; round++) {
    let c0 = cpuMs();
    oursCount = segments.reduce((n, s) => n + gemma.count(s), 0);
    oursTimes.push(cpuMs() - c0);
    if (round === 0) {
      // transformers.js is slow enough that one pass (its caches start empty) shows the scale.
      c0 = cpuMs();
      refCount = segments.reduce((n, s) => n + reference(s).length, 0);
      refTimes.push(cpuMs() - c0);
    }
  }
  console.log(`gemma3 on ${(chars / 1e6).toFixed(2)} MB of varied prose in ${segments.length} segments: TokenTally ${mbPerSec(chars, oursTimes[0]!).toFixed(2)} MB/s first pass, ${mbPerSec(chars, median(oursTimes)).toFixed(2)} MB/s median; transformers.js ${mbPerSec(chars, refTimes[0]!).toFixed(2)} MB/s; tokens ${oursCount} / ${refCount}`);
  const gemmaRatio = refTimes[0]! / oursTimes[0]!;
  report('throughput gemma3 (first pass): TokenTally / transformers.js (before)', `${gemmaRatio.toFixed(1)}x`, '>= 2x', gemmaRatio >= 2);
  report('gemma3 counts equal transformers.js on the same segments', String(oursCount === refCount), 'true', oursCount === refCount);
}

// ---- Exactness: the test corpus, and random edit sequences as a page makes them ----------------

/**
 * Counts equal tiktoken's: each test corpus file whole, and after every edit of random edit
 * sequences (insertions, deletions and pastes of corpus snippets, at random places) counted the
 * way the extension counts a field (live counter: segments, reuse of unchanged ones).
 */
async function exactness(): Promise<void> {
  const { createTokenizerPool } = await import('@/utils/core/counting/tokenizer-pool');
  const { nodeTokenizerSource } = await import('@/scripts/node/node-tokenizer-source');
  const { createSegmentCounter } = await import('@/utils/core/counting/segment-counter');
  const { createLiveCounter } = await import('@/utils/content/counting/live-counter');
  const { getModel } = await import('@/utils/core/models/model-registry');
  const { get_encoding } = await import('tiktoken');
  const pool = createTokenizerPool(nodeTokenizerSource);
  const dir = new URL('../test/corpus/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const corpus = files.map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const snippets = corpus.flatMap((text) => text.match(/[\s\S]{1,40}/g) ?? []);
  const EDITS = 300;
  for (const [id, modelId] of [['o200k', 'gpt-4o'], ['cl100k', 'gpt-4']] as const) {
    const tik = get_encoding(id === 'o200k' ? 'o200k_base' : 'cl100k_base');
    const reference = (text: string) => tik.encode_ordinary(text).length;
    const encoder = await pool.get(id);
    const fileMismatches = files.filter((_, i) => encoder.count(corpus[i]!) !== reference(corpus[i]!));
    report(`counts ${id} equal tiktoken, each of the ${files.length} test corpus files`, fileMismatches.length === 0 ? 'true' : `false (${fileMismatches.join(', ')})`, 'true', fileMismatches.length === 0);

    const model = getModel(modelId)!;
    let seed = id === 'o200k' ? 7 : 11;
    const rand = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    let mismatches = 0;
    let checked = 0;
    for (let sequence = 0; sequence < 3; sequence++) {
      const counter = createLiveCounter(createSegmentCounter(pool));
      let doc = corpus.join('\n\n').slice(0, 20_000);
      await counter.count(doc, model);
      for (let i = 0; i < EDITS / 3; i++) {
        const at = rand(doc.length + 1);
        const kind = rand(3);
        if (kind === 0) doc = doc.slice(0, at) + snippets[rand(snippets.length)]!.slice(0, 1 + rand(3)) + doc.slice(at); // typing
        else if (kind === 1) doc = doc.slice(0, at) + doc.slice(Math.min(doc.length, at + 1 + rand(20))); // deleting
        else doc = doc.slice(0, at) + snippets[rand(snippets.length)]! + doc.slice(at); // pasting
        const { tokens } = await counter.count(doc, model);
        checked++;
        if (tokens !== reference(doc)) mismatches++;
      }
    }
    tik.free();
    report(`counts ${id} equal tiktoken after each of ${checked} random edits (live counter)`, mismatches === 0 ? 'true' : `false (${mismatches} differ)`, 'true', mismatches === 0);
  }
}

// ---- Keystrokes -----------------------------------------------------------------------------------

async function keystrokes(): Promise<void> {
  const { createTokenizerPool } = await import('@/utils/core/counting/tokenizer-pool');
  const { nodeTokenizerSource } = await import('@/scripts/node/node-tokenizer-source');
  const { createSegmentCounter } = await import('@/utils/core/counting/segment-counter');
  const { createLiveCounter } = await import('@/utils/content/counting/live-counter');
  const { getModel } = await import('@/utils/core/models/model-registry');
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
      const c0 = cpuMs();
      t = performance.now();
      await counter.count(doc, model);
      times.push(performance.now() - t);
      cpuTimes.push(cpuMs() - c0);
    }
    const label = `${Math.round(targetTokens / 1000)}k tokens${withNewlines ? '' : ', no newlines'}`;
    console.log(`${label.padEnd(24)} | ${id.padEnd(6)} | ${median(times).toFixed(2).padStart(6)} | ${p95(times).toFixed(2).padStart(6)} | ${median(cpuTimes).toFixed(2).padStart(6)} | ${first.toFixed(0)}`);
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === '--cold') return coldChild(process.argv[3] as ColdCase);
  const { loadavg, cpus } = await import('node:os');
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs (other processes slow every figure; ratios are side by side)\n`);
  if (mode === '--keystrokes') return keystrokes();
  if (mode === '--exactness') {
    await exactness();
    for (const [name, value, target, ok] of results) console.log(`${ok ? 'PASS' : 'MISS'}  ${name}  ${value}  (target ${target})`);
    return;
  }
  coldStarts();
  await throughput();
  await exactness();
  await keystrokes();
  console.log('\nTokenTally counting engine (Node, same code and data as the extension)');
  const width = Math.max(...results.map((r) => r[0].length));
  for (const [name, value, target, ok] of results) console.log(`${target === 'info' ? 'INFO' : ok ? 'PASS' : 'MISS'}  ${name.padEnd(width)}  ${value}  (target ${target})`);
}

await main();
