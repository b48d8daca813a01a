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
];

export function modeTableFor(host: string | undefined): AppModeTable | undefined {
  if (!host) return undefined;
  const h = host.toLowerCase();
  return APP_MODE_TABLES.find((t) => t.hosts.some((x) => h === x || h.endsWith(`.${x}`)));
}
