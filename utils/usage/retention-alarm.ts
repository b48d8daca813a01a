import { browser } from 'wxt/browser';
import { applyRetention } from './usage-handlers';

export const RETENTION_ALARM = 'tokentally-retention';

/**
 * Runs retention once a day. Call synchronously at background start-up: the listener must
 * exist in the worker's first turn to receive an alarm that woke it.
 */
export function registerRetentionAlarm(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) applyRetention().catch((e) => console.warn('[TokenTally] retention failed:', e));
  });
  // Re-creating an existing alarm would push it back; only create it when missing.
  void browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  });
}
