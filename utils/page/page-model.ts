import type { ProviderId } from '../models/model-types';
import type { SiteAdapter } from '../sites/site-adapter';
import { anthropicModelFromLabel, googleModelFromLabel, openAiModelFromLabel } from '../sites/model-labels';
import { firstMatch } from './dom-query';
import { readRenderedText } from './rendered-text';

/**
 * The model picker's label as the page shows it ("Sonnet 5", "Medium", "Pro"), or null when the
 * page shows none. Visually hidden parts (ChatGPT's "Thinking effort" span) are left out; a
 * picker that shows only an icon is read from its aria-label.
 */
export function readModelLabel(adapter: SiteAdapter): string | null {
  const el = firstMatch(adapter.selectors.model);
  if (!el) return null;
  const label =
    (el instanceof HTMLSelectElement ? el.selectedOptions[0]?.textContent : null) ??
    (el instanceof HTMLInputElement ? el.value : null) ??
    el.getAttribute('data-model') ??
    readRenderedText(el).replace(/\s+/g, ' ');
  const text = label.trim() || (el.getAttribute('aria-label') ?? '').trim();
  return text || null;
}

const LABEL_RULES: Record<ProviderId, ((label: string) => string | null)[]> = {
  openai: [openAiModelFromLabel],
  anthropic: [anthropicModelFromLabel],
  google: [googleModelFromLabel],
  clay: [openAiModelFromLabel, anthropicModelFromLabel, googleModelFromLabel],
};

/**
 * A page label as a registry id, or null when we don't recognise it (the caller then falls back
 * to the site default instead of guessing a wrong price). `isKnown` lets a label that already is
 * an API id ("gpt-4.1", "claude-sonnet-4-5" in a console picker) win before the label rules.
 */
export function modelIdFromLabel(label: string | null, provider: ProviderId, isKnown: (id: string) => boolean): string | null {
  if (!label) return null;
  const compact = label.trim().toLowerCase();
  if (isKnown(compact)) return compact;
  // The provider's label rules, most specific first ("GPT-4o mini" is gpt-4o-mini, although it
  // contains the id "gpt-4o").
  for (const rule of LABEL_RULES[provider]) {
    const id = rule(label);
    if (id) return id;
  }
  const ids = compact.match(/[a-z0-9][a-z0-9.\-]*[a-z0-9]/g)?.filter((token) => isKnown(token)) ?? [];
  return ids.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The model the page says is selected, as a registry id, or null. */
export function detectPageModel(adapter: SiteAdapter, isKnown: (id: string) => boolean): string | null {
  return modelIdFromLabel(readModelLabel(adapter), adapter.provider, isKnown);
}
