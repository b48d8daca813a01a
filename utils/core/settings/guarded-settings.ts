import type { Settings } from '@/utils/core/settings/settings-schema';
import { DEFAULT_SETTINGS, DEFAULT_SITE_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { normaliseHost } from '@/utils/core/sites/host';
import { isOtlpEndpoint } from '@/utils/core/telemetry/otlp-endpoint';

/**
 * The settings that send data or delete it: opt-in exact counts (prompt text to Anthropic),
 * retention (deletes records), the sites' switches (recording on or off), reading the sites'
 * own meters (requests with the user's session), the extra sites (content scripts on more
 * hosts) and the team feed's endpoint (where counts are sent). Their trusted copy is kept where only the extension's own pages and background write
 * (utils/storage/guarded-settings-store.ts); the synced copy is a convenience that content
 * scripts can write in Firefox, so it never changes them by itself. Only a save from an
 * extension page does, and that save writes both.
 */
export interface GuardedSettings {
  anthropicExactCounts: boolean;
  retentionDays: number | null;
  /** Each site the user switched, by host; a site not listed is on (the default). */
  siteEnabled: Record<string, boolean>;
  siteMetersRead: boolean;
  extraSites: string[];
  /** The team feed's collector: where counts are sent; null = the feed is off. */
  otlpEndpoint: string | null;
}

export function guardedOf(settings: Settings): GuardedSettings {
  const siteEnabled: Record<string, boolean> = {};
  for (const [host, site] of Object.entries(settings.sites)) if (site.enabled !== DEFAULT_SITE_SETTINGS.enabled) siteEnabled[normaliseHost(host)] = site.enabled;
  return {
    anthropicExactCounts: settings.anthropicExactCounts,
    retentionDays: settings.retentionDays,
    siteEnabled,
    siteMetersRead: settings.siteMeters.read,
    extraSites: [...settings.extraSites],
    otlpEndpoint: settings.teamFeed.endpoint,
  };
}

/** The defaults: what applies when nothing trusted was ever saved (a fresh install). */
export const DEFAULT_GUARDED: GuardedSettings = guardedOf(DEFAULT_SETTINGS);

/** `settings` with every guarded field as the trusted copy has it, whatever the synced copy says. */
export function withGuarded(settings: Settings, guarded: GuardedSettings): Settings {
  const sites: Settings['sites'] = {};
  const enabledOf = (host: string) => (Object.hasOwn(guarded.siteEnabled, host) ? guarded.siteEnabled[host]! : DEFAULT_SITE_SETTINGS.enabled);
  for (const [host, site] of Object.entries(settings.sites)) sites[host] = { ...site, enabled: enabledOf(normaliseHost(host)) };
  for (const [host, enabled] of Object.entries(guarded.siteEnabled)) if (!Object.hasOwn(sites, host)) sites[host] = { ...DEFAULT_SITE_SETTINGS, enabled };
  return {
    ...settings,
    anthropicExactCounts: guarded.anthropicExactCounts,
    retentionDays: guarded.retentionDays,
    sites,
    siteMeters: { ...settings.siteMeters, read: guarded.siteMetersRead },
    extraSites: [...guarded.extraSites],
    teamFeed: { ...settings.teamFeed, endpoint: guarded.otlpEndpoint },
  };
}

// Loose on purpose: an odd but harmless spelling must not cost the user their trusted copy.
const isHost = (h: unknown): h is string => typeof h === 'string' && h.length > 0 && h.length <= 253 && !(h in Object.prototype);

/** The stored trusted copy, checked like everything read back; null when absent or unreadable. */
export function parseGuarded(raw: unknown): GuardedSettings | null {
  const g = raw as Partial<Record<keyof GuardedSettings, unknown>> | null;
  if (!g || typeof g !== 'object') return null;
  const retention = g.retentionDays;
  const retentionOk = retention === null || (typeof retention === 'number' && Number.isInteger(retention) && retention >= 1 && retention <= 3650);
  const sites = g.siteEnabled;
  const sitesOk = !!sites && typeof sites === 'object' && !Array.isArray(sites) && Object.entries(sites).every(([h, on]) => isHost(h) && typeof on === 'boolean');
  const extra = g.extraSites;
  const extraOk = Array.isArray(extra) && extra.length <= 200 && extra.every(isHost);
  // A copy saved before the feed existed has no endpoint: the feed is off, the rest is kept.
  const endpoint = g.otlpEndpoint ?? null;
  const endpointOk = endpoint === null || (typeof endpoint === 'string' && isOtlpEndpoint(endpoint));
  if (typeof g.anthropicExactCounts !== 'boolean' || typeof g.siteMetersRead !== 'boolean' || !retentionOk || !sitesOk || !extraOk || !endpointOk) return null;
  return {
    anthropicExactCounts: g.anthropicExactCounts,
    retentionDays: retention as number | null,
    siteEnabled: { ...(sites as Record<string, boolean>) },
    siteMetersRead: g.siteMetersRead,
    extraSites: [...(extra as string[])],
    otlpEndpoint: endpoint as string | null,
  };
}
