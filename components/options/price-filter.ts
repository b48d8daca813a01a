import type { ModelInfo } from '@/utils/core/models/model-types';
import type { Settings } from '@/utils/core/settings/settings-schema';

/** The models a person uses: ones with recorded usage, picked for a site, or given their own price. */
export function modelsInUse(recorded: Iterable<string>, settings: Pick<Settings, 'sites' | 'priceOverrides'>): Set<string> {
  const ids = new Set(recorded);
  for (const site of Object.values(settings.sites ?? {})) {
    if (site.defaultModel) ids.add(site.defaultModel);
    if (site.modelOverride) ids.add(site.modelOverride);
  }
  for (const id of Object.keys(settings.priceOverrides ?? {})) ids.add(id);
  return ids;
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s._-]+/g, '');

/** The Prices table's rows for a search (label or id, spacing and dots ignored) and the "models I use" filter. */
export function filterPriceRows(models: readonly ModelInfo[], query: string, onlyUsed: Set<string> | null): ModelInfo[] {
  const q = normalise(query.trim());
  return models.filter((m) => (!onlyUsed || onlyUsed.has(m.id)) && (!q || normalise(m.label).includes(q) || normalise(m.id).includes(q)));
}
