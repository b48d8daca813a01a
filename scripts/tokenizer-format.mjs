// Writer for the packed tokenizer format that utils/core/counting/tokenizer-data.ts reads (the layout
// is documented there). Used by build-tokenizers.mjs and by the format's round-trip tests.

const MAGIC = [0x54, 0x54, 0x4b, 0x4e]; // "TTKN"
export const FORMAT_VERSION = 1;

function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

function withHeader(kind, payload) {
  const out = new Uint8Array(16 + payload.length);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint8(4, FORMAT_VERSION);
  view.setUint8(5, kind);
  view.setUint32(8, payload.length, true);
  view.setUint32(12, fnv1a(payload), true);
  out.set(payload, 16);
  return out;
}

/**
 * Byte-level BPE (tiktoken): `tokens[rank]` is that rank's bytes (a Uint8Array), or null for an
 * unused rank. Each token is at most 255 bytes.
 */
export function packByteLevelBpe(tokens) {
  let total = 0;
  for (const t of tokens) {
    if (t && t.length > 255) throw new Error(`a token is ${t.length} bytes; the format allows 255`);
    if (t && t.length === 0) throw new Error('a token is empty');
    total += t ? t.length : 0;
  }
  const payload = new Uint8Array(4 + tokens.length + total);
  new DataView(payload.buffer).setUint32(0, tokens.length, true);
  let at = 4 + tokens.length;
  tokens.forEach((t, r) => {
    payload[4 + r] = t ? t.length : 0;
    if (t) {
      payload.set(t, at);
      at += t.length;
    }
  });
  return withHeader(1, payload);
}

/**
 * Merge-list BPE (SentencePiece-style, e.g. Gemma): single-character tokens as [codePoint, id]
 * pairs, merges as [left, right, result] id triples in priority order, the id of each
 * byte-fallback token `<0xXX>` (or -1), and the code points some token has right before a "▁"
 * (`joiners`: a word boundary after them is not safe to cut at).
 */
export function packMergeBpe({ vocabSize, chars, merges, byteFallback, joiners = [] }) {
  if (byteFallback.length !== 256) throw new Error('byteFallback needs 256 entries');
  const words = new Uint32Array(4 + 256 + joiners.length + 2 * chars.length + 3 * merges.length);
  words[0] = vocabSize;
  words[1] = chars.length;
  words[2] = merges.length;
  words[3] = joiners.length;
  new Int32Array(words.buffer, 16, 256).set(byteFallback);
  let w = 4 + 256;
  for (const cp of joiners) words[w++] = cp;
  for (const [cp, id] of chars) {
    words[w++] = cp;
    words[w++] = id;
  }
  for (const [left, right, result] of merges) {
    words[w++] = left;
    words[w++] = right;
    words[w++] = result;
  }
  return withHeader(2, new Uint8Array(words.buffer));
}
