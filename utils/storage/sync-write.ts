import type { ProviderId } from '@/utils/core/models/model-types';
import type { Settings } from '@/utils/core/settings/settings-schema';
import type { UsageTotals } from '@/utils/core/usage/usage-totals';
import { planDeviceItems } from '@/utils/core/sync/sync-format';
import { periodsFromRows, syncPeriodRanges } from '@/utils/core/sync/sync-periods';
import { deviceBudget, ownKeys, syncWrite } from '@/utils/core/sync/sync-writes';
import { loadSyncDevice } from '@/utils/storage/sync-device';
import { applySyncWrite, readSyncArea } from '@/utils/storage/sync-store';
import { loadSettings } from '@/utils/storage/settings-store';
import { getTotalsByModel } from '@/utils/storage/usage-queries';

export interface SyncWriteDeps {
  loadSettings(): Promise<Settings>;
  getTotalsByModel(range: { from: number; to: number }): Promise<Array<{ provider: ProviderId; model: string; totals: UsageTotals }>>;
  now(): number;
}

export const defaultSyncWriteDeps: SyncWriteDeps = { loadSettings, getTotalsByModel, now: Date.now };

export type SyncRunResult = 'off' | 'written' | 'unchanged' | 'no-space';

/**
 * One write of this browser's monthly aggregates, from the usage store, over its own keys
 * (only the items that changed). With sync off, its keys are removed instead. The background
 * runs it in batches (utils/background/sync/sync-writer.ts); the options page once when the
 * user turns sync on or renames this browser.
 */
export async function writeThisDevice(deps: SyncWriteDeps = defaultSyncWriteDeps): Promise<SyncRunResult> {
  const device = await loadSyncDevice();
  const all = await readSyncArea();
  if (!device.enabled) {
    const keys = ownKeys(all, device.id);
    if (keys.length) await applySyncWrite({ set: {}, remove: keys });
    return 'off';
  }
  const now = deps.now();
  const ranges = syncPeriodRanges(await deps.loadSettings(), now);
  const rows = await Promise.all(ranges.map(({ from, to }) => deps.getTotalsByModel({ from, to })));
  const plan = planDeviceItems(device.id, { name: device.name, updatedAt: now }, periodsFromRows(ranges, rows), deviceBudget(all, device.id));
  if (!plan) return 'no-space';
  const write = syncWrite(all, device.id, plan.items, now);
  if (!write) return 'unchanged';
  // Sync may have been turned off while this run read the usage.
  if (!(await loadSyncDevice()).enabled) return 'off';
  await applySyncWrite(write);
  return 'written';
}
