import { keyValueDb } from '@/utils/storage/key-value-db';
import { parseGuarded, type GuardedSettings } from '@/utils/core/settings/guarded-settings';

/**
 * The trusted copy of the settings that send or delete data (utils/core/settings/guarded-settings.ts),
 * in the extension's own IndexedDB: content scripts run in the sites' origins and cannot reach
 * it in any browser. Written only with a save from an extension page or the background
 * (settings-store.ts). Trusted contexts only.
 */
export const GUARDED_SETTINGS_DB_NAME = 'tokentally-guarded-settings';
const STORE = 'guarded';
const KEY = 'guarded';

const open = keyValueDb(GUARDED_SETTINGS_DB_NAME, STORE);

/** The trusted copy, or null when none was ever written (or it is unreadable). */
export async function readGuardedSettings(): Promise<GuardedSettings | null> {
  return parseGuarded(await (await open()).get(STORE, KEY));
}

export async function writeGuardedSettings(guarded: GuardedSettings): Promise<void> {
  await (await open()).put(STORE, guarded, KEY);
}

/** Writes `guarded` only if no trusted copy exists yet; returns the copy that is stored. */
export async function addGuardedSettings(guarded: GuardedSettings): Promise<GuardedSettings> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  const existing = parseGuarded(await tx.store.get(KEY));
  if (!existing) await tx.store.put(guarded, KEY);
  await tx.done;
  return existing ?? guarded;
}
