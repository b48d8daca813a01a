import { PROVIDER_NAMES } from '@/utils/core/models/providers';
import { browser } from 'wxt/browser';
import type { ProviderId } from '@/utils/core/models/model-types';
import type { Settings } from '@/utils/core/settings/settings-schema';
import type { Handlers } from '@/utils/background/messaging/router';
import { todayRange } from '@/utils/core/periods/billing-period';
import { browserTimeZone } from '@/utils/core/periods/zoned-time';
import { actionBadgeFor, percentText, type ActionBadge } from '@/utils/background/alerts/action-badge';
import { dueAlerts, loadFiredAlerts, saveFiredAlerts, type DueAlert } from '@/utils/background/alerts/alert-ledger';
import { ALL_PROVIDERS, limitStatusesFor, periodFor, type LimitStatus, type PeriodTotals } from '@/utils/core/usage/limit-status';

export interface UsageMonitorDeps {
  loadSettings(): Promise<Settings>;
  getTotals(range: { from: number; to: number }, provider?: ProviderId): Promise<PeriodTotals>;
  now(): number;
  setBadge(badge: ActionBadge): Promise<void>;
  notify(alert: DueAlert): Promise<void>;
  loadFired(): Promise<Set<string>>;
  saveFired(keys: Set<string>, now: number): Promise<void>;
  /** The badge for "show the fullest site window" (utils/meters); null = the usual badge. */
  siteWindowBadge?(settings: Settings, now: number): Promise<ActionBadge | null>;
}

export interface UsageCheck {
  statuses: LimitStatus[];
  badge: ActionBadge;
  fired: DueAlert[];
}

/** Every limit's status for the current period of its provider. */
export async function currentLimitStatuses(
  settings: Settings,
  now: number,
  getTotals: UsageMonitorDeps['getTotals'],
): Promise<LimitStatus[]> {
  const perProvider = await Promise.all(
    ALL_PROVIDERS.map(async (provider) => {
      const period = periodFor(settings, provider, now);
      const totals = await getTotals({ from: period.from, to: period.to }, provider);
      // Clay's plan always has a size; it only counts as a limit for someone who uses Clay.
      if (provider === 'clay' && totals.turns === 0 && totals.credits === 0) return [];
      return limitStatusesFor(settings, provider, totals, period);
    }),
  );
  return perProvider.flat();
}

/**
 * Recomputes the toolbar badge and fires threshold notifications. Runs are serialised so
 * two writes in quick succession cannot both see an alert as unfired.
 */
export function createUsageMonitor(deps: UsageMonitorDeps): { refresh(): Promise<UsageCheck | null> } {
  let chain: Promise<UsageCheck | null> = Promise.resolve(null);
  const run = async (): Promise<UsageCheck> => {
    const settings = await deps.loadSettings();
    const now = deps.now();
    const [statuses, today] = await Promise.all([
      currentLimitStatuses(settings, now, deps.getTotals),
      deps.getTotals(todayRange(now, browserTimeZone())),
    ]);
    const siteBadge = await deps.siteWindowBadge?.(settings, now).catch(() => null);
    const badge = siteBadge ?? actionBadgeFor(statuses, today.inputTokens + today.outputTokens, settings.alertThresholds);
    await deps.setBadge(badge);
    const fired = await deps.loadFired();
    const due = dueAlerts(statuses, settings.alertThresholds, fired);
    if (due.length) {
      // Remember first: a notification that fails to show must still never repeat.
      for (const alert of due) for (const key of alert.keys) fired.add(key);
      await deps.saveFired(fired, now);
      for (const alert of due) await deps.notify(alert).catch((e) => console.warn('[TokenTally] notification failed', e));
    }
    return { statuses, badge, fired: due };
  };
  return {
    refresh() {
      chain = chain.then(run, run).catch((e) => {
        console.warn('[TokenTally] usage check failed', e);
        return null;
      });
      return chain;
    },
  };
}

const PROVIDER_NAME: Readonly<Record<ProviderId, string>> = PROVIDER_NAMES;

export function notificationText(alert: DueAlert): { title: string; message: string } {
  const { status } = alert;
  const name = PROVIDER_NAME[status.provider];
  const amount = (n: number) =>
    status.kind === 'budget' ? `$${n.toFixed(2)}` : `${Math.round(n).toLocaleString('en-US')} ${status.kind === 'credits' ? 'credits' : 'tokens'}`;
  const what = status.kind === 'budget' ? 'budget' : status.kind === 'credits' ? 'credits' : 'token limit';
  const crossedLimit = alert.threshold >= 1;
  return {
    title: crossedLimit ? `${name} ${what} reached` : `${name} ${what}: ${percentText(status.fraction)} used`,
    message: `${amount(status.used)} of ${amount(status.limit)} this period (resets ${status.period.resetDate}).`,
  };
}

async function setActionBadge(badge: ActionBadge): Promise<void> {
  // Firefox MV3 and Chrome both expose `action`; MV2 builds only `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeText({ text: badge.text });
  await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setTitle({ title: badge.title });
  // Chrome 110+: white text stays readable on every badge colour.
  await (action as { setBadgeTextColor?: (d: { color: string }) => Promise<void> }).setBadgeTextColor?.({ color: '#ffffff' });
}

async function showNotification(alert: DueAlert): Promise<void> {
  const { title, message } = notificationText(alert);
  await browser.notifications.create(`tokentally-alert-${alert.keys.at(-1)}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

export const USAGE_REFRESH_ALARM = 'tokentally-usage-refresh';

/**
 * Background wiring: refresh at start-up, on settings changes and every 15 minutes
 * (periods and "today" roll over with no usage event). Call synchronously at start-up.
 * Returns `refresh` for the usage handlers to call after each write.
 */
export function startUsageMonitor(deps: {
  loadSettings(): Promise<Settings>;
  watchSettings(onChange: (s: Settings) => void): () => void;
  getTotals: UsageMonitorDeps['getTotals'];
  siteWindowBadge?: UsageMonitorDeps['siteWindowBadge'];
}): () => void {
  const monitor = createUsageMonitor({
    loadSettings: deps.loadSettings,
    getTotals: deps.getTotals,
    siteWindowBadge: deps.siteWindowBadge,
    now: Date.now,
    setBadge: setActionBadge,
    notify: showNotification,
    loadFired: loadFiredAlerts,
    saveFired: saveFiredAlerts,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Imports write thousands of events in a burst: one check after the burst is enough.
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void monitor.refresh(), 250);
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === USAGE_REFRESH_ALARM) void monitor.refresh();
  });
  void browser.alarms.create(USAGE_REFRESH_ALARM, { periodInMinutes: 15 });
  deps.watchSettings(() => refreshSoon());
  void monitor.refresh();
  return refreshSoon;
}

const WRITE_MESSAGES = ['record-usage', 'import-usage', 'delete-all-usage', 'apply-retention', 'review-held-turns'] as const;

/** Wraps the usage handlers so every successful write triggers `onWrite` (badge + alerts). */
export function afterUsageWrites<H extends Partial<Handlers>>(handlers: H, onWrite: () => void): H {
  const wrapped = { ...handlers };
  for (const type of WRITE_MESSAGES) {
    const original = handlers[type] as ((...args: unknown[]) => unknown) | undefined;
    if (!original) continue;
    (wrapped as Record<string, unknown>)[type] = async (...args: unknown[]) => {
      const result = await original(...args);
      onWrite();
      return result;
    };
  }
  return wrapped;
}
