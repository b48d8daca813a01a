import type { ProviderLimits, Settings, SiteSettings } from '@/utils/core/settings/settings-schema';
import { normaliseHost } from '@/utils/core/sites/host';
import { DEFAULT_CACHE_TTL_MINUTES } from '@/utils/core/cache/prompt-cache';
import { TOKEN_PROVIDER_IDS } from '@/utils/core/models/providers';

/**
 * The default settings as plain data, for code that must not load the schema: the content
 * script (zod would be a large part of its bundle, scripts/bench-badge.ts). settings-schema.test.ts
 * checks that they equal what the schema's own defaults produce.
 */
const limits = (): ProviderLimits => ({ monthlyTokenLimit: null, monthlyBudgetUsd: null, cycleStartDay: 1, timezone: 'UTC', tpm: null, planMonthlyUsd: null });

export const DEFAULT_SITE_SETTINGS: Readonly<SiteSettings> = {
  enabled: true,
  defaultModel: null,
  modelOverride: null,
  badgePosition: 'bottom-right',
  badgeHidden: false,
  showCost: true,
  projectedOutputTokens: 1000,
};

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  limits: Object.fromEntries(TOKEN_PROVIDER_IDS.map((p) => [p, limits()])) as Settings['limits'],
  alertThresholds: [0.8, 1],
  clay: {
    planCreditsPerMonth: 20_000,
    premiumCredits: 0,
    cycleStartDay: 1,
    timezone: 'UTC',
    ownApiKey: { openai: false, anthropic: false, google: false },
    creditsPerEnrichment: {},
    avgReferenceTokens: 20,
    defaultRows: 100,
    avgOutputTokens: null,
  },
  sites: {},
  priceOverrides: {},
  claudeTokenFactor: null,
  claudeEstimateAdjust: null,
  anthropicExactCounts: false,
  retentionDays: null,
  extraSites: [],
  siteMeters: { read: true, thresholds: [0.8, 0.95], notifyOnReset: false, badge: 'fullest-window', chatgptPlan: 'none', chatgptCaps: [] },
  teamFeed: { endpoint: null, serviceName: 'tokentally', identity: null },
  cacheTtlMinutes: DEFAULT_CACHE_TTL_MINUTES,
};

/** A site's settings (any spelling of its host), or the defaults for a site the user never changed. */
export function siteSettingsFor(settings: Settings, host: string): SiteSettings {
  const key = normaliseHost(host);
  // Own entries only: a host named like an Object property finds no settings of Object's.
  return (Object.hasOwn(settings.sites, key) ? settings.sites[key] : undefined) ?? { ...DEFAULT_SITE_SETTINGS };
}
