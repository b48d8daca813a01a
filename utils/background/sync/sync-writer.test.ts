import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { startSyncWriter, SYNC_HEARTBEAT_ALARM, SYNC_WRITE_ALARM } from '@/utils/background/sync/sync-writer';
import type { SyncWriteDeps } from '@/utils/storage/sync-write';

describe('the sync writer', () => {
  it('batches: turns recorded in a burst ask for one write, at least a minute after the last run', async () => {
    let now = Date.UTC(2026, 11, 7, 12);
    const deps: SyncWriteDeps = { loadSettings: async () => DEFAULT_SETTINGS, getTotalsByModel: async () => [], now: () => now };
    const write = vi.fn(async () => 'unchanged' as const);
    const onTurns = startSyncWriter(deps, write);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_HEARTBEAT_ALARM)).toMatchObject({ periodInMinutes: 360 }));

    onTurns();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_WRITE_ALARM)).toBeTruthy());
    const first = (await fakeBrowser.alarms.get(SYNC_WRITE_ALARM))!.scheduledTime;
    expect(first).toBe(now + 5_000);
    now += 2_000;
    onTurns();
    onTurns();
    await new Promise((r) => setTimeout(r, 20));
    // A pending write is not pushed back by more turns.
    expect((await fakeBrowser.alarms.get(SYNC_WRITE_ALARM))!.scheduledTime).toBe(first);

    await fakeBrowser.alarms.clear(SYNC_WRITE_ALARM);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_WRITE_ALARM, scheduledTime: now });
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    const ranAt = now;
    now += 10_000;
    onTurns();
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(SYNC_WRITE_ALARM))?.scheduledTime).toBe(ranAt + 60_000));

    // Other alarms are not its business; the heartbeat runs it too.
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'tokentally-retention', scheduledTime: now });
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_HEARTBEAT_ALARM, scheduledTime: now });
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(2));
  });

  it('a failed write is reported and does not stop the next one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const write = vi.fn().mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded')).mockResolvedValue('written');
    startSyncWriter({ loadSettings: async () => DEFAULT_SETTINGS, getTotalsByModel: async () => [], now: Date.now }, write);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_WRITE_ALARM, scheduledTime: Date.now() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_WRITE_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    expect(warn).toHaveBeenCalledWith('[TokenTally] browser sync:', expect.any(Error));
    warn.mockRestore();
  });
});
