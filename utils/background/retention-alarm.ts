import { browser } from 'wxt/browser';
import { applyRetention } from '@/utils/background/usage-handlers';

export const RETENTION_ALARM = 'tokentally-retention';

/**
 * Runs retention once a day. Call synchronously at background start-up: the listener must
 * exist in the worker's first turn to receive an alarm that woke it. `onDeleted` lets the
 * caller refresh what depends on stored usage (the toolbar badge) after old events go.
 */
export function registerRetentionAlarm(onDeleted: () => unknown = () => {}): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== RETENTION_ALARM) return;
    applyRetention()
      .then((deleted) => (deleted > 0 ? onDeleted() : undefined))
      .catch((e) => console.warn('[TokenTally] retention failed:', e));
  });
  // Re-creating an existing alarm would push it back; only create it when missing.
  void browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  });
}
