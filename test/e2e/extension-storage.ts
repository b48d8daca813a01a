import type { Page, Worker } from '@playwright/test';
import { DEFAULT_GUARDED, type GuardedSettings } from '@/utils/core/settings/guarded-settings';
import { GUARDED_SETTINGS_DB_NAME } from '@/utils/storage/guarded-settings-store';
import { CORRECTIONS_DB_NAME } from '@/utils/storage/estimate-corrections';

/**
 * The extension's own IndexedDB, written from one of its pages or its worker, as its code does:
 * the key-value databases hold one store each, created at version 1 (key-value-db.ts).
 */
type Target = Page | Worker;

function putValue(target: Target, db: string, store: string, key: string, value: unknown): Promise<void> {
  return (target as Page).evaluate(
    ({ db, store, key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(db, 1);
        open.onupgradeneeded = () => open.result.createObjectStore(store);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          if (value === undefined) tx.objectStore(store).delete(key);
          else tx.objectStore(store).put(value, key);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db, store, key, value },
  );
}

function getValue(target: Target, db: string, store: string, key: string): Promise<unknown> {
  return (target as Page).evaluate(
    ({ db, store, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open(db, 1);
        open.onupgradeneeded = () => open.result.createObjectStore(store);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => (open.result.close(), resolve(get.result));
          get.onerror = () => reject(get.error);
        };
      }),
    { db, store, key },
  );
}

/**
 * What a save from the options page does to the settings that send or delete data: their
 * trusted copy (guarded-settings.ts). Write storage.sync after it, as the options page does, so
 * the extension's watchers re-read the settings.
 */
export async function setTrustedSettings(target: Target, patch: Partial<GuardedSettings>): Promise<void> {
  const current = ((await getValue(target, GUARDED_SETTINGS_DB_NAME, 'guarded', 'guarded')) as GuardedSettings | undefined) ?? DEFAULT_GUARDED;
  await putValue(target, GUARDED_SETTINGS_DB_NAME, 'guarded', 'guarded', { ...current, ...patch });
}

export function trustedSettings(target: Target): Promise<GuardedSettings | undefined> {
  return getValue(target, GUARDED_SETTINGS_DB_NAME, 'guarded', 'guarded') as Promise<GuardedSettings | undefined>;
}

/** The estimators' corrections as the background stores them (undefined deletes them). */
export function setStoredCorrections(target: Target, corrections: unknown): Promise<void> {
  return putValue(target, CORRECTIONS_DB_NAME, 'corrections', 'estimateCorrections', corrections);
}

export function storedCorrections(target: Target): Promise<unknown> {
  return getValue(target, CORRECTIONS_DB_NAME, 'corrections', 'estimateCorrections');
}
