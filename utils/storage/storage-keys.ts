/**
 * Every key TokenTally keeps in the browser's extension storage, with the area it lives in and
 * the contexts that read and write it. Use a key from here (or add it here first): the unit
 * suite fails on any storage access to a key not listed (test/unit/setup.ts guards the fake
 * browser's storage) and on any literal key in the source that is not listed
 * (storage-keys.test.ts).
 *
 * Where things live, and why:
 * - storage.sync: settings only (small, synced across the user's browsers). Content scripts
 *   read them and write their own site's badge preferences, so sync is open to them.
 * - storage.local: what content scripts share with the background: the usage outbox, and the
 *   estimate corrections they read. Content scripts can read and write all of storage.local
 *   (Firefox cannot restrict it; Chrome can, but the outbox needs it), so NOTHING secret or
 *   trusted lives here. A content script reads only its own keys, never `get(null)`.
 * - storage.session: caches for extension pages, rebuilt by the background. Trusted contexts
 *   only (the default in Chrome and Firefox; TokenTally never opens it to content scripts).
 * - The extension's own IndexedDB (usage database, secrets database): never reachable from a
 *   content script, which runs in the site's origin. The Anthropic API key lives there
 *   (utils/storage/anthropic-key.ts).
 */

export type StorageAreaName = 'sync' | 'local' | 'session';
export type ExtensionContext = 'background' | 'pages' | 'content' | 'tests';

export interface StorageKey {
  area: StorageAreaName;
  /** The key itself, or (with `prefix: true`) the start of every key of this kind. */
  key: string;
  prefix?: true;
  readers: readonly ExtensionContext[];
  writers: readonly ExtensionContext[];
  holds: string;
}

function entry<const K extends string>(area: StorageAreaName, key: K, readers: readonly ExtensionContext[], writers: readonly ExtensionContext[], holds: string, prefix?: true) {
  return { area, key, readers, writers, holds, ...(prefix ? { prefix } : {}) } as const satisfies StorageKey;
}

export const STORAGE_KEYS = {
  /** Settings, one item per section ("settings.limits", "settings.sites", ...); see settings-store.ts. */
  settingsSections: entry('sync', 'settings.', ['background', 'pages', 'content'], ['background', 'pages', 'content'], 'the settings document, split into sections', true),
  /** The unversioned single-key settings of v0, read once and removed on the next save. */
  legacySettings: entry('sync', 'settings', ['background', 'pages', 'content'], ['background', 'pages', 'content'], 'settings as v0 stored them'),

  /** Usage events a content script has not yet had acknowledged, one item per site (a map id -> event). */
  usageOutbox: entry('local', 'usageOutbox:', ['content', 'background'], ['content', 'background'], 'unacknowledged usage events of one site (counts only)', true),
  /**
   * A sent turn whose reply has not ended, one item per turn (counts only): written by the tab
   * that sent it, replaced by its finished event in the usage outbox, or recorded as incomplete
   * by the background if the tab goes away first (turn-outbox.ts, turn-finaliser.ts).
   */
  startedTurns: entry('local', 'startedTurn:', ['content', 'background'], ['content', 'background'], 'one in-flight turn (counts only), until its reply ends', true),
  /** Per-site health as content scripts report it (who reads the page, since when), for the popup. */
  siteHealth: entry('local', 'siteHealth', ['pages', 'background'], ['background'], 'per site: adapter / fallback / none, since when, per role'),
  /** The outbox as 0.1 stores it (one item per event): the background delivers and removes any items. */
  legacyOutbox: entry('local', 'tt-pending-usage:', ['background'], ['background'], 'v0.1 outbox items, migrated at start-up', true),
  /** The Anthropic API key where 0.1 stores it, readable by content scripts: the background moves it to the secrets database and deletes it. */
  legacyAnthropicKey: entry('local', 'anthropicApiKey', ['background'], ['background'], 'v0.1 location of the Anthropic API key (moved out)'),
  /** The popup caches of 0.1, which content scripts can overwrite: removed at start-up. */
  legacyUsageRevision: entry('local', 'usageRevision', ['background'], ['background'], 'v0.1 popup snapshot revision (removed)'),
  legacyValidatedSettings: entry('local', 'validatedSettings', ['background'], ['background'], 'v0.1 location of the validated-settings cache (removed)'),
  /** Threshold alerts already shown, so a restarted worker never repeats one. */
  firedAlerts: entry('local', 'firedAlerts', ['background'], ['background'], 'keys of alerts already notified'),
  /** Meter alerts already shown, per window (utils/background/meters/meter-alerts.ts); the readings themselves live in the meters database. */
  meterAlertLedger: entry('local', 'meterAlertLedger', ['background'], ['background'], 'the highest threshold notified per site meter window'),
  /** Validated settings for the popup's start-up; see validated-settings-cache.ts. */
  validatedSettings: entry('session', 'validatedSettings', ['pages'], ['background'], 'the settings as last validated, with the text they came from'),

  /**
   * The per-user correction of each Claude estimator (utils/storage/estimate-corrections.ts):
   * ratios and sample counts only. Content scripts read it to apply it to the counts they show
   * (the counting document, which answers their counts, cannot read storage). A content script
   * could write it, which is why every value is validated and bounded (±25-33%) on read.
   */
  estimateCorrections: entry('local', 'estimateCorrections', ['background', 'pages', 'content'], ['background', 'pages'], 'per-generation ratios of exact Claude counts to estimates'),
  /** Which tab and page announced each in-flight turn, so a closed or reloaded tab's turns are finalised. */
  startedTurnTabs: entry('session', 'startedTurnTabs', ['background'], ['background'], 'in-flight turn id -> tab, page and host'),

  /** scripts/bench-popup.ts: how many events its persistent profile already holds. */
  benchSeeded: entry('local', 'benchSeeded', ['tests'], ['tests'], 'benchmark bookkeeping'),
} as const;

export type StorageKeyName = keyof typeof STORAGE_KEYS;

const ALL: readonly StorageKey[] = Object.values(STORAGE_KEYS);

/** The entry a concrete key in `area` belongs to, or undefined when it is not listed. */
export function storageKeyEntry(area: StorageAreaName, key: string): StorageKey | undefined {
  return ALL.find((k) => k.area === area && (k.prefix ? key.startsWith(k.key) && key.length > k.key.length : key === k.key));
}
