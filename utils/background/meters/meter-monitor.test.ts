import { describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';
import type { AlertLedger, MeterAlert } from '@/utils/background/meters/meter-alerts';
import { emptyState, type SiteMetersState } from '@/utils/storage/meter-store';
import { createMeterMonitor, siteWindowBadge } from '@/utils/background/meters/meter-monitor';

const NOW = Date.UTC(2026, 10, 29, 12);
const H = 3_600_000;

function stateWith(used: number, resetsAt = NOW + 2 * H): SiteMetersState {
  const s = emptyState();
  s.readings['claude:org'] = {
    site: 'claude',
    account: 'org',
    accountName: 'Personal',
    active: true,
    error: null,
    readAt: NOW,
    windows: [{ id: 'claude:session', label: 'Session (5 h)', used, resetsAt, lengthMs: 5 * H }],
  };
  return s;
}

function settings(patch: (s: Settings) => void = () => {}): Settings {
  const s = structuredClone(settingsSchema.parse({}));
  patch(s);
  return s;
}

describe('meter monitor', () => {
  it('notifies once per threshold, across worker restarts, and schedules the full window’s reset', async () => {
    let state = stateWith(0.85);
    let ledger: AlertLedger = {};
    let now = NOW;
    const notified: MeterAlert[] = [];
    const scheduled: Array<Array<{ key: string; at: number }>> = [];
    const deps = {
      loadSettings: async () => settings((s) => (s.siteMeters.notifyOnReset = true)),
      loadState: async () => state,
      messagesSince: async () => [],
      now: () => now,
      notify: async (a: MeterAlert) => void notified.push(a),
      loadLedger: async () => structuredClone(ledger),
      saveLedger: async (l: AlertLedger) => void (ledger = structuredClone(l)),
      scheduleResets: async (t: Array<{ key: string; at: number }>) => void scheduled.push(t),
    };
    await createMeterMonitor(deps).refresh();
    expect(notified.map((a) => a.kind === 'threshold' && a.threshold)).toEqual([0.8]);
    // A new worker reads the ledger: no repeat.
    await createMeterMonitor(deps).refresh();
    expect(notified).toHaveLength(1);
    state = stateWith(1);
    await createMeterMonitor(deps).refresh();
    expect(notified.map((a) => a.kind === 'threshold' && a.threshold)).toEqual([0.8, 0.95]);
    expect(scheduled.at(-1)).toEqual([{ key: 'claude:session@org', at: NOW + 2 * H }]);
    // The reset alarm fires: the full window has reset.
    now = NOW + 2 * H + 5_000;
    state = stateWith(1, NOW + 2 * H);
    await createMeterMonitor(deps).refresh();
    expect(notified.at(-1)).toMatchObject({ kind: 'reset' });
    expect(scheduled.at(-1)).toEqual([]);
  });
});

describe('toolbar badge: the fullest window', () => {
  const sources = (state: SiteMetersState) => ({ loadState: async () => state, messagesSince: async () => [] });

  it('shows the fullest window when asked, coloured by the meter thresholds', async () => {
    const badge = await siteWindowBadge(settings((s) => (s.siteMeters.badge = 'fullest-window')), NOW, sources(stateWith(0.96)));
    expect(badge).toMatchObject({ text: '96%', title: 'TokenTally: Claude Session (5 h) at 96%' });
    expect(badge!.color).toBe('#b45309');
  });

  it('is the default: a meter that is known leads the toolbar badge', async () => {
    expect(await siteWindowBadge(settings(), NOW, sources(stateWith(0.96)))).toMatchObject({ text: '96%' });
  });

  it('leaves the usual badge when switched to own limits, or when no window is known', async () => {
    expect(await siteWindowBadge(settings((s) => (s.siteMeters.badge = 'own-limits')), NOW, sources(stateWith(0.96)))).toBeNull();
    expect(await siteWindowBadge(settings(), NOW, sources(emptyState()))).toBeNull();
    expect(await siteWindowBadge(settings((s) => (s.siteMeters.badge = 'fullest-window')), NOW, sources(emptyState()))).toBeNull();
  });
});
