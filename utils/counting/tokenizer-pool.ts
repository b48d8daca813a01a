import { PreTrainedTokenizer } from '@xenova/transformers/src/tokenizers.js';
import type { TokenizerId } from '../models/model-types';

/** Reads the generated tokenizer.json for an id (see scripts/build-tokenizers.mjs). */
export type TokenizerDataSource = (id: TokenizerId) => Promise<object>;

export interface Encoder {
  readonly id: TokenizerId;
  /** Number of tokens in `text`, with no special tokens added (what the APIs bill for the text). */
  count(text: string): number;
  encode(text: string): number[];
}

/**
 * transformers.js memoises every BPE word it has seen in an unbounded Map; in a browser-lifetime
 * background that would grow with every paste. Clearing it past this size keeps memory flat while
 * keeping the hit rate on ordinary text (a few thousand distinct words) high.
 */
const BPE_CACHE_LIMIT = 50_000;

/** Minimal config: transformers.js only reads these for encoding; the hub is never consulted. */
const TOKENIZER_CONFIG = { clean_up_tokenization_spaces: false, model_max_length: Number.MAX_SAFE_INTEGER };

/** build-tokenizers.mjs stores the vocab as an array indexed by id; transformers.js wants token -> id. */
function withVocabObject(json: object): object {
  const model = (json as { model?: { vocab?: unknown } }).model;
  if (!model || !Array.isArray(model.vocab)) return json;
  const vocab: Record<string, number> = {};
  (model.vocab as Array<string | null>).forEach((token, i) => {
    if (token !== null) vocab[token] = i;
  });
  return { ...json, model: { ...model, vocab } };
}

function createEncoder(id: TokenizerId, json: object): Encoder {
  const tokenizer = new PreTrainedTokenizer(withVocabObject(json), TOKENIZER_CONFIG);
  const encode = (text: string): number[] => {
    if (text.length === 0) return [];
    const ids = tokenizer.encode(text, null, { add_special_tokens: false });
    const cache = tokenizer.model.cache;
    if (cache && cache.size > BPE_CACHE_LIMIT) cache.clear();
    return ids;
  };
  return { id, encode, count: (text) => encode(text).length };
}

export interface TokenizerPool {
  /** Loads the tokenizer the first time it is asked for; later calls share the same instance. */
  get(id: TokenizerId): Promise<Encoder>;
  /** True once `id` is loaded (no load is started). */
  isLoaded(id: TokenizerId): boolean;
}

export function createTokenizerPool(source: TokenizerDataSource): TokenizerPool {
  const loading = new Map<TokenizerId, Promise<Encoder>>();
  const loaded = new Set<TokenizerId>();
  return {
    get(id) {
      let pending = loading.get(id);
      if (!pending) {
        pending = source(id).then((json) => {
          const encoder = createEncoder(id, json);
          loaded.add(id);
          return encoder;
        });
        // A failed load (e.g. a missing file) must not poison later attempts.
        pending.catch(() => loading.delete(id));
        loading.set(id, pending);
      }
      return pending;
    },
    isLoaded: (id) => loaded.has(id),
  };
}
