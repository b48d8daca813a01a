import type { SiteAdapter } from '../sites/site-adapter';
import { firstMatch } from './find-fields';

/**
 * The model the page says is selected, as a registry id, or null when the page shows
 * none we recognise. `isKnown` lets a label that already is an API id ("gpt-4.1",
 * "claude-sonnet-4-5" in a console picker) win before fuzzy label rules.
 */
export function detectPageModel(adapter: SiteAdapter, isKnown: (id: string) => boolean): string | null {
  const el = firstMatch(adapter.modelSelectors);
  if (!el) return null;
  const label =
    (el instanceof HTMLSelectElement ? el.selectedOptions[0]?.textContent : null) ??
    (el instanceof HTMLInputElement ? el.value : null) ??
    el.getAttribute('data-model') ??
    el.textContent ??
    '';
  const compact = label.trim().toLowerCase();
  // A console picker may show the API id itself ("gpt-4.1"): take it as is.
  if (isKnown(compact)) return compact;
  // Then the site's label rules, most specific first ("ChatGPT GPT-4o mini" is gpt-4o-mini,
  // although it contains the id "gpt-4o").
  const fromRules = adapter.modelFromLabel?.(label) ?? null;
  if (fromRules) return fromRules;
  const ids = compact.match(/[a-z0-9][a-z0-9.\-]*[a-z0-9]/g)?.filter((token) => isKnown(token)) ?? [];
  return ids.sort((a, b) => b.length - a.length)[0] ?? null;
}
