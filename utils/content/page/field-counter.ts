import type { ModelInfo } from '@/utils/core/models/model-types';
import type { FieldState } from '@/utils/core/page/page-state';
import { createExactCountScheduler, type ExactCountScheduler } from '@/utils/content/page/exact-count-scheduler';

export interface CountOutcome {
  tokens: number;
  exact: boolean;
}

/** What a field's counter needs from the page; tests pass fakes. */
export interface FieldCounterDeps {
  /** The field's text, read the way the site sends it (may throw on a broken editor). */
  read(): string;
  model(): ModelInfo | null;
  count(text: string, model: ModelInfo): Promise<CountOutcome>;
  /** The count without a round trip when the counter already knows it (see live-counter.ts), else null. */
  countNow(text: string, model: ModelInfo): CountOutcome | null;
  /** True when the user opted in to exact counts from the model's provider (Claude via Anthropic). */
  exactCountsOn(model: ModelInfo): boolean;
  /** Makes the exact-count scheduler (tests pass a stub transport). */
  exactScheduler?: () => ExactCountScheduler;
  /** Every change of the field's count (written into the page store). */
  onChange(patch: Partial<FieldState>): void;
  /** Called with the text each time it is read (the turn tracker's "last text typed"). */
  onText?(text: string): void;
  timers?: Timers;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  queueMicrotask(fn: () => void): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  queueMicrotask: (fn) => queueMicrotask(fn),
};

/**
 * Multi-megabyte texts are re-read at most a few times a second so held-down keys in a huge
 * paste can't queue full reads back to back; everything smaller is read on the next tick,
 * because keystroke-to-badge latency is the point of the badge.
 */
export function readDelayFor(length: number): number {
  return length > 1_000_000 ? 150 : 0;
}

const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 60_000;
/** Only slow counts show "counting": a fast one would just flicker. */
const SLOW_COUNT_MS = 150;

/**
 * Counts one prompt field as it changes: one count in flight at a time and the latest text wins;
 * a keystroke the counter can answer synchronously is answered inside the input event; a failed
 * count is retried with backoff; opt-in exact counts are asked for after a typing pause. No DOM:
 * everything it touches comes through `deps`, so the scheduling is tested with fake events.
 */
export class FieldCounter {
  private readonly timers: Timers;
  private timer: unknown;
  private retryTimer: unknown;
  private retryDelay = FIRST_RETRY_MS;
  private microtaskQueued = false;
  private inFlight = false;
  private dirty = false;
  private destroyed = false;
  private lastText: string | null = null;
  private lastModelId: string | null = null;
  private lastLength = 0;
  private ready = false;
  private exactShown = false;
  private exact: ExactCountScheduler | null = null;
  /** Text whose exact count was asked for (or received), so refreshes don't ask twice. */
  private exactAskedFor: string | null = null;

  constructor(private readonly deps: FieldCounterDeps) {
    this.timers = deps.timers ?? realTimers;
  }

  /** The field changed (or may have): count it again soon. */
  request(): void {
    if (this.destroyed) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    if (this.timer !== undefined || this.microtaskQueued) return;
    const delay = readDelayFor(this.lastLength);
    if (delay === 0) {
      // A microtask, not a timer: the count request leaves before the browser renders the
      // keystroke, so the background counts while the page paints.
      this.microtaskQueued = true;
      this.timers.queueMicrotask(() => {
        this.microtaskQueued = false;
        void this.run();
      });
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delay);
  }

  /** Model or settings changed: recount if needed, and ask for (or drop) the exact count. */
  refresh(): void {
    if (this.destroyed) return;
    this.request();
    const model = this.deps.model();
    if (model && model.id === this.lastModelId) this.maybeAskExact(model);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    this.exact?.cancel();
  }

  private async run(): Promise<void> {
    if (this.destroyed) return;
    let text: string;
    try {
      text = this.deps.read();
    } catch {
      this.ready = false;
      this.deps.onChange({ state: 'error', error: "Can't read this field", counting: false });
      return;
    }
    this.lastLength = text.length;
    this.deps.onText?.(text);
    const model = this.deps.model();
    if (!model) {
      this.ready = false;
      this.deps.onChange({ state: 'error', error: 'Unknown model: pick one', counting: false });
      return;
    }
    if (text === this.lastText && model.id === this.lastModelId && this.ready) return;
    // Most keystrokes are answered here, inside the input event, so the badge changes in the
    // same frame as the text.
    const known = text === '' ? { tokens: 0, exact: model.exact } : this.deps.countNow(text, model);
    if (known) {
      this.show(text, model, known);
      return;
    }
    this.inFlight = true;
    const slow = this.timers.setTimeout(() => this.deps.onChange({ counting: true }), SLOW_COUNT_MS);
    try {
      const outcome = await this.deps.count(text, model);
      if (!this.destroyed) this.show(text, model, outcome);
    } catch {
      if (this.destroyed) return;
      this.lastText = null;
      this.ready = false;
      this.deps.onChange({ state: 'error', error: "Couldn't count: retrying", counting: false });
      // The background may be restarting or still loading; try again, backing off.
      this.retryTimer = this.timers.setTimeout(() => {
        this.retryTimer = undefined;
        this.request();
      }, this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
    } finally {
      this.timers.clearTimeout(slow);
      this.inFlight = false;
      if (this.dirty) {
        this.dirty = false;
        this.request();
      }
    }
  }

  /** Shows a local count, then (if the user opted in) asks for the provider's exact count after a pause. */
  private show(text: string, model: ModelInfo, outcome: CountOutcome): void {
    this.lastText = text;
    this.lastModelId = model.id;
    this.ready = true;
    this.retryDelay = FIRST_RETRY_MS;
    this.exactShown = false;
    this.deps.onChange({ state: 'ready', error: undefined, tokens: outcome.tokens, exact: outcome.exact, counting: false, exactSource: null, exactNote: null });
    this.exactAskedFor = null;
    this.maybeAskExact(model);
  }

  private maybeAskExact(model: ModelInfo): void {
    const text = this.lastText;
    if (!this.ready || text === null || !this.deps.exactCountsOn(model)) {
      this.exact?.cancel();
      if (this.exactShown) this.deps.onChange({ exactSource: null, exactNote: null });
      this.exactShown = false;
      this.exactAskedFor = null;
      return;
    }
    if (text === '' || this.exactAskedFor === text || model.exact) return;
    this.exactAskedFor = text;
    this.exact ??= this.deps.exactScheduler?.() ?? createExactCountScheduler();
    const modelId = model.id;
    this.exact.request(text, modelId, (outcome) => {
      if (this.destroyed || this.lastText !== text || this.lastModelId !== modelId) return;
      this.exactShown = true;
      if (outcome.ok) {
        this.deps.onChange({ tokens: outcome.tokens, exact: true, exactSource: 'Anthropic token counting API', exactNote: null });
      } else {
        this.deps.onChange({ exactSource: null, exactNote: `No exact count: ${outcome.reason}. Showing the estimate.` });
      }
    });
  }
}
