/**
 * Reader for the packed tokenizer files in public/tokenizers/<id>.bin.gz, written by
 * scripts/tokenizer-format.mjs. They replace multi-megabyte tokenizer.json files: loading one is a
 * gunzip and a few typed-array copies, with no JSON.parse and no per-token strings on the heap.
 *
 * Layout (little-endian), after gunzip:
 *   0  "TTKN"                magic
 *   4  u8 version (1)        a reader refuses other versions
 *   5  u8 kind               1 = byte-level BPE ranks (tiktoken), 2 = merge-list BPE (SentencePiece)
 *   6  u16 reserved (0)
 *   8  u32 payload bytes
 *  12  u32 FNV-1a of payload so a damaged file gives an error, never a wrong count
 *  16  payload
 * Kind 1 payload: u32 n; u8 length[n] (0 = unused rank); the tokens' bytes, concatenated in rank order.
 * Kind 2 payload: u32 vocabSize, u32 chars, u32 merges, u32 joiners; i32 byteFallback[256]
 *   (-1 = none); u32 joiners[] (code points some token has right before "▁"); {u32 codePoint,
 *   u32 id}[chars] (single-character tokens); {u32 left, u32 right, u32 result}[merges] in
 *   priority order.
 */

export const TOKENIZER_MAGIC = 'TTKN';
export const TOKENIZER_FORMAT_VERSION = 1;
const HEADER_BYTES = 16;

export interface ByteLevelBpeData {
  kind: 'byte-level-bpe';
  /** tokenStart[r] .. tokenStart[r + 1] is rank r's bytes in `bytes` (empty for an unused rank). */
  tokenStart: Int32Array;
  bytes: Uint8Array;
}

export interface MergeBpeData {
  kind: 'merge-bpe';
  vocabSize: number;
  /** Token id of each UTF-8 byte value, for characters without a token of their own (-1: none). */
  byteFallback: Int32Array;
  /** Single-character tokens: charCodePoints[i] has id charIds[i]. */
  charCodePoints: Uint32Array;
  charIds: Uint32Array;
  /** Merge i (priority i, lower first) joins mergeLeft[i] and mergeRight[i] into mergeResult[i]. */
  mergeLeft: Uint32Array;
  mergeRight: Uint32Array;
  mergeResult: Uint32Array;
  /** Code points that some token has right before "▁": a word may not be cut after one. */
  joiners: Uint32Array;
}

export type TokenizerData = ByteLevelBpeData | MergeBpeData;

export class TokenizerDataError extends Error {
  constructor(what: string, problem: string) {
    super(`Tokenizer data ${what} is unusable: ${problem}. Reinstall the extension (or run \`npm run tokenizers\`).`);
    this.name = 'TokenizerDataError';
  }
}

/** FNV-1a, 32-bit. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Parses and validates a packed tokenizer file; throws TokenizerDataError rather than return bad tables. */
export function readTokenizerData(file: Uint8Array, what = 'file'): TokenizerData {
  const fail = (problem: string): never => {
    throw new TokenizerDataError(what, problem);
  };
  if (file.length < HEADER_BYTES) fail(`only ${file.length} bytes`);
  const magic = String.fromCharCode(file[0]!, file[1]!, file[2]!, file[3]!);
  if (magic !== TOKENIZER_MAGIC) fail('not a TokenTally tokenizer file');
  const header = new DataView(file.buffer, file.byteOffset, HEADER_BYTES);
  const version = header.getUint8(4);
  if (version !== TOKENIZER_FORMAT_VERSION) fail(`format version ${version}, this build reads ${TOKENIZER_FORMAT_VERSION}`);
  const kind = header.getUint8(5);
  const length = header.getUint32(8, true);
  if (file.length !== HEADER_BYTES + length) fail(`truncated or padded (${file.length - HEADER_BYTES} payload bytes, header says ${length})`);
  // A copy: aligned for the 32-bit views below, and independent of the (possibly pooled) input buffer.
  const payload = file.slice(HEADER_BYTES);
  if (fnv1a(payload) !== header.getUint32(12, true)) fail('checksum mismatch (the file is damaged)');
  if (kind === 1) return readByteLevel(payload, fail);
  if (kind === 2) return readMerges(payload, fail);
  return fail(`unknown kind ${kind}`);
}

function readByteLevel(payload: Uint8Array, fail: (problem: string) => never): ByteLevelBpeData {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  if (payload.length < 4) fail('no token count');
  const n = view.getUint32(0, true);
  if (4 + n > payload.length) fail(`${n} token lengths do not fit`);
  const tokenStart = new Int32Array(n + 1);
  let total = 0;
  for (let r = 0; r < n; r++) {
    tokenStart[r] = total;
    total += payload[4 + r]!;
  }
  tokenStart[n] = total;
  if (4 + n + total !== payload.length) fail(`token bytes are ${payload.length - 4 - n}, lengths add up to ${total}`);
  return { kind: 'byte-level-bpe', tokenStart, bytes: payload.subarray(4 + n) };
}

function readMerges(payload: Uint8Array, fail: (problem: string) => never): MergeBpeData {
  if (payload.length < 16 + 1024) fail('no merge-list header');
  const words = new Uint32Array(payload.buffer, payload.byteOffset, Math.floor(payload.byteLength / 4));
  const [vocabSize, chars, merges, joinerCount] = [words[0]!, words[1]!, words[2]!, words[3]!];
  const joinersAt = 4 + 256;
  const charsAt = joinersAt + joinerCount;
  const mergesAt = charsAt + 2 * chars;
  if ((mergesAt + 3 * merges) * 4 !== payload.length) fail(`${chars} characters, ${merges} merges and ${joinerCount} joiners do not match the payload size`);
  const byteFallback = new Int32Array(payload.buffer, payload.byteOffset + 16, 256);
  const joiners = words.slice(joinersAt, charsAt);
  const charCodePoints = new Uint32Array(chars);
  const charIds = new Uint32Array(chars);
  for (let i = 0; i < chars; i++) {
    charCodePoints[i] = words[charsAt + 2 * i]!;
    charIds[i] = words[charsAt + 2 * i + 1]!;
  }
  const mergeLeft = new Uint32Array(merges);
  const mergeRight = new Uint32Array(merges);
  const mergeResult = new Uint32Array(merges);
  for (let i = 0, w = mergesAt; i < merges; i++, w += 3) {
    mergeLeft[i] = words[w]!;
    mergeRight[i] = words[w + 1]!;
    mergeResult[i] = words[w + 2]!;
  }
  const inVocab = (id: number) => id < vocabSize;
  if (!charIds.every(inVocab) || !mergeLeft.every(inVocab) || !mergeRight.every(inVocab) || !mergeResult.every(inVocab)) {
    fail('a token id is outside the vocabulary');
  }
  if (!byteFallback.every((id) => id === -1 || (id >= 0 && id < vocabSize))) fail('a byte-fallback id is outside the vocabulary');
  return { kind: 'merge-bpe', vocabSize, byteFallback: byteFallback.slice(), charCodePoints, charIds, mergeLeft, mergeRight, mergeResult, joiners };
}
