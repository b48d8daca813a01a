import { browser } from 'wxt/browser';
import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';
import { migrateSettings } from '@/utils/core/settings/settings-migrations';
import { repairSettings } from '@/utils/core/settings/settings-repair';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';
import { validateSettings, type SaveResult, type SettingsError } from '@/utils/core/settings/settings-validation';
import { DEFAULT_GUARDED, guardedOf, withGuarded } from '@/utils/core/settings/guarded-settings';
import { addGuardedSettings, readGuardedSettings, writeGuardedSettings } from '@/utils/storage/guarded-settings-store';
import { withManaged } from '@/utils/core/settings/managed-settings';
import { onLatePolicy, readManagedPolicySoon } from '@/utils/storage/managed-policy';

/**
 * Settings live in storage.sync so they follow the user across browsers (usage
 * data stays local), and those that send or delete data also in a trusted copy that wins
 * over the synced one (guarded-settings.ts). Only trusted contexts (extension pages and the
 * background) load or save them here. storage.sync allows 8 KB per item and 100 KB in total, so the
 * document is split into a few section keys, always written together in a single
 * set() call: the browser applies one set() atomically, so readers never see half
 * a save.
 */


/** Top-level settings field -> the sync key that stores it. Unlisted fields go to "general". */
const SECTION_OF: Record<string, string> = {
  version: 'meta',
  limits: 'limits',
  alertThresholds: 'limits',
  clay: 'clay',
  sites: 'sites',
  extraSites: 'sites',
  priceOverrides: 'prices',
  claudeTokenFactor: 'accuracy',
  claudeEstimateAdjust: 'accuracy',
  anthropicExactCounts: 'accuracy',
  retentionDays: 'data',
  siteMeters: 'meters',
};
const SECTIONS = ['meta', 'limits', 'clay', 'sites', 'prices', 'accuracy', 'data', 'meters', 'general'] as const;
const KEY_PREFIX = STORAGE_KEYS.settingsSections.key;
export const SETTINGS_SYNC_KEYS: readonly string[] = SECTIONS.map((s) => KEY_PREFIX + s);
/** The unversioned (v0) layout: the whole document under one key. */
export const LEGACY_SETTINGS_KEY = STORAGE_KEYS.legacySettings.key;

// Chrome's limits (Firefox's are the same or larger). Size = key length + JSON length.
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;

/** Splits a valid document into its sync items. */
export function toSyncItems(settings: Settings): Record<string, Record<string, unknown>> {
  const items: Record<string, Record<string, unknown>> = {};
  for (const [field, value] of Object.entries(settings)) {
    const key = KEY_PREFIX + (SECTION_OF[field] ?? 'general');
    (items[key] ??= {})[field] = value;
  }
  return items;
}

/** Joins the section items back into one raw document; null when nothing is stored in the split layout. */
function fromSyncItems(stored: Record<string, unknown>): Record<string, unknown> | null {
  let found = false;
  const doc: Record<string, unknown> = {};
  for (const key of SETTINGS_SYNC_KEYS) {
    const section = stored[key];
    if (section === undefined) continue;
    found = true;
    if (typeof section === 'object' && section !== null && !Array.isArray(section)) Object.assign(doc, section);
    else console.warn(`[TokenTally] settings section ${key} is corrupt; using defaults for it`);
  }
  return found ? doc : null;
}

const byteLength = (s: string) => new TextEncoder().encode(s).length;

/** Checks the sync quotas before writing, so the user gets a clear message instead of a browser error. */
export function checkSyncQuota(items: Record<string, unknown>): SettingsError[] {
  const errors: SettingsError[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(items)) {
    const size = byteLength(key) + byteLength(JSON.stringify(value));
    total += size;
    if (size > SYNC_QUOTA_BYTES_PER_ITEM) {
      errors.push({
        path: key.slice(KEY_PREFIX.length),
        message: `This section is too large to sync (${size.toLocaleString('en-US')} bytes; the browser allows ${SYNC_QUOTA_BYTES_PER_ITEM.toLocaleString('en-US')}). Remove some entries.`,
      });
    }
  }
  if (total > SYNC_QUOTA_BYTES) {
    errors.push({ path: '', message: `Settings are too large to sync (${total.toLocaleString('en-US')} bytes of ${SYNC_QUOTA_BYTES.toLocaleString('en-US')}).` });
  }
  return errors;
}

/**
 * Reads, migrates and repairs the stored settings, with the settings that send or delete data
 * as their trusted copy has them (guarded-settings.ts). Never throws: anything unreadable
 * becomes defaults.
 */
export async function loadSettings(): Promise<Settings> {
  const [own, policy] = await Promise.all([loadOwnSettings(), readManagedPolicySoon()]);
  // An organisation's policy wins over the user's own values (managed-settings.ts).
  return withManaged(own, policy);
}

