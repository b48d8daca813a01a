import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { emptyTotals, type UsageTotals } from '@/utils/core/usage/usage-totals';
import type { ProviderId } from '@/utils/core/models/model-types';
import { loadSyncDevice, updateSyncDevice } from '@/utils/storage/sync-device';
import { readSyncArea, readSyncedDevices, removeDeviceKeys } from '@/utils/storage/sync-store';
import { writeThisDevice, type SyncWriteDeps } from '@/utils/storage/sync-write';
import { DEVICE_BUDGET_BYTES, itemBytes } from '@/utils/core/sync/sync-format';
import { cacheValidatedSettings, readCurrentValidatedSettings } from '@/utils/storage/validated-settings-cache';
import { loadSettings } from '@/utils/storage/settings-store';

const NOW = Date.UTC(2026, 11, 7, 12);
const DEC = Date.UTC(2026, 11, 1);
const OTHER = 'bbbbbbbbbbbbbbbb';

function deps(rowsFor: (from: number) => Array<{ provider: ProviderId; model: string; totals: UsageTotals }>): SyncWriteDeps {
  return { loadSettings: async () => DEFAULT_SETTINGS, getTotalsByModel: async ({ from }) => rowsFor(from), now: () => NOW };
}
const t = (p: Partial<UsageTotals>): UsageTotals => ({ ...emptyTotals(), ...p });

describe('writing this browser to sync', () => {
  const otherItems = { [`tt-sync:${OTHER}:m`]: { v: 1, n: 'Desktop', u: NOW, c: 1, d: 0 }, [`tt-sync:${OTHER}:0`]: [['openai', DEC, [['gpt-5', 5, 0, 1, 1]]]] };
  beforeEach(async () => {
    await fakeBrowser.storage.sync.set(otherItems);
  });

  it("writes this month's aggregates under its own id only, and leaves the other browser's keys as they were", async () => {
    const self = await loadSyncDevice('Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0');
    expect(self).toMatchObject({ name: 'Chrome on Linux', enabled: true });
    const result = await writeThisDevice(deps((from) => (from === DEC ? [{ provider: 'openai', model: 'gpt-5', totals: t({ promptTokens: 40, outputTokens: 4, turns: 2, costUsd: 0.25 }) }] : [])));
    expect(result).toBe('written');
    const all = await readSyncArea();
    expect(all[`tt-sync:${OTHER}:m`]).toEqual(otherItems[`tt-sync:${OTHER}:m`]);
    expect(all[`tt-sync:${OTHER}:0`]).toEqual(otherItems[`tt-sync:${OTHER}:0`]);
    const mine = Object.keys(all).filter((k) => k.startsWith(`tt-sync:${self.id}:`));
    expect(mine.sort()).toEqual([`tt-sync:${self.id}:0`, `tt-sync:${self.id}:m`]);
    expect(mine.reduce((n, k) => n + itemBytes(k, all[k]), 0)).toBeLessThan(DEVICE_BUDGET_BYTES);
    const devices = await readSyncedDevices(NOW);
    expect(devices.map((d) => d.name).sort()).toEqual(['Chrome on Linux', 'Desktop']);
    expect(devices.find((d) => d.id === self.id)!.periods).toEqual([{ provider: 'openai', from: DEC, rows: [{ model: 'gpt-5', sums: expect.objectContaining({ promptTokens: 40, turns: 2, costUsd: 0.25 }) }] }]);
    // Nothing new: no write.
    expect(await writeThisDevice(deps((from) => (from === DEC ? [{ provider: 'openai', model: 'gpt-5', totals: t({ promptTokens: 40, outputTokens: 4, turns: 2, costUsd: 0.25 }) }] : [])))).toBe('unchanged');
  });

  it("sync off removes this browser's keys and writes nothing more", async () => {
    const none = deps(() => [{ provider: 'anthropic', model: 'claude-opus-4-8', totals: t({ promptTokens: 1, turns: 1 }) }]);
    await writeThisDevice(none);
    const self = await updateSyncDevice({ enabled: false });
    expect(await writeThisDevice(none)).toBe('off');
    const keys = Object.keys(await readSyncArea());
    expect(keys.some((k) => k.includes(self.id))).toBe(false);
    expect(keys).toContain(`tt-sync:${OTHER}:m`);
  });

  it('removing a device takes all its keys and nothing else', async () => {
    await fakeBrowser.storage.sync.set({ [`tt-sync:${OTHER}:1`]: 'junk' });
    expect(await removeDeviceKeys(OTHER)).toBe(3);
    expect(Object.keys(await readSyncArea())).toEqual([]);
  });

  it('keeps its id across loads and renames, and cleans the name', async () => {
    const first = await loadSyncDevice();
    const renamed = await updateSyncDevice({ name: '  Work\u0000 laptop  ' });
    expect(renamed).toEqual({ id: first.id, name: 'Work laptop', enabled: true });
    expect((await loadSyncDevice()).id).toBe(first.id);
  });

  it("the popup's settings cache stays current while the aggregates change", async () => {
    await cacheValidatedSettings(loadSettings);
    expect(await readCurrentValidatedSettings()).not.toBeNull();
    await writeThisDevice(deps(() => [{ provider: 'openai', model: 'gpt-5', totals: t({ promptTokens: 3, turns: 1 }) }]));
    await fakeBrowser.storage.sync.set({ [`tt-sync:${OTHER}:m`]: { v: 1, n: 'Renamed', u: NOW, c: 0, d: 0 } });
    expect(await readCurrentValidatedSettings()).not.toBeNull();
  });
});
