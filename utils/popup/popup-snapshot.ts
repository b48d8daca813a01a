import { browser } from 'wxt/browser';
import type { PopupData } from './popup-data';
import { rawStoredSettings } from '@/utils/settings/validated-settings-cache';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/**
 * The popup's last numbers, kept in the popup's own localStorage so the next open can paint
 * them synchronously while IndexedDB is read. They are shown only when provably current:
 * the background bumps `usageRevision` (storage.local) after every usage write, the stored
 * settings must be byte-identical, and the snapshot expires at the next local midnight or
 * period reset (days-left and periods change then). Fresh numbers replace them either way.
 */

export const USAGE_REVISION_KEY = STORAGE_KEYS.usageRevision.key;
const SNAPSHOT_KEY = 'tokentally.popupSnapshot';

interface Snapshot {
  revision: string;
  settings: string;
  validUntil: number;
  data: PopupData;
}

/** Background: call after each usage write, before replying to it. */
export async function bumpUsageRevision(): Promise<void> {
  await browser.storage.local.set({ [USAGE_REVISION_KEY]: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` });
}

export interface SnapshotKey {
  revision: string | null;
  settings: string;
}

/** What a snapshot must match: the usage revision and the raw stored settings. */
export async function currentSnapshotKey(): Promise<SnapshotKey> {
  const [local, settings] = await Promise.all([browser.storage.local.get(USAGE_REVISION_KEY), rawStoredSettings()]);
  const revision = local[USAGE_REVISION_KEY];
  return { revision: typeof revision === 'string' ? revision : null, settings };
}

/** The stored numbers if they are still exactly right for `key` at `now`, else null. */
export function readSnapshot(key: SnapshotKey, now: number): PopupData | null {
  if (!key.revision) return null;
  try {
    const raw = localStorage.getItem(SNAPSHOT_KEY);
    if (!raw) return null;
    const snap = JSON.parse(raw) as Snapshot;
    if (snap.revision !== key.revision || snap.settings !== key.settings || !(now < snap.validUntil)) return null;
    return snap.data;
  } catch {
    return null;
  }
}

export function writeSnapshot(key: SnapshotKey, data: PopupData, validUntil: number): void {
  if (!key.revision) return;
  try {
    const snap: Snapshot = { revision: key.revision, settings: key.settings, validUntil, data };
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(snap));
  } catch {
    // Storage full or unavailable: the popup just paints after its queries, as without a snapshot.
  }
}
