import type { TokenizerId } from '@/utils/core/models/model-types';
import { createByteLevelBpe } from '@/utils/core/counting/byte-level-bpe';
import { createMergeBpe } from '@/utils/core/counting/merge-bpe';
import { cl100kPieceEnd, o200kPieceEnd, type PieceEndFn } from '@/utils/core/counting/pretokenizer';
import { readTokenizerData } from '@/utils/core/counting/tokenizer-data';
import { deepseekV3PieceEnd, qwen3PieceEnd } from '@/utils/core/counting/regex-pretokenizer';

/** Reads the packed tokenizer file for an id, gunzipped (see scripts/build-tokenizers.mjs). */
export type TokenizerDataSource = (id: TokenizerId) => Promise<Uint8Array>;

export interface Encoder {
  readonly id: TokenizerId;
  /** Number of tokens in `text`, with no special tokens added (what the APIs bill for the text). */
  count(text: string): number;
  encode(text: string): number[];
}

/** The pre-tokenizer of each byte-level vocabulary (the regex ones keep per-encoder state, so each encoder makes its own). */
const PIECE_END: Partial<Record<TokenizerId, () => PieceEndFn>> = {
  o200k: () => o200kPieceEnd,
  cl100k: () => cl100kPieceEnd,
  deepseek3: deepseekV3PieceEnd,
  qwen3: qwen3PieceEnd,
};
/** Vocabularies whose tokenizer.json normalises the text first (Qwen: NFC). */
const NFC: ReadonlySet<TokenizerId> = new Set(['qwen3']);

/** Builds the encoder a packed tokenizer file describes (throws TokenizerDataError on a bad file). */
export function createEncoder(id: TokenizerId, file: Uint8Array): Encoder {
  const data = readTokenizerData(file, id);
  if (data.kind === 'merge-bpe') return { id, ...createMergeBpe(data) };
  const pieceEnd = PIECE_END[id];
  if (!pieceEnd) throw new Error(`No pre-tokenizer is known for the byte-level vocabulary ${id}`);
  const bpe = createByteLevelBpe(data, pieceEnd());
  if (!NFC.has(id)) return { id, ...bpe };
  return { id, count: (text) => bpe.count(text.normalize('NFC')), encode: (text) => bpe.encode(text.normalize('NFC')) };
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
        pending = source(id).then((file) => {
          const encoder = createEncoder(id, file);
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
