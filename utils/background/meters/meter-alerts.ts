import { thresholdLevel } from '@/utils/core/usage/limit-status';
import { chatgptWindows, type SentMessage } from '@/utils/core/meters/chatgpt-windows';
import type { MessageCap } from '@/utils/core/meters/chatgpt-caps';
import type { SiteMetersState } from '@/utils/storage/meter-store';
import type { MeterSite, MeterWindow } from '@/utils/core/meters/meter-types';

/**
 * Alerts for the sites' windows: a notification when a window crosses one of the user's
 * thresholds (80% and 95% by default), and, if wanted, when a full window resets.
 *
 * A window's reset time can move a little between readings (Claude's weekly window rolls), so
 * alerts are not keyed on it: the ledger remembers the highest threshold announced per window
 * and forgets it once the window has reset (its reset time passed, or its use fell back below
 * the first threshold). Pure functions here; meter-monitor.ts does the browser side.
 */

export interface TrackedWindow {
  /** Window + account, e.g. "claude:session@4f1c…" ("chatgpt:gpt-5:3h@counted"). */
  key: string;
  site: MeterSite;
  accountName: string | null;
  window: MeterWindow;
}

export interface LedgerEntry {
  /** Index of the highest threshold announced (-1: none). */
  level: number;
  /** The window's reset time when it was last seen (null: unknown). */
  resetsAt: number | null;
  /** The window was full when last seen (a reset then is worth telling). */
  full: boolean;
}
export type AlertLedger = Record<string, LedgerEntry>;

export interface ThresholdAlert {
  kind: 'threshold';
  tracked: TrackedWindow;
  threshold: number;
}
export interface ResetAlert {
  kind: 'reset';
  tracked: TrackedWindow;
}
export type MeterAlert = ThresholdAlert | ResetAlert;

const SITE_NAME: Record<MeterSite, string> = { claude: 'Claude', gemini: 'Gemini', chatgpt: 'ChatGPT' };

/** Every window worth watching now: readings without errors (every account), and ChatGPT's counted caps. */
export function trackedWindows(state: SiteMetersState, caps: readonly MessageCap[], messages: readonly SentMessage[], now: number): TrackedWindow[] {
  const out: TrackedWindow[] = [];
  for (const reading of Object.values(state.readings)) {
    if (reading.error) continue;
    for (const window of reading.windows) out.push({ key: `${window.id}@${reading.account}`, site: reading.site, accountName: reading.accountName, window });
  }
  for (const window of chatgptWindows(caps, messages, state.notices, now)) out.push({ key: `${window.id}@counted`, site: 'chatgpt', accountName: null, window });
  return out;
}

/** The alerts due now, and the ledger after them. */
export function dueMeterAlerts(
  windows: readonly TrackedWindow[],
  ledger: AlertLedger,
  thresholds: readonly number[],
  notifyOnReset: boolean,
  now: number,
): { alerts: MeterAlert[]; ledger: AlertLedger } {
  const next: AlertLedger = {};
  const alerts: MeterAlert[] = [];
  const seen = new Set<string>();
  for (const tracked of windows) {
    seen.add(tracked.key);
    const { window } = tracked;
    let entry = ledger[tracked.key] ?? { level: -1, resetsAt: null, full: false };
    const passed = entry.resetsAt !== null && entry.resetsAt <= now;
    const readBeforeReset = window.resetsAt !== null && window.resetsAt <= now;
    // Its reset time has passed: what this reading says is the old window's.
    const used = readBeforeReset ? 0 : window.used;
    if (passed || used < (thresholds[0] ?? 1)) {
      if (passed && entry.full && notifyOnReset) alerts.push({ kind: 'reset', tracked });
      entry = { level: -1, resetsAt: null, full: false };
    }
    const level = thresholdLevel(used, thresholds);
    if (level > entry.level) {
      alerts.push({ kind: 'threshold', tracked, threshold: thresholds[level]! });
      entry = { ...entry, level };
    }
    next[tracked.key] = { level: entry.level, resetsAt: readBeforeReset ? null : window.resetsAt, full: used >= 1 || (entry.full && !passed) };
  }
  // A window no longer read (an organization left, a cap removed) is kept until its reset.
  for (const [key, entry] of Object.entries(ledger)) {
    if (!seen.has(key) && entry.resetsAt !== null && entry.resetsAt > now) next[key] = entry;
  }
  return { alerts, ledger: next };
}

/** The window a reset notification should be scheduled for: each full window's reset time. */
export function resetTimes(ledger: AlertLedger, now: number): Array<{ key: string; at: number }> {
  return Object.entries(ledger)
    .filter(([, e]) => e.full && e.resetsAt !== null && e.resetsAt > now)
    .map(([key, e]) => ({ key, at: e.resetsAt! }));
}

export function alertText(alert: MeterAlert): { title: string; message: string } {
  const { tracked } = alert;
  const site = SITE_NAME[tracked.site];
  const who = tracked.accountName ? ` (${tracked.accountName})` : '';
  if (alert.kind === 'reset') {
    return { title: `${site}: ${tracked.window.label} has reset`, message: `The window was full; it is available again${who}.` };
  }
  const pct = `${Math.floor(Math.min(tracked.window.used, 9.99) * 100)}%`;
  const resets = tracked.window.resetsAt !== null ? ` Resets ${new Date(tracked.window.resetsAt).toLocaleString(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' })}.` : '';
  return {
    title: tracked.window.used >= 1 ? `${site}: ${tracked.window.label} is full` : `${site}: ${tracked.window.label} at ${pct}`,
    message: `${pct} of this window used${who}.${resets}`,
  };
}

/** The fullest window that is still current, for the toolbar badge. */
export function fullestWindow(windows: readonly TrackedWindow[], now: number): TrackedWindow | null {
  let best: TrackedWindow | null = null;
  for (const t of windows) {
    if (t.window.resetsAt !== null && t.window.resetsAt <= now) continue;
    if (!best || t.window.used > best.window.used) best = t;
  }
  return best;
}
