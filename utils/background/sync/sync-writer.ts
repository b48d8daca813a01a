import { browser } from 'wxt/browser';
import { defaultSyncWriteDeps, writeThisDevice, type SyncWriteDeps } from '@/utils/storage/sync-write';

/** The write after recorded turns (at most one a minute). */
export const SYNC_WRITE_ALARM = 'tokentally-sync-write';
/** The periodic write that keeps this browser from looking stale and picks up a new month. */
export const SYNC_HEARTBEAT_ALARM = 'tokentally-sync-heartbeat';
const MIN_GAP_MS = 60_000;

/**
 * Starts the writer of this browser's aggregates to browser sync; returns what to call after
 * turns are recorded. Call synchronously at background start-up, so an alarm that wakes the
 * worker finds its listener. Writes are batched: a recorded turn asks for a run at least a
 * minute after the last one (an alarm, so it survives the worker stopping; Chrome fires
 * alarms 30 s apart at the soonest), and a run every 6 hours refreshes this browser's time.
 */
export function startSyncWriter(deps: SyncWriteDeps = defaultSyncWriteDeps, write = writeThisDevice): () => void {
  let lastRunAt = 0;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => {
      lastRunAt = deps.now();
      return write(deps).catch((e) => console.warn('[TokenTally] browser sync:', e));
    });
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_WRITE_ALARM || alarm.name === SYNC_HEARTBEAT_ALARM) run();
  });
  void browser.alarms.get(SYNC_HEARTBEAT_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SYNC_HEARTBEAT_ALARM, { delayInMinutes: 1, periodInMinutes: 6 * 60 });
  });
  return () => {
    // A pending write already covers this turn; re-creating it would push it back.
    void browser.alarms.get(SYNC_WRITE_ALARM).then((pending) => {
      if (!pending) void browser.alarms.create(SYNC_WRITE_ALARM, { when: Math.max(deps.now() + 5_000, lastRunAt + MIN_GAP_MS) });
    });
  };
}
