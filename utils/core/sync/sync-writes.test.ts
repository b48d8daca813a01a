import { describe, expect, it } from 'vitest';
import { deviceBudget, ownKeys, syncWrite } from '@/utils/core/sync/sync-writes';
import { DEVICE_BUDGET_BYTES, HEARTBEAT_MS, SAFETY_MARGIN_BYTES, SYNC_QUOTA } from '@/utils/core/sync/sync-format';

const NOW = Date.UTC(2026, 11, 7, 12);
const ME = 'aaaaaaaaaaaaaaaa';
const OTHER = 'bbbbbbbbbbbbbbbb';
const m = (u: number, n = 'Laptop') => ({ v: 1, n, u, c: 1, d: 0 });

describe('what a write run changes', () => {
  const stored = {
    [`tt-sync:${ME}:m`]: m(NOW - 60_000),
    [`tt-sync:${ME}:0`]: [['openai', 1, [['gpt-5', 1]]]],
    [`tt-sync:${ME}:1`]: [['openai', 0, [['gpt-5', 1]]]],
    [`tt-sync:${OTHER}:m`]: m(NOW, 'Desktop'),
    [`tt-sync:${OTHER}:0`]: [],
    'settings.limits': {},
  };

  it('sets only changed items and removes only its own stale keys', () => {
    const write = syncWrite(stored, ME, { [`tt-sync:${ME}:m`]: m(NOW), [`tt-sync:${ME}:0`]: [['openai', 1, [['gpt-5', 2]]]], [`tt-sync:${OTHER}:0`]: ['hijack'] }, NOW)!;
    expect(Object.keys(write.set).sort()).toEqual([`tt-sync:${ME}:0`, `tt-sync:${ME}:m`]);
    expect(write.remove).toEqual([`tt-sync:${ME}:1`]);
  });

  it('skips a run where only the time would change, until a heartbeat is due', () => {
    const same = { [`tt-sync:${ME}:m`]: m(NOW), [`tt-sync:${ME}:0`]: stored[`tt-sync:${ME}:0`], [`tt-sync:${ME}:1`]: stored[`tt-sync:${ME}:1`] };
    expect(syncWrite(stored, ME, same, NOW)).toBeNull();
    const later = NOW + HEARTBEAT_MS;
    expect(syncWrite(stored, ME, { ...same, [`tt-sync:${ME}:m`]: m(later) }, later)?.set).toHaveProperty(`tt-sync:${ME}:m`);
  });

  it("lists only this device's keys for removal", () => {
    expect(ownKeys(stored, ME).sort()).toEqual([`tt-sync:${ME}:0`, `tt-sync:${ME}:1`, `tt-sync:${ME}:m`]);
  });

  it('takes its full budget in an empty area, and only what the others leave in a crowded one', () => {
    expect(deviceBudget({}, ME)).toBe(DEVICE_BUDGET_BYTES);
    const crowded: Record<string, unknown> = {};
    for (let i = 0; i < 12; i++) crowded[`tt-sync:dev${String(i).padStart(8, '0')}:0`] = 'x'.repeat(7_900);
    const left = SYNC_QUOTA.totalBytes - SAFETY_MARGIN_BYTES - Object.entries(crowded).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
    expect(deviceBudget(crowded, ME)).toBe(Math.max(0, left));
    expect(deviceBudget(crowded, ME)).toBeLessThan(DEVICE_BUDGET_BYTES);
    // Its own keys do not count against it.
    expect(deviceBudget({ [`tt-sync:${ME}:0`]: 'x'.repeat(90_000) }, ME)).toBe(DEVICE_BUDGET_BYTES);
  });
});
