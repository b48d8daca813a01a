/** Types for tokenizer-format.mjs (the writer of the packed format utils/counting/tokenizer-data.ts reads). */
export const FORMAT_VERSION: number;
export function packByteLevelBpe(tokens: Array<Uint8Array | null>): Uint8Array;
export function packMergeBpe(table: {
  vocabSize: number;
  chars: Array<[codePoint: number, id: number]>;
  merges: Array<[left: number, right: number, result: number]>;
  byteFallback: number[];
  joiners?: number[];
}): Uint8Array;
