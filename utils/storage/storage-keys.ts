/**
 * Every key TokenTally keeps in the browser's extension storage, with the area it lives in and
 * the contexts that read and write it. Use a key from here (or add it here first): the unit
 * suite fails on any storage access to a key not listed (test/unit/setup.ts guards the fake
 * browser's storage) and on any literal key in the source that is not listed
 * (storage-keys.test.ts).
 *
 * Where things live, and why:
 * Content scripts read and write no extension storage: they ask the background through checked
 * messages. The background restricts every area to trusted contexts at start where the browser
 * can (Chromium: all three; Firefox: storage.session only, background/storage-access.ts), so in
 * Firefox a content script can still write `local` and `sync`, and everything read from them is
 * treated as hostile input.
 * - storage.sync: settings (small, synced across the user's browsers), re-validated on every
 *   read. The settings that send or delete data win from their trusted copy in IndexedDB
 *   (guarded-settings.ts), so a synced copy never changes them by itself. And each browser's
 *   monthly usage aggregates under its own device id (utils/core/sync/), validated on read.
 * - storage.local: small background state (alerts already shown, site health), validated on
 *   read; and the keys earlier versions shared with content scripts, which the background
 *   clears at start (migrate-storage.ts). NOTHING secret or trusted lives here.
 * - storage.session: caches for extension pages, rebuilt by the background. Trusted contexts
 *   only (the default in Chrome and Firefox).
 * - The extension's own IndexedDB (usage, secrets, meters, saved and held turns, guarded
 *   settings, estimate corrections): never reachable from a content script, which runs in the
 *   site's origin.
 * - storage.managed: an organisation's policy, written by the browser only and read whole by
 *   trusted contexts (utils/storage/managed-policy.ts; the schema is public/managed_schema.json).
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
  settingsSections: entry('sync', 'settings.', ['background', 'pages'], ['background', 'pages'], 'the settings document, split into sections', true),
  /** Each browser's monthly usage aggregates, under its own device id (utils/core/sync/sync-format.ts); untrusted on read (sync-read.ts). */
  syncedUsage: entry('sync', 'tt-sync:', ['background', 'pages'], ['background', 'pages'], "each browser's monthly counts and costs per provider and model (no text), under its own device id", true),
  /** The popup's scope: all your browsers, or this one (popup-scope.ts). */
  popupScope: entry('local', 'popupScope', ['pages'], ['pages'], 'the popup scope the user last chose'),
  /** The unversioned single-key settings of v0, read once and removed on the next save. */
  legacySettings: entry('sync', 'settings', ['background', 'pages'], ['background', 'pages'], 'settings as v0 stored them'),

  /** An earlier version's per-site outbox of unacknowledged events: cleared at start-up, its turns held for the user's review. */
  usageOutbox: entry('local', 'usageOutbox:', ['background'], ['background'], 'unacknowledged usage events of an earlier version (cleared)', true),
  /** An earlier version's started turns, one item per turn: cleared at start-up like the outbox (the background now saves them, pending-turns.ts). */
  startedTurns: entry('local', 'startedTurn:', ['background'], ['background'], 'in-flight turns of an earlier version (cleared)', true),
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

  /** Where an earlier version kept the estimators' corrections, within content scripts' reach: removed at start-up (they now live in IndexedDB). */
  estimateCorrections: entry('local', 'estimateCorrections', ['background'], ['background'], 'estimate corrections of an earlier version (removed)'),

  /** scripts/bench-popup.ts: how many events its persistent profile already holds. */
  benchSeeded: entry('local', 'benchSeeded', ['tests'], ['tests'], 'benchmark bookkeeping'),
} as const;

export type StorageKeyName = keyof typeof STORAGE_KEYS;

const ALL: readonly StorageKey[] = Object.values(STORAGE_KEYS);

/** The entry a concrete key in `area` belongs to, or undefined when it is not listed. */
export function storageKeyEntry(area: StorageAreaName, key: string): StorageKey | undefined {
  return ALL.find((k) => k.area === area && (k.prefix ? key.startsWith(k.key) && key.length > k.key.length : key === k.key));
}
