import type { Settings } from '@/utils/core/settings/settings-schema';
import { DEFAULT_SITE_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { providerOfId } from '@/utils/core/models/model-id';
import { normaliseHost } from '@/utils/core/sites/host';
import { providersServedBy } from '@/utils/core/sites/site-providers';

/**
 * The per-site settings' keys and models. A site is one key however its host was spelled,
 * and a site's model is one of the providers it serves: a Claude model can't be chatgpt.com's.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A choice the user made: a field whose value is not the default. */
function isChoice(field: string, value: unknown): boolean {
  if (!Object.hasOwn(DEFAULT_SITE_SETTINGS, field)) return false;
  return JSON.stringify((DEFAULT_SITE_SETTINGS as Record<string, unknown>)[field]) !== JSON.stringify(value);
}

/** One entry out of several spellings of a site: the normalised key's choices first, then the others' where it kept a default. */
function merge(entries: unknown[]): unknown {
  if (entries.length === 1) return entries[0];
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    for (const [field, value] of Object.entries(entry)) {
      if (!Object.hasOwn(out, field) || (!isChoice(field, out[field]) && isChoice(field, value))) out[field] = value;
    }
  }
  return out;
}

/**
 * The sites map with every key normalised (normaliseHost); entries that differ only by case or
 * "www." are merged, the user's explicit choices kept. `merged` lists the keys that were renamed.
 */
export function normaliseSiteKeys(sites: Record<string, unknown>): { sites: Record<string, unknown>; merged: string[] } {
  const groups = new Map<string, unknown[]>();
  const merged: string[] = [];
  const keys = Object.keys(sites);
  // The key already spelled the normal way goes first: its choices win.
  const ordered = [...keys.filter((k) => normaliseHost(k) === k), ...keys.filter((k) => normaliseHost(k) !== k)];
  for (const key of ordered) {
    const host = normaliseHost(key);
    if (host !== key) merged.push(key);
    const group = groups.get(host) ?? [];
    group.push(sites[key]);
    groups.set(host, group);
  }
  const out: Record<string, unknown> = {};
  for (const [host, entries] of groups) Object.defineProperty(out, host, { value: merge(entries), enumerable: true, writable: true, configurable: true });
  return { sites: out, merged };
}

/** A settings document (any shape) with its sites map's keys normalised. */
export function withSiteKeysNormalised(doc: unknown): { doc: unknown; merged: string[] } {
  if (!isObject(doc) || !isObject(doc.sites)) return { doc, merged: [] };
  const { sites, merged } = normaliseSiteKeys(doc.sites);
  return { doc: { ...doc, sites }, merged };
}

/** Why `host` can't have `modelId` as its model, or null when it can (or the site is one the user added). */
export function siteModelProblem(host: string, modelId: string | null): string | null {
  if (!modelId) return null;
  const served = providersServedBy(host);
  if (!served) return null;
  const provider = providerOfId(modelId);
  if (provider && served.includes(provider)) return null;
  return `${modelId} is not a model ${host} runs (it serves ${served.join(', ')} models)`;
}

const MODEL_FIELDS = ['defaultModel', 'modelOverride'] as const;

/** Every site model another provider's, as errors by path ("sites.chatgpt.com.modelOverride"). */
export function siteModelErrors(sites: Settings['sites']): Array<{ path: string; message: string }> {
  return Object.entries(sites).flatMap(([host, site]) =>
    MODEL_FIELDS.flatMap((field) => {
      const problem = siteModelProblem(host, site[field]);
      return problem ? [{ path: `sites.${host}.${field}`, message: problem }] : [];
    }),
  );
}

/** The settings with each site model of a provider the site doesn't serve reset to none; `dropped` lists their paths. */
export function withoutForeignModels(settings: Settings): { settings: Settings; dropped: string[] } {
  const errors = siteModelErrors(settings.sites);
  if (!errors.length) return { settings, dropped: [] };
  const sites: Settings['sites'] = { ...settings.sites };
  for (const [host, site] of Object.entries(settings.sites)) {
    const clean = { ...site };
    for (const field of MODEL_FIELDS) if (siteModelProblem(host, site[field])) clean[field] = null;
    sites[host] = clean;
  }
  return { settings: { ...settings, sites }, dropped: errors.map((e) => e.path) };
}
