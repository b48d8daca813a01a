import { browser } from 'wxt/browser';
import { fetchPackedTokenizer, tokenizerPath } from '@/utils/background/counting/fetch-tokenizer';
import type { TokenizerDataSource } from '@/utils/core/counting/tokenizer-pool';

/** Reads public/tokenizers/<id>.bin.gz from the extension package: no network, no model hub. */
export const extensionTokenizerSource: TokenizerDataSource = (id) =>
  fetchPackedTokenizer(browser.runtime.getURL(tokenizerPath(id) as '/tokenizers/o200k.bin.gz'), id);
