import type { Settings } from '@/utils/core/settings/settings-schema';

/** One setting a save would change, for a "here is what will change" list. */
export interface SettingsChange {
  /** Dotted path, e.g. "limits.openai.monthlyTokenLimit". */
  path: string;
  /** The same path for people: "Limits › OpenAI › Monthly token limit". */
  label: string;
  from: string;
  to: string;
}

const NAMES: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  clay: 'Clay',
  tpm: 'Tokens per minute',
  sitemeters: 'Plan limits',
  read: "Read the sites' own meters",
  chatgptplan: 'ChatGPT plan',
  chatgptcaps: 'ChatGPT caps',
  planmonthlyusd: 'Subscription price',
  showcost: 'Show the cost beside the count',
};

function words(segment: string): string {
  // Own names only: a key such as "constructor" must not find Object's.
  const known = Object.hasOwn(NAMES, segment.toLowerCase()) ? NAMES[segment.toLowerCase()] : undefined;
  if (known) return known;
  // Hostnames and model ids are shown as they are; camelCase field names become words.
  if (/[.\-]/.test(segment) || /\d/.test(segment)) return segment;
  const spaced = segment.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/\bmtok\b/, 'MTok').replace(/\busd\b/, 'USD').replace(/\btpm\b/, 'TPM');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A dotted settings path in words: "limits.openai.monthlyTokenLimit" -> "Limits › OpenAI › Monthly token limit". */
export function settingsPathLabel(dotted: string): string {
  return dotted.split('.').filter(Boolean).map(words).join(' › ');
}

function show(value: unknown): string {
  if (value === undefined) return 'not set';
  if (value === null) return 'none';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every leaf that differs between two settings documents, in document order. Objects are
 * walked (including per-site and per-model maps); arrays (alert thresholds, extra sites) are
 * compared whole.
 */
export function settingsChanges(before: Settings, after: Settings): SettingsChange[] {
  const changes: SettingsChange[] = [];
  const walk = (a: unknown, b: unknown, path: string[]) => {
    if (isPlainObject(a) || isPlainObject(b)) {
      const left = isPlainObject(a) ? a : {};
      const right = isPlainObject(b) ? b : {};
      // Own properties only: "constructor" or "__proto__" in an imported file is a key like any other, not Object's.
      const own = (o: Record<string, unknown>, key: string) => (Object.hasOwn(o, key) ? o[key] : undefined);
      for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) walk(own(left, key), own(right, key), [...path, key]);
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    changes.push({ path: path.join('.'), label: path.map(words).join(' › '), from: show(a), to: show(b) });
  };
  walk(before, after, []);
  return changes.filter((c) => c.path !== 'version');
}
