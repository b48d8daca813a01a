import { DAY_MS, HOUR_MS } from '@/utils/core/meters/meter-types';

/**
 * ChatGPT publishes no meter, so TokenTally counts the messages it recorded on chatgpt.com per
 * model in rolling windows, against caps the user sets. These are the defaults per plan.
 *
 * OpenAI changes these numbers often and calls the lower tiers' limits "dynamic"; every row
 * says where it came from and when. Check your plan's page and adjust the caps on the options
 * page; "Custom" keeps your own.
 *
 * Model keys name a family and a variant: "gpt-5" is the everyday model of the GPT-5 line
 * (GPT-5.5 Instant counts there), "gpt-5-thinking" the Thinking model you pick by hand, and
 * "gpt-6-pro|gpt-5.6-sol-pro" two models sharing one allowance. See modelMatches().
 */

export const CHATGPT_PLANS = ['none', 'free', 'go', 'plus', 'pro', 'business', 'custom'] as const;
export type ChatgptPlan = (typeof CHATGPT_PLANS)[number];

export interface MessageCap {
  /** Model key(s), "|"-separated. */
  model: string;
  /** Rolling window length in hours. */
  hours: number;
  /** Messages allowed in the window. */
  cap: number;
  /** What the cap is for, when it comes from the plan table. */
  label?: string;
}

export interface CapSource {
  /** What the row is, in the words the plan page uses. */
  label: string;
  /** The page the number comes from, and who quoted it when we could not read it directly. */
  source: string;
  /** When that page said so (YYYY-MM). */
  seen: string;
}

export interface PlanDefaults {
  name: string;
  caps: Array<Required<MessageCap> & CapSource>;
  /** What the plan has that is not a fixed count (shown under the table). */
  note?: string;
}

const GPT55_ARTICLE = 'help.openai.com/en/articles/11909943 ("GPT-5.5 in ChatGPT", usage limits)';

/** Dated defaults. Table last reviewed 2026-11. */
export const CHATGPT_PLAN_DEFAULTS: Record<Exclude<ChatgptPlan, 'none' | 'custom'>, PlanDefaults> = {
  free: {
    name: 'Free',
    caps: [{ model: 'gpt-5', hours: 5, cap: 10, label: 'GPT-5.5 (then the mini model)', source: `${GPT55_ARTICLE}, quoted by OpenAI's help assistant and tokenkarma.app`, seen: '2026-06' }],
    note: 'OpenAI says Free limits are dynamic and may vary.',
  },
  go: {
    name: 'Go',
    caps: [
      { model: 'gpt-5', hours: 3, cap: 160, label: 'GPT-5.5 Instant (counts every tier but Pro)', source: `${GPT55_ARTICLE}, quoted by tokenkarma.app`, seen: '2026-06' },
      { model: 'gpt-5-thinking', hours: 5, cap: 10, label: 'Thinking picked by hand (automatic switches do not count)', source: `${GPT55_ARTICLE}, quoted by tokenkarma.app`, seen: '2026-06' },
    ],
  },
  plus: {
    name: 'Plus',
    caps: [
      { model: 'gpt-5', hours: 3, cap: 160, label: 'GPT-5.5 Instant (counts every tier but Pro)', source: `${GPT55_ARTICLE}, quoted by ai.zenken.co.jp and tokenkarma.app`, seen: '2026-05' },
      { model: 'gpt-5-thinking', hours: 7 * 24, cap: 3000, label: 'GPT-5.5 Thinking picked by hand', source: `${GPT55_ARTICLE}, quoted by ai.zenken.co.jp (and chatai.guide for GPT-5.4, 2026-04)`, seen: '2026-05' },
    ],
  },
  pro: {
    name: 'Pro ($100)',
    caps: [
      {
        model: 'gpt-6-pro|gpt-5.6-sol-pro',
        hours: 7 * 24,
        cap: 50,
        label: 'GPT-6 Pro and GPT-5.6 Sol Pro, shared',
        source: 'help.openai.com/en/articles/20001354 ("GPT-5.6 in ChatGPT"), quoted in openai/codex#44796',
        seen: '2026-09',
      },
    ],
    note: 'Instant and Thinking are "near-unlimited" on Pro (fair use): no fixed count to track.',
  },
  business: {
    name: 'Business',
    caps: [
      { model: 'gpt-5-thinking', hours: 7 * 24, cap: 3000, label: 'GPT-5.5 Thinking', source: 'help.openai.com/en/articles/12003714 ("ChatGPT Business – Models & Limits"), quoted by tokenkarma.app', seen: '2026-06' },
    ],
    note: 'Instant is "virtually unlimited" on Business.',
  },
};

