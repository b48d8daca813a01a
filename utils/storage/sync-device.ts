import { keyValueDb } from '@/utils/storage/key-value-db';
import { cleanDeviceName, defaultDeviceName, isDeviceId } from '@/utils/core/sync/device-name';

/**
 * This browser's identity in browser sync: its id (made once), the name the others show it
 * under, and whether it syncs at all. Kept in the extension's own IndexedDB, which no content
 * script can reach, so nothing a page writes can make this browser write under another's id.
 * Per browser, never synced: each browser has its own name and its own switch.
 */
export const SYNC_DEVICE_DB_NAME = 'tokentally-sync-device';
const STORE = 'device';
const KEY = 'device';

export interface SyncDevice {
  id: string;
  name: string;
  /** Browser sync of the aggregates: on unless the user turns it off. */
  enabled: boolean;
}

const open = keyValueDb(SYNC_DEVICE_DB_NAME, STORE);

function parseDevice(raw: unknown): SyncDevice | null {
  const d = raw as Partial<SyncDevice> | null;
  if (!d || typeof d !== 'object' || typeof d.id !== 'string' || !isDeviceId(d.id)) return null;
  return { id: d.id, name: cleanDeviceName(typeof d.name === 'string' ? d.name : ''), enabled: d.enabled !== false };
}

function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** This browser's identity, made on first use (a fresh id, a name from the user agent, sync on). */
export async function loadSyncDevice(userAgent = globalThis.navigator?.userAgent ?? ''): Promise<SyncDevice> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  const existing = parseDevice(await tx.store.get(KEY));
  const device = existing ?? { id: newDeviceId(), name: defaultDeviceName(userAgent), enabled: true };
  if (!existing) await tx.store.put(device, KEY);
  await tx.done;
  return device;
}

/** Renames this browser or turns its sync on or off (the id never changes). */
export async function updateSyncDevice(change: Partial<Pick<SyncDevice, 'name' | 'enabled'>>): Promise<SyncDevice> {
  const current = await loadSyncDevice();
  const next: SyncDevice = {
    id: current.id,
    name: change.name === undefined ? current.name : cleanDeviceName(change.name),
    enabled: change.enabled === undefined ? current.enabled : change.enabled,
  };
  await (await open()).put(STORE, next, KEY);
  return next;
}
