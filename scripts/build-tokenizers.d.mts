/** Types for build-tokenizers.mjs's exports (used by tests). */
export function toJsPattern(pattern: string): string;
/** node_modules/.cache/tokentally/: test-only reference data. */
export const cacheDir: URL;
