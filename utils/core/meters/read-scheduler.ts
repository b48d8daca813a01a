/**
 * When a page reads its site's meter: on request (page load, a finished reply), never more
 * than once per interval across all tabs (the background hands out the slots), and never two
 * reads at once. A request that comes too soon is not dropped: it runs when the slot opens,
 * so the reading after the last reply of a burst still happens.
 */

export interface ReadSlot {
  due: boolean;
  /** When not due, how long until the next slot. */
  retryInMs: number;
}

export interface ReadSchedulerDeps {
  claim(): Promise<ReadSlot>;
  read(): Promise<void>;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface ReadScheduler {
  /** Ask for a read in `delayMs` (or as soon after as the slot allows). */
  request(delayMs?: number): void;
  stop(): void;
}

export function createReadScheduler(deps: ReadSchedulerDeps): ReadScheduler {
  let timer: unknown = null;
  let timerAt = Infinity;
  let running = false;
  let again = false;
  let stopped = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    const at = Date.now() + Math.max(0, delayMs);
    // An earlier pending run serves this request too.
    if (timer !== null && timerAt <= at) return;
    if (timer !== null) deps.clearTimer(timer);
    timerAt = at;
    timer = deps.setTimer(run, Math.max(0, delayMs));
  };

  const run = async () => {
    timer = null;
    timerAt = Infinity;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const slot = await deps.claim();
      if (!slot.due) {
        schedule(Math.max(1_000, slot.retryInMs));
        return;
      }
      await deps.read();
    } catch (error) {
      // The background is restarting or the extension was updated: the next request retries.
      console.warn('[TokenTally] meter read failed:', error);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule(0);
      }
    }
  };

  return {
    request: (delayMs = 0) => schedule(delayMs),
    stop() {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}
