import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/**
 * The validated form of the settings stored in storage.sync, kept in storage.session by the
 * background (the only context that always has the settings code loaded). The popup uses it
 * to start its queries without loading zod, the largest part of its JavaScript, and only
 * while storage.sync still holds byte-identical text from the same extension version.
 * storage.session is for trusted contexts only (content scripts cannot read or forge it) and
 * is emptied when the browser quits; the background fills it again whenever it starts.
 */
export const VALIDATED_SETTINGS_KEY = STORAGE_KEYS.validatedSettings.key;

interface ValidatedSettings {
  version: string;
  raw: string;
  settings: Settings;
}

/**
 * storage.sync's settings as canonical text (sorted keys): equal text means equal stored
 * settings. The browsers' usage aggregates share the area but are no settings: they change
 * with every synced turn and would keep the cache from ever matching.
 */
export async function rawStoredSettings(): Promise<string> {
  const all = await browser.storage.sync.get(null);
  return stableJson(Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith(STORAGE_KEYS.syncedUsage.key))));
}

/** True when two settings documents hold the same values (storage may reorder keys). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/**
 * Background: loads the settings and caches their validated form, but only if storage.sync
 * did not change while they were loaded (else the next change's call caches the newer ones).
 */
export async function cacheValidatedSettings(load: () => Promise<Settings>): Promise<void> {
  const before = await rawStoredSettings();
  const settings = await load();
  const raw = await rawStoredSettings();
  if (raw !== before) return;
  // The worker restarts often; most starts find the entry already current.
  const current = await readValidatedSettings();
  if (current?.raw === raw) return;
  const entry: ValidatedSettings = { version: extensionVersion(), raw, settings };
  await browser.storage.session.set({ [VALIDATED_SETTINGS_KEY]: entry });
}

/** The cached validated settings and the raw text they came from, if written by this version. */
export async function readValidatedSettings(): Promise<{ raw: string; settings: Settings } | null> {
  try {
    const entry = (await browser.storage.session.get(VALIDATED_SETTINGS_KEY))[VALIDATED_SETTINGS_KEY] as Partial<ValidatedSettings> | undefined;
    if (!entry || entry.version !== extensionVersion() || typeof entry.raw !== 'string' || !entry.settings || typeof entry.settings !== 'object') return null;
    return { raw: entry.raw, settings: entry.settings };
  } catch {
    return null;
  }
}

/** The cached validated settings if storage.sync still holds exactly the text they came from, else null. */
export async function readCurrentValidatedSettings(): Promise<Settings | null> {
  const [cached, raw] = await Promise.all([readValidatedSettings(), rawStoredSettings()]);
  return cached && cached.raw === raw ? cached.settings : null;
}
