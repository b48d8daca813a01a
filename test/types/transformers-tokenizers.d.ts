// The slice of transformers.js 2.17.2's tokenizer module the counting engine uses.
// Imported by path (not the package root) so onnxruntime and the model code stay out of the bundle.
declare module '@xenova/transformers/src/tokenizers.js' {
  export class PreTrainedTokenizer {
    constructor(tokenizerJSON: object, tokenizerConfig: object);
    encode(text: string, textPair?: string | null, options?: { add_special_tokens?: boolean }): number[];
    decode(ids: number[], options?: { skip_special_tokens?: boolean }): string;
    model: { cache?: Map<string, unknown> };
  }
}