/** The caps in effect: the plan's defaults, or the user's own for "custom". */
export function effectiveCaps(plan: ChatgptPlan, custom: readonly MessageCap[]): MessageCap[] {
  if (plan === 'none') return [];
  if (plan === 'custom') return [...custom];
  return CHATGPT_PLAN_DEFAULTS[plan].caps.map(({ model, hours, cap, label }) => ({ model, hours, cap, label }));
}

interface ModelKey {
  /** "gpt-5" for gpt-5, gpt-5.5, gpt-5.6-sol-pro; "gpt-4o"; "o3". */
  family: string;
  /** The full version when one is given ("5.6"), else null. */
  version: string | null;
  /** "" for the everyday model, else "thinking", "pro", "mini", "sol-pro"… */
  variant: string;
}

/** Words that name the everyday model rather than a variant of it. */
const EVERYDAY = new Set(['instant', 'chat', 'main', 'latest', 'auto']);

export function parseModelKey(id: string): ModelKey {
  const tokens = id.toLowerCase().trim().split(/[-\s_]+/).filter(Boolean);
  let family = tokens.shift() ?? '';
  let version: string | null = null;
  if (family === 'gpt' && tokens[0]) {
    version = tokens.shift()!;
    family = `gpt-${version.split('.')[0]}`;
    if (!version.includes('.')) version = null;
  }
  const variant = tokens.filter((t) => !EVERYDAY.has(t) && !/^\d{4}$/.test(t)).join('-');
  return { family, version, variant };
}

/**
 * Whether a recorded model counts against a cap's model key: same family and variant, and the
 * same version when the key names one. "gpt-5" takes gpt-5.5 and gpt-5.5-instant but not
 * gpt-5.5-thinking or gpt-5-mini (the fallback after a cap is not counted against it).
 */
export function modelMatches(capModel: string, model: string): boolean {
  const m = parseModelKey(model);
  return capModel.split('|').some((alternative) => {
    const c = parseModelKey(alternative);
    return c.family === m.family && c.variant === m.variant && (c.version === null || c.version === m.version);
  });
}

/**
 * Variants TokenTally's records cannot show: ChatGPT's picker shows an effort tier ("Medium"),
 * and every tier but Pro is recorded as the same model (utils/core/models/app-modes.ts), so no
 * recorded message says it used Thinking. A cap on one is filled by ChatGPT's own notice only.
 */
const UNRECORDED_VARIANTS = new Set(['thinking']);

/** Whether recorded messages can be counted against `capModel` (else only the site's notice fills it). */
export function countableFromRecords(capModel: string): boolean {
  return capModel.split('|').some((alternative) => !UNRECORDED_VARIANTS.has(parseModelKey(alternative).variant));
}

/** The window's length in ms. */
export const capLengthMs = (cap: MessageCap): number => (cap.hours % 24 === 0 ? (cap.hours / 24) * DAY_MS : cap.hours * HOUR_MS);

/**
 * A model as ChatGPT's limit notice names it ("GPT-5 Thinking", "GPT-4o") as a model key
 * ("gpt-5-thinking", "gpt-4o"); null when the text names no model.
 */
export function modelKeyFromLabel(label: string): string | null {
  const match = /\b(gpt[\s-]?\d+(?:\.\d+)?[a-z]?(?:[\s-]+(?:thinking|pro|mini|nano|instant|sol))*|o\d(?:[\s-]mini)?)\b/i.exec(label);
  if (!match) return null;
  return match[1]!.toLowerCase().replace(/^gpt\s?(?=\d)/, 'gpt-').replace(/\s+/g, '-');
}
