/**
 * Maximum output lengths, and context windows where @pydantic/genai-prices lists none (its
 * `context_window` wins when present). No maintained package carries maximum outputs, so they are
 * kept here, by hand, in one dated table. First matching pattern wins, so a model nobody has
 * catalogued yet gets its family's usual limits.
 *
 * Last checked: 2026-10, against the providers' model pages
 *   OpenAI:    https://platform.openai.com/docs/models ("Context window", "Max output tokens")
 *   Anthropic: https://docs.anthropic.com/en/docs/about-claude/models/overview ("Context window", "Max output")
 *   Google:    https://ai.google.dev/gemini-api/docs/models ("Input token limit", "Output token limit")
 * Rows marked "assumed" are families whose newer members were not on those pages when checked:
 * they carry the latest published member's limits.
 */
export const MODEL_LIMITS_CHECKED = '2026-10';

export interface ModelLimits {
  contextWindow: number;
  maxOutput: number;
}

export const MODEL_LIMITS: ReadonlyArray<readonly [pattern: RegExp, limits: ModelLimits]> = [
  // OpenAI
  [/^gpt-3\.5-turbo-instruct/, { contextWindow: 4_096, maxOutput: 4_096 }],
  [/^gpt-3\.5/, { contextWindow: 16_385, maxOutput: 4_096 }],
  [/^gpt-4-32k/, { contextWindow: 32_768, maxOutput: 8_192 }],
  [/^gpt-4-(turbo|vision|\d{4}-preview)/, { contextWindow: 128_000, maxOutput: 4_096 }],
  [/^gpt-4(-\d{4})?$/, { contextWindow: 8_192, maxOutput: 8_192 }],
  [/^gpt-4\.1/, { contextWindow: 1_047_576, maxOutput: 32_768 }],
  [/^(gpt-4\.5|gpt-4o|chatgpt-4o|gpt-chat-latest|gpt-5\.3$)/, { contextWindow: 128_000, maxOutput: 16_384 }],
  [/^gpt-oss/, { contextWindow: 131_072, maxOutput: 131_072 }],
  [/^o1-mini/, { contextWindow: 128_000, maxOutput: 65_536 }],
  [/^o1-preview/, { contextWindow: 128_000, maxOutput: 32_768 }],
  [/^(o\d|codex)/, { contextWindow: 200_000, maxOutput: 100_000 }],
  // GPT-5.x and later (assumed for 5.4 onwards and GPT-6: 128k output like GPT-5).
  [/^gpt/, { contextWindow: 400_000, maxOutput: 128_000 }],
  // Anthropic
  [/^claude-3-(haiku|opus|sonnet)/, { contextWindow: 200_000, maxOutput: 4_096 }],
  [/^claude-3-5/, { contextWindow: 200_000, maxOutput: 8_192 }],
  [/^claude-3-7/, { contextWindow: 200_000, maxOutput: 64_000 }],
  [/^claude-opus-4-[01]/, { contextWindow: 200_000, maxOutput: 32_000 }],
  [/^claude-(opus-4-5|sonnet-4-[05]|haiku-4-5)/, { contextWindow: 200_000, maxOutput: 64_000 }],
  // Opus 4.6 onwards (assumed for Opus 4.7+ and 5.x), Sonnet/Fable/Haiku 4.6 onwards (assumed for 5.x).
  [/^claude-opus/, { contextWindow: 1_000_000, maxOutput: 128_000 }],
  [/^claude/, { contextWindow: 1_000_000, maxOutput: 64_000 }],
  // Google
  [/^gemini-(1\.0|pro$)/, { contextWindow: 32_760, maxOutput: 8_192 }],
  [/^gemini-(1\.5|flash-1\.5|pro-1\.5)/, { contextWindow: 1_048_576, maxOutput: 8_192 }],
  [/^gemini-2\.0/, { contextWindow: 1_048_576, maxOutput: 8_192 }],
  // Gemini 2.5 onwards (assumed for 3.5 onwards).
  [/^gemini/, { contextWindow: 1_048_576, maxOutput: 65_536 }],
  [/^gemma-2/, { contextWindow: 8_192, maxOutput: 8_192 }],
  [/^gemma-3/, { contextWindow: 131_072, maxOutput: 8_192 }],
  // Gemma 4 (assumed output).
  [/^gemma/, { contextWindow: 262_144, maxOutput: 8_192 }],
  // The other chat apps' families, where genai-prices lists no context window (checked 2026-12 on
  // the providers' model pages; the catalog's own window wins where it has one).
  [/^deepseek/, { contextWindow: 128_000, maxOutput: 64_000 }],
  [/^grok/, { contextWindow: 256_000, maxOutput: 128_000 }],
  [/^(mistral|magistral|ministral|codestral|devstral|pixtral|mixtral)/, { contextWindow: 128_000, maxOutput: 32_768 }],
  [/^(llama|muse-spark)/, { contextWindow: 128_000, maxOutput: 32_768 }],
  [/^(sonar|r1-1776)/, { contextWindow: 128_000, maxOutput: 8_192 }],
  [/^(qwen|qwq)/, { contextWindow: 131_072, maxOutput: 32_768 }],
];

export function limitsFor(id: string): ModelLimits | undefined {
  const lower = id.toLowerCase();
  return MODEL_LIMITS.find(([pattern]) => pattern.test(lower))?.[1];
}
