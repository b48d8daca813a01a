import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';
import { isDeviceKey } from '@/utils/core/sync/sync-format';
import { readDevices } from '@/utils/core/sync/sync-read';
import type { SyncWrite } from '@/utils/core/sync/sync-writes';

/**
 * The browsers' usage aggregates in storage.sync (utils/core/sync/). Reads take the whole area,
 * because each browser's keys carry its id; everything read is validated by sync-read.ts.
 * Writes and removals name one device's keys only.
 */
export const SYNC_KEY_PREFIX = STORAGE_KEYS.syncedUsage.key;

/** The whole of storage.sync (settings included): the writer needs it for the quota arithmetic. */
export async function readSyncArea(): Promise<Record<string, unknown>> {
  return (await browser.storage.sync.get(null)) as Record<string, unknown>;
}

/** Only the aggregates' keys of `all`. */
export function syncedUsageItems(all: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(SYNC_KEY_PREFIX)));
}

/** Every browser's validated aggregates, this one's included (callers leave out their own id). */
export async function readSyncedDevices(now = Date.now()) {
  return readDevices(syncedUsageItems(await readSyncArea()), now);
}

export async function applySyncWrite(write: SyncWrite): Promise<void> {
  if (Object.keys(write.set).length) await browser.storage.sync.set(write.set);
  if (write.remove.length) await browser.storage.sync.remove(write.remove);
}

/** Removes every key of one device (the user's Remove, or this browser turning sync off). */
export async function removeDeviceKeys(deviceId: string): Promise<number> {
  const keys = Object.keys(await readSyncArea()).filter((key) => key.startsWith(SYNC_KEY_PREFIX) && isDeviceKey(deviceId, key));
  if (keys.length) await browser.storage.sync.remove(keys);
  return keys.length;
}

/** Calls `onChange` when any browser's aggregates change in storage.sync. */
export function watchSyncedUsage(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && Object.keys(changes).some((key) => key.startsWith(SYNC_KEY_PREFIX))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