async function loadOwnSettings(): Promise<Settings> {
  const synced = await loadSyncedSettings();
  try {
    const guarded = await readGuardedSettings();
    if (guarded) return withGuarded(synced, guarded);
    // No trusted copy yet (the first start of a version that keeps one): this browser's
    // settings are adopted once. A fresh install seeds it first (seedGuardedSettings).
    // The feed's endpoint never comes from the synced copy: no version before the trusted copy had one.
    return withGuarded(synced, await addGuardedSettings({ ...guardedOf(synced), otlpEndpoint: null }));
  } catch (error) {
    console.warn('[TokenTally] could not read the trusted settings; using safe defaults for them:', error);
    return withGuarded(synced, DEFAULT_GUARDED);
  }
}

/**
 * A fresh install: the synced copy (another of the user's browsers, or anything that wrote
 * it) turns nothing on and shortens nothing. Exact counts stay off, retention keeps
 * everything, every site is on, extra sites are this browser's own grants; reading the sites'
 * meters is kept off only where the synced copy had it off.
 */
export async function seedGuardedSettings(): Promise<void> {
  const synced = await loadSyncedSettings();
  await writeGuardedSettings({ ...DEFAULT_GUARDED, siteMetersRead: DEFAULT_GUARDED.siteMetersRead && synced.siteMeters.read });
}

async function loadSyncedSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.sync.get([...SETTINGS_SYNC_KEYS, LEGACY_SETTINGS_KEY]);
    const raw = fromSyncItems(stored) ?? stored[LEGACY_SETTINGS_KEY] ?? {};
    return settingsFromRaw(raw);
  } catch (error) {
    console.warn('[TokenTally] could not read settings; using defaults:', error);
    return settingsSchema.parse({});
  }
}

/** Migrates and repairs a raw document (from storage or an imported file). Never throws. */
export function settingsFromRaw(raw: unknown): Settings {
  let doc: unknown = raw;
  try {
    const migrated = migrateSettings(raw);
    if (!migrated.ok) {
      console.warn(`[TokenTally] settings were written by a newer TokenTally (v${migrated.from}); reading what this version understands`);
    }
    doc = { ...migrated.doc, version: settingsSchema.shape.version.parse(undefined) };
  } catch (error) {
    console.warn('[TokenTally] settings migration failed; repairing as is:', error);
  }
  const { settings, damage } = repairSettings(doc);
  if (damage.length > 0) console.warn('[TokenTally] corrupt settings reset to defaults:', damage.join(', '));
  return settings;
}

// Saves from one context run one after another, so updateSettings() never loses a concurrent change.
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function writeSettings(next: Settings): Promise<SaveResult> {
  const valid = validateSettings(next);
  if (!valid.ok) return valid;
  const items = toSyncItems(valid.settings);
  const quota = checkSyncQuota(items);
  if (quota.length > 0) return { ok: false, errors: quota };
  // The trusted copy first: watchers of storage.sync re-read the settings as soon as it changes.
  const before = await readGuardedSettings().catch(() => null);
  try {
    await writeGuardedSettings(guardedOf(valid.settings));
    await browser.storage.sync.set(items);
  } catch (error) {
    if (before) await writeGuardedSettings(before).catch(() => undefined);
    return { ok: false, errors: [{ path: '', message: storageErrorMessage(error) }] };
  }
  // The legacy single-key document is now superseded. Removing it only when present
  // spares a write: storage.sync allows 120 writes a minute.
  try {
    const legacy = await browser.storage.sync.get(LEGACY_SETTINGS_KEY);
    if (legacy[LEGACY_SETTINGS_KEY] !== undefined) await browser.storage.sync.remove(LEGACY_SETTINGS_KEY);
  } catch {
    // Best-effort: loadSettings() prefers the sectioned layout anyway.
  }
  return { ok: true };
}

/** storage.sync's quota errors name the quota; turn them into advice. */
export function storageErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED/i.test(message)) return 'Too many saves in a short time; wait a minute and save again.';
  if (/QUOTA_BYTES|quota/i.test(message)) return `Settings are too large to sync: ${message}`;
  return `Could not save settings: ${message}`;
}

/** Validates and saves the whole document in one atomic write; nothing is written when invalid. */
export function saveSettings(next: Settings): Promise<SaveResult> {
  return serialized(() => writeSettings(next));
}

/** Reads the current settings, applies `change` and saves the result (same rules as saveSettings). */
export function updateSettings(change: (current: Settings) => Settings): Promise<SaveResult> {
  return serialized(async () => {
    const current = await loadSettings();
    let next: Settings;
    try {
      next = change(current);
    } catch (error) {
      return { ok: false, errors: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
    }
    return writeSettings(next);
  });
}

/** Calls `onChange` with the new settings whenever they change (in this or another browser). */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  let stopped = false;
  const reload = () =>
    void loadSettings().then((s) => {
      if (!stopped) onChange(s);
    });
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' && area !== 'managed') return;
    if (area === 'sync' && !Object.keys(changes).some((k) => SETTINGS_SYNC_KEYS.includes(k) || k === LEGACY_SETTINGS_KEY)) return;
    reload();
  };
  browser.storage.onChanged.addListener(listener);
  // A policy the browser was slow to give (managed-policy.ts) is a change like any other.
  const stopLate = onLatePolicy(reload);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
    stopLate();
  };
}
