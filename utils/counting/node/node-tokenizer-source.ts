import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { TokenizerDataSource } from '../tokenizer-pool';

/** public/tokenizers/, the same files the extension ships. */
export const TOKENIZER_DIR = fileURLToPath(new URL('../../../public/tokenizers/', import.meta.url));

/** Node (CLI, tests, benchmarks): reads the generated files with zlib. */
export const nodeTokenizerSource: TokenizerDataSource = async (id) => {
  const file = `${TOKENIZER_DIR}${id}.json.gz`;
  let gz: Buffer;
  try {
    gz = await readFile(file);
  } catch {
    throw new Error(`Tokenizer data ${file} not found: run \`npm run tokenizers\` first`);
  }
  return JSON.parse(gunzipSync(gz).toString('utf8')) as object;
};
