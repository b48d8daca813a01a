import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DeviceAggregates } from '@/utils/core/sync/sync-format';
import { deviceIdsIn, readDevices } from '@/utils/core/sync/sync-read';
import { loadSyncDevice, updateSyncDevice, type SyncDevice } from '@/utils/storage/sync-device';
import { readSyncArea, removeDeviceKeys, syncedUsageItems, watchSyncedUsage } from '@/utils/storage/sync-store';
import { writeThisDevice } from '@/utils/storage/sync-write';

export interface SyncDevicesState {
  self: SyncDevice;
  /** Every browser with readable aggregates in sync (this one's copy too), newest first. */
  devices: DeviceAggregates[];
  /** Ids with keys in sync that cannot be read (damaged, or a newer format): removable too. */
  unreadable: string[];
  now: number;
}

export interface SyncDevicesApi {
  state: SyncDevicesState | null;
  error: string | null;
  rename(name: string): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
  remove(deviceId: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The options page's "Your browsers": this browser's identity and switch, and every browser in sync. */
export function useSyncDevices(): SyncDevicesApi {
  const [state, setState] = useState<SyncDevicesState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const now = Date.now();
      const [self, all] = await Promise.all([loadSyncDevice(), readSyncArea()]);
      const items = syncedUsageItems(all);
      const devices = readDevices(items, now);
      const unreadable = deviceIdsIn(items).filter((id) => !devices.some((d) => d.id === id));
      setState({ self, devices, unreadable, now });
    } catch (e) {
      setError(`Could not read browser sync: ${message(e)}`);
    }
  }, []);

  useEffect(() => {
    void reload();
    return watchSyncedUsage(() => void reload());
  }, [reload]);

  const act = useCallback(
    (run: () => Promise<unknown>) => async () => {
      try {
        setError(null);
        await run();
      } catch (e) {
        setError(message(e));
      }
      await reload();
    },
    [reload],
  );

  return {
    state,
    error,
    // The others see the new name, or this browser again, at once rather than at the next batch.
    rename: (name) => act(async () => (await updateSyncDevice({ name }), await writeThisDevice()))(),
    // Off: this browser's keys go at once (the background's writer also removes any it finds while off).
    setEnabled: (enabled) => act(async () => (await updateSyncDevice({ enabled }), await writeThisDevice()))(),
    remove: (deviceId) => act(() => removeDeviceKeys(deviceId))(),
  };
}
