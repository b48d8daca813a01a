import { browser } from 'wxt/browser';
import type { TokenizerDataSource } from './tokenizer-pool';

/** Reads public/tokenizers/<id>.bin.gz from the extension package: no network, no model hub. */
export const extensionTokenizerSource: TokenizerDataSource = async (id) => {
  const url = browser.runtime.getURL(`/tokenizers/${id}.bin.gz` as '/tokenizers/o200k.bin.gz');
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`Tokenizer data for ${id} is missing from the extension (${response.status})`);
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
};
