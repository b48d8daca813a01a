import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { BADGE_COLORS, percentText, type ActionBadge } from '@/utils/background/alerts/action-badge';
import { capLengthMs, effectiveCaps } from '@/utils/core/meters/chatgpt-caps';
import { chatgptMessagesSince } from '@/utils/storage/chatgpt-messages';
import type { SentMessage } from '@/utils/core/meters/chatgpt-windows';
import { alertText, dueMeterAlerts, fullestWindow, resetTimes, trackedWindows, type AlertLedger, type MeterAlert } from '@/utils/background/meters/meter-alerts';
import { loadSiteMeters, type SiteMetersState } from '@/utils/storage/meter-store';
import { meterSeverity } from '@/utils/core/meters/plan-limits';

/**
 * Background side of the meter alerts: after each stored reading or recorded ChatGPT message,
 * and at each full window's reset time, it works out the alerts due (meter-alerts.ts), shows
 * them, and keeps its ledger in storage.local so a restarted worker never repeats one.
 */
const METER_ALERTS_KEY = STORAGE_KEYS.meterAlertLedger.key;
export const METER_RESET_ALARM_PREFIX = 'tokentally-meter-reset:';

export interface MeterMonitorDeps {
  loadSettings(): Promise<Settings>;
  loadState(): Promise<SiteMetersState>;
  messagesSince(since: number, now: number): Promise<SentMessage[]>;
  now(): number;
  notify(alert: MeterAlert): Promise<void>;
  loadLedger(): Promise<AlertLedger>;
  saveLedger(ledger: AlertLedger): Promise<void>;
  scheduleResets(times: Array<{ key: string; at: number }>): Promise<void>;
}

async function windowsNow(deps: Pick<MeterMonitorDeps, 'loadSettings' | 'loadState' | 'messagesSince'>, now: number) {
  const [settings, state] = await Promise.all([deps.loadSettings(), deps.loadState()]);
  const caps = effectiveCaps(settings.siteMeters.chatgptPlan, settings.siteMeters.chatgptCaps);
  const longest = Math.max(0, ...caps.map(capLengthMs));
  const messages = longest > 0 ? await deps.messagesSince(now - longest, now) : [];
  return { settings, windows: trackedWindows(state, caps, messages, now) };
}

export function createMeterMonitor(deps: MeterMonitorDeps): { refresh(): Promise<MeterAlert[]> } {
  let chain: Promise<MeterAlert[]> = Promise.resolve([]);
  const run = async (): Promise<MeterAlert[]> => {
    const now = deps.now();
    const { settings, windows } = await windowsNow(deps, now);
    const { alerts, ledger } = dueMeterAlerts(windows, await deps.loadLedger(), settings.siteMeters.thresholds, settings.siteMeters.notifyOnReset, now);
    // Remember first: a notification that fails to show must never repeat.
    await deps.saveLedger(ledger);
    await deps.scheduleResets(resetTimes(ledger, now));
    for (const alert of alerts) await deps.notify(alert).catch((e) => console.warn('[TokenTally] meter notification failed', e));
    return alerts;
  };
  return {
    refresh() {
      chain = chain.then(run, run).catch((e) => {
        console.warn('[TokenTally] meter check failed', e);
        return [];
      });
      return chain;
    },
  };
}

/**
 * The toolbar badge for "show the fullest window": that window's percentage, coloured by the
 * meter thresholds. Null when the option is off or no window is known (the usual badge then).
 */
export async function siteWindowBadge(settings: Settings, now: number, deps: Pick<MeterMonitorDeps, 'loadState' | 'messagesSince'> = defaultSources): Promise<ActionBadge | null> {
  if (settings.siteMeters.badge !== 'fullest-window') return null;
  const { windows } = await windowsNow({ ...deps, loadSettings: async () => settings }, now);
  const top = fullestWindow(windows, now);
  if (!top) return null;
  const severity = meterSeverity(top.window.used, settings.siteMeters.thresholds);
  return {
    text: percentText(top.window.used),
    color: BADGE_COLORS[severity],
    title: `TokenTally: ${top.site === 'chatgpt' ? 'ChatGPT' : top.site === 'claude' ? 'Claude' : 'Gemini'} ${top.window.label} at ${percentText(top.window.used)}`,
  };
}

const defaultSources = { loadState: loadSiteMeters, messagesSince: chatgptMessagesSince };

async function loadLedger(): Promise<AlertLedger> {
  const raw = (await browser.storage.local.get(METER_ALERTS_KEY))[METER_ALERTS_KEY];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const ledger: AlertLedger = {};
  for (const [key, e] of Object.entries(raw as Record<string, unknown>)) {
    const entry = e as Partial<AlertLedger[string]> | null;
    if (entry && typeof entry.level === 'number' && typeof entry.full === 'boolean' && (entry.resetsAt === null || typeof entry.resetsAt === 'number')) {
      ledger[key] = { level: entry.level, full: entry.full, resetsAt: entry.resetsAt ?? null };
    }
  }
  return ledger;
}

async function scheduleResets(times: Array<{ key: string; at: number }>): Promise<void> {
  const wanted = new Map(times.map((t) => [METER_RESET_ALARM_PREFIX + t.key, t.at]));
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(METER_RESET_ALARM_PREFIX) && !wanted.has(alarm.name)) await browser.alarms.clear(alarm.name);
  }
  for (const [name, at] of wanted) {
    const existing = await browser.alarms.get(name);
    // A few seconds after the reset, so the refresh sees it as passed.
    if (!existing || Math.abs(existing.scheduledTime - (at + 5_000)) > 1_000) await browser.alarms.create(name, { when: at + 5_000 });
  }
}

async function showNotification(alert: MeterAlert): Promise<void> {
  const { title, message } = alertText(alert);
  await browser.notifications.create(`tokentally-meter-${alert.kind}-${alert.tracked.key}-${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

/** Background wiring; returns `refresh` for after each stored reading or recorded message. Call at start-up. */
export function startMeterMonitor(deps: { loadSettings(): Promise<Settings>; watchSettings(onChange: (s: Settings) => void): () => void }): () => void {
  const monitor = createMeterMonitor({
    loadSettings: deps.loadSettings,
    loadState: loadSiteMeters,
    messagesSince: chatgptMessagesSince,
    now: Date.now,
    notify: showNotification,
    loadLedger,
    saveLedger: (ledger) => browser.storage.local.set({ [METER_ALERTS_KEY]: ledger }),
    scheduleResets,
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(METER_RESET_ALARM_PREFIX)) void monitor.refresh();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void monitor.refresh(), 250);
  };
  deps.watchSettings(refreshSoon);
  return refreshSoon;
}
