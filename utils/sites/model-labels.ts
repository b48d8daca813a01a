/**
 * Turns the model name a page shows ("GPT-4o", "ChatGPT 5 Thinking", "Claude Sonnet 4.5",
 * "2.5 Flash") into a registry id. Rules are ordered most specific first, because
 * "gpt-4o-mini" also contains "gpt-4o". Unknown labels give null so the caller falls
 * back to the site default instead of guessing a wrong price.
 */
type LabelRule = [pattern: RegExp, modelId: string];

const OPENAI_RULES: LabelRule[] = [
  [/gpt[\s-]?5[\s-]?mini|\b5[\s-]mini\b/, 'gpt-5-mini'],
  [/gpt[\s-]?5|chatgpt[\s-]?5|^5(\s|$)/, 'gpt-5'],
  [/gpt[\s-]?4\.1[\s-]?mini|\b4\.1[\s-]mini\b/, 'gpt-4.1-mini'],
  [/gpt[\s-]?4\.1|^4\.1(\s|$)/, 'gpt-4.1'],
  [/gpt[\s-]?4o[\s-]?mini|\b4o[\s-]mini\b/, 'gpt-4o-mini'],
  [/gpt[\s-]?4o|^4o(\s|$)/, 'gpt-4o'],
  [/\bo4[\s-]?mini\b/, 'o4-mini'],
  [/\bo3\b/, 'o3'],
  [/gpt[\s-]?4(\s|$|-turbo)/, 'gpt-4'],
  [/gpt[\s-]?3\.5/, 'gpt-3.5-turbo'],
];

const ANTHROPIC_RULES: LabelRule[] = [
  [/opus/, 'claude-opus-4-1'],
  [/sonnet/, 'claude-sonnet-4-5'],
  [/haiku/, 'claude-haiku-4-5'],
];

const GOOGLE_RULES: LabelRule[] = [
  [/2\.5[\s-]?pro/, 'gemini-2.5-pro'],
  [/2\.5[\s-]?flash/, 'gemini-2.5-flash'],
  [/2(\.0)?[\s-]?flash/, 'gemini-2.0-flash'],
  [/\bpro\b/, 'gemini-2.5-pro'],
  [/\bflash\b/, 'gemini-2.5-flash'],
];

function normalize(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

function byRules(rules: LabelRule[]): (label: string) => string | null {
  return (label) => {
    const text = normalize(label);
    if (!text) return null;
    for (const [pattern, id] of rules) if (pattern.test(text)) return id;
    return null;
  };
}

export const openAiModelFromLabel = byRules(OPENAI_RULES);
export const anthropicModelFromLabel = byRules(ANTHROPIC_RULES);
export const googleModelFromLabel = byRules(GOOGLE_RULES);
