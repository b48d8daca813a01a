import { browser } from 'wxt/browser';
import { applyRetention, recordDueTurns } from '@/utils/background/usage-handlers';

export const RETENTION_ALARM = 'tokentally-retention';

/**
 * The daily housekeeping of stored usage: retention, then the held turns the clock has caught
 * up with (usage-intake.ts). Call synchronously at background start-up: the listener must exist
 * in the worker's first turn to receive an alarm that woke it. `onChanged` lets the caller
 * refresh what depends on stored usage (the toolbar badge) when either changed anything.
 */
export function registerRetentionAlarm(onChanged: () => unknown = () => {}): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== RETENTION_ALARM) return;
    applyRetention()
      .then((deleted) => (deleted > 0 ? onChanged() : undefined))
      .catch((e) => console.warn('[TokenTally] retention failed:', e))
      .then(() => recordDueTurns())
      .then((recorded) => (recorded ? onChanged() : undefined))
      .catch((e) => console.warn('[TokenTally] held turns:', e));
  });
  // Re-creating an existing alarm would push it back; only create it when missing.
  void browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  });
}
