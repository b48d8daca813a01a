import type { ProviderId } from '@/utils/core/models/model-types';

/**
 * Chat apps whose picker shows a mode or effort tier instead of a model name. Which model serves
 * a mode is not shown anywhere on the page, so this small table says what it was when last
 * checked; the badge says the model comes from this table (or from the user's own pick for the
 * site, which wins), never that the page showed it.
 *
 * Last checked 2026-10 (site-evidence: ChatGPT's redesign of 2026-09-25 shows only a thinking-effort
 * tier such as "Medium" or "Pro"; Gemini's mode picker shows Fast / Thinking / Pro).
 */
export interface AppModeTable {
  hosts: readonly string[];
  provider: ProviderId;
  /** Month the mapping was last checked. */
  checked: string;
  /** Text the page puts before the tier (often visually hidden, localised): removed from the mode name. */
  prefixes: readonly RegExp[];
  /** First match wins; the last entry catches every other (localised) tier name. */
  modes: ReadonlyArray<{ match: RegExp; id: string }>;
  /** What the page shows instead of a model, for the badge's note. */
  shows: string;
}

export const APP_MODE_TABLES: readonly AppModeTable[] = [
  {
    hosts: ['chatgpt.com', 'chat.openai.com'],
    provider: 'openai',
    checked: '2026-10',
    prefixes: [/^thinking effort\s*/i, /^思考强度\s*/, /^思考の強度\s*/, /^effort\s*/i],
    modes: [
      // "Pro" is its own, pricier model; every other tier (Instant, Light, Medium, Thinking, Heavy…) is GPT-5.5.
      { match: /\bpro\b/i, id: 'gpt-5.5-pro' },
      { match: /./, id: 'gpt-5.5' },
    ],
    shows: 'a thinking-effort tier',
  },
  {
    hosts: ['gemini.google.com'],
    provider: 'google',
    checked: '2026-10',
    prefixes: [/^open mode picker, currently\s*/i],
    modes: [
      { match: /\bpro\b|deep think/i, id: 'gemini-3.1-pro-preview' },
      // Fast and Thinking (and their translations) are the Flash model, with or without thinking.
      { match: /./, id: 'gemini-3.5-flash' },
    ],
    shows: 'a mode',
  },
  // The chats added 2026-12. A toggle read as off carries " off" (page-model.ts), which picks the base model.
  {
    hosts: ['chat.deepseek.com'],
    provider: 'deepseek',
    checked: '2026-12',
    prefixes: [],
    modes: [
      { match: /\boff$/i, id: 'deepseek-chat' },
      { match: /deepthink|deep think|深度思考|\br1\b/i, id: 'deepseek-reasoner' },
      { match: /./, id: 'deepseek-chat' },
    ],
    shows: 'the DeepThink toggle',
  },
  {
    hosts: ['copilot.microsoft.com'],
    provider: 'openai',
    checked: '2026-12',
    prefixes: [/^(choose a mode|mode)[:,]?\s*/i],
    modes: [
      { match: /\boff$/i, id: 'gpt-5' },
      { match: /think deeper|smart|deep research|study/i, id: 'gpt-5' },
      { match: /quick/i, id: 'gpt-5-mini' },
      { match: /./, id: 'gpt-5' },
    ],
    shows: 'a mode (Quick, Think Deeper, Smart)',
  },
  {
    hosts: ['grok.com'],
    provider: 'x-ai',
    checked: '2026-12',
    prefixes: [/^model select\s*/i],
    modes: [
      { match: /\bfast\b/i, id: 'grok-4-1-fast-non-reasoning' },
      { match: /expert|heavy|think|auto/i, id: 'grok-4.6' },
      { match: /./, id: 'grok-4.6' },
    ],
    shows: 'a mode (Auto, Fast, Expert)',
  },
  {
    hosts: ['www.perplexity.ai', 'perplexity.ai'],
    provider: 'perplexity',
    checked: '2026-12',
    prefixes: [],
    modes: [
      { match: /reason/i, id: 'sonar-reasoning-pro' },
      { match: /\bpro\b|research/i, id: 'sonar-pro' },
      { match: /./, id: 'sonar' },
    ],
    shows: 'a search mode (Best, Pro, Reasoning)',
  },
  {
    hosts: ['chat.mistral.ai'],
    provider: 'mistral',
    checked: '2026-12',
    prefixes: [],
    modes: [
      { match: /think|reason/i, id: 'magistral-medium' },
      { match: /./, id: 'mistral-medium-latest' },
    ],
    shows: 'a mode (Think, Research)',
  },
  {
    hosts: ['www.meta.ai', 'meta.ai'],
    provider: 'meta',
    checked: '2026-12',
    prefixes: [],
    modes: [{ match: /./, id: 'llama-4-maverick' }],
    shows: 'no model name',
  },
  {
    hosts: ['chat.qwen.ai'],
    provider: 'alibaba',
    checked: '2026-12',
    prefixes: [],
    modes: [
      { match: /think/i, id: 'qwen3-max-thinking' },
      { match: /./, id: 'qwen3-max' },
    ],
    shows: 'a mode',
  },
];

export function modeTableFor(host: string | undefined): AppModeTable | undefined {
  if (!host) return undefined;
  const h = host.toLowerCase();
  return APP_MODE_TABLES.find((t) => t.hosts.some((x) => h === x || h.endsWith(`.${x}`)));
}
