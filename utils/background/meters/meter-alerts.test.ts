import { describe, expect, it } from 'vitest';
import { alertText, dueMeterAlerts, fullestWindow, resetTimes, trackedWindows, type AlertLedger, type TrackedWindow } from '@/utils/background/meters/meter-alerts';
import { emptyState } from '@/utils/storage/meter-store';
import type { MeterWindow } from '@/utils/core/meters/meter-types';

const NOW = Date.UTC(2026, 9, 14, 12);
const H = 3_600_000;
const tracked = (used: number, resetsAt: number | null = NOW + 2 * H, key = 'claude:session@org-a'): TrackedWindow => ({
  key,
  site: 'claude',
  accountName: 'Personal',
  window: { id: key.split('@')[0]!, label: 'Session (5 h)', used, resetsAt, lengthMs: 5 * H },
});

function step(used: number, ledger: AlertLedger, now = NOW, resetsAt: number | null = NOW + 2 * H, onReset = false) {
  return dueMeterAlerts([tracked(used, resetsAt)], ledger, [0.8, 0.95], onReset, now);
}

describe('meter threshold alerts', () => {
  it('fire once per threshold per window, the highest crossed', () => {
    let r = step(0.5, {});
    expect(r.alerts).toEqual([]);
    r = step(0.83, r.ledger);
    expect(r.alerts.map((a) => a.kind === 'threshold' && a.threshold)).toEqual([0.8]);
    r = step(0.86, r.ledger);
    expect(r.alerts).toEqual([]);
    r = step(0.99, r.ledger);
    expect(r.alerts.map((a) => a.kind === 'threshold' && a.threshold)).toEqual([0.95]);
    r = step(1, r.ledger);
    expect(r.alerts).toEqual([]);
  });

  it('a reset time that moves a little (a rolling window) does not repeat an alert', () => {
    let r = step(0.85, {});
    r = step(0.86, r.ledger, NOW + 60_000, NOW + 2 * H + 90_000);
    expect(r.alerts).toEqual([]);
  });

  it('after the window resets they fire again, and a full window’s reset is told when wanted', () => {
    let r = step(1, {}, NOW, NOW + H, true);
    expect(resetTimes(r.ledger, NOW)).toEqual([{ key: 'claude:session@org-a', at: NOW + H }]);
    r = step(0.1, r.ledger, NOW + H + 10_000, NOW + 6 * H, true);
    expect(r.alerts.map((a) => a.kind)).toEqual(['reset']);
    r = step(0.9, r.ledger, NOW + 2 * H, NOW + 6 * H, true);
    expect(r.alerts.map((a) => a.kind === 'threshold' && a.threshold)).toEqual([0.8]);
  });

  it('no reset notification unless asked for', () => {
    let r = step(1, {}, NOW, NOW + H);
    r = step(0.1, r.ledger, NOW + 2 * H, NOW + 6 * H);
    expect(r.alerts).toEqual([]);
  });

  it('words the notification with the site, window and reset', () => {
    const { title, message } = alertText({ kind: 'threshold', tracked: tracked(0.83), threshold: 0.8 });
    expect(title).toBe('Claude: Session (5 h) at 83%');
    expect(message).toMatch(/^83% of this window used \(Personal\)\. Resets /);
    expect(alertText({ kind: 'threshold', tracked: tracked(1), threshold: 0.95 }).title).toBe('Claude: Session (5 h) is full');
  });
});

describe('tracked windows and the fullest', () => {
  it('skip error readings, keep organizations apart, include counted ChatGPT caps', () => {
    const state = emptyState();
    const w: MeterWindow = { id: 'claude:weekly', label: 'Weekly', used: 0.7, resetsAt: NOW + 50 * H, lengthMs: 168 * H };
    state.readings = {
      'claude:a': { site: 'claude', account: 'a', accountName: null, active: true, windows: [w], error: null, readAt: NOW },
      'claude:b': { site: 'claude', account: 'b', accountName: null, active: false, windows: [{ ...w, used: 0.9 }], error: null, readAt: NOW },
      'claude:c': { site: 'claude', account: 'c', accountName: null, active: false, windows: [], error: { reason: 'x' }, readAt: NOW },
    };
    const windows = trackedWindows(state, [{ model: 'gpt-5', hours: 3, cap: 10 }], [{ time: NOW - 60_000, model: 'gpt-5' }], NOW);
    expect(windows.map((t) => t.key)).toEqual(['claude:weekly@a', 'claude:weekly@b', 'chatgpt:gpt-5:3h@counted']);
    expect(fullestWindow(windows, NOW)!.key).toBe('claude:weekly@b');
  });
});
