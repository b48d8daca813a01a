/** Fetches a packed tokenizer file shipped with the extension and gunzips it (no extension APIs: workers use it too). */
export async function fetchPackedTokenizer(url: string, id: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`Tokenizer data for ${id} is missing from the extension (${response.status})`);
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/** Where a tokenizer's packed file is, relative to the extension's root. */
export const tokenizerPath = (id: string) => `/tokenizers/${id}.bin.gz` as const;
