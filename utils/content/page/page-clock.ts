import { reportError } from '@/utils/content/page/guard';

/**
 * The page's one timer. Polling features (the send detector while a send is unconfirmed, the
 * turn tracker while a reply streams, its idle learning) each hold a task here and say when it
 * should next run; the clock keeps a single timeout armed for the earliest of them. No logic of
 * its own: a test drives it with fake timers.
 */

export interface ClockTask {
  /** Runs the task in `ms` unless it is already due sooner. */
  runIn(ms: number): void;
  /** Whether a run is scheduled. */
  scheduled(): boolean;
  cancel(): void;
}

interface Entry {
  fn: () => void;
  due: number | null;
}

export class PageClock {
  private readonly entries = new Set<Entry>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private stopped = false;

  constructor(private readonly now: () => number = Date.now) {}

  task(fn: () => void): ClockTask {
    const entry: Entry = { fn, due: null };
    this.entries.add(entry);
    return {
      runIn: (ms) => {
        if (this.stopped) return;
        const at = this.now() + Math.max(0, ms);
        if (entry.due !== null && entry.due <= at) return;
        entry.due = at;
        this.arm();
      },
      scheduled: () => entry.due !== null,
      cancel: () => {
        entry.due = null;
        this.entries.delete(entry);
        this.arm();
      },
    };
  }

  stop(): void {
    this.stopped = true;
    this.entries.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private arm(): void {
    let next = Infinity;
    for (const entry of this.entries) if (entry.due !== null && entry.due < next) next = entry.due;
    if (next === this.timerAt) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next - this.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.now();
    for (const entry of [...this.entries]) {
      if (entry.due === null || entry.due > now) continue;
      entry.due = null;
      try {
        entry.fn();
      } catch (error) {
        reportError(error);
      }
    }
    if (!this.stopped) this.arm();
  }
}
