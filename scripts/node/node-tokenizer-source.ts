import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { TokenizerId } from '@/utils/core/models/model-types';
import type { TokenizerDataSource } from '@/utils/core/counting/tokenizer-pool';

/** public/tokenizers/, the same files the extension ships. */
export const TOKENIZER_DIR = fileURLToPath(new URL('../../public/tokenizers/', import.meta.url));
const BUILD_SCRIPT = fileURLToPath(new URL('../build-tokenizers.mjs', import.meta.url));

/**
 * The data is generated, not committed: a fresh checkout that skipped `npm run tokenizers` gets it
 * generated on first use (its progress goes to stderr so `count --json` output stays clean).
 */
function ensureGenerated(id: TokenizerId): string {
  const file = `${TOKENIZER_DIR}${id}.bin.gz`;
  if (!existsSync(file) && existsSync(BUILD_SCRIPT)) {
    spawnSync(process.execPath, [BUILD_SCRIPT], { stdio: ['ignore', process.stderr, process.stderr] });
  }
  return file;
}

/** Node (CLI, tests, benchmarks): reads the generated files with zlib. */
export const nodeTokenizerSource: TokenizerDataSource = async (id) => {
  const file = ensureGenerated(id);
  let gz: Buffer;
  try {
    gz = await readFile(file);
  } catch {
    throw new Error(`Tokenizer data ${file} not found: run \`npm run tokenizers\` first`);
  }
  return new Uint8Array(gunzipSync(gz));
};
