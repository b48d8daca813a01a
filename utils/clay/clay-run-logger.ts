import type { SiteAdapter } from '../sites/site-adapter';
import type { UsageEvent } from '../usage/usage-event';
import { recordUsage } from '../recording/record-usage';
import { watchRunClicks } from './clay-page';

/**
 * Logs Clay runs. One page-wide watcher notices run buttons ("Save and run", "Run column");
 * the run estimate currently shown registers how to turn "a run now" into an event. The
 * watcher stays armed after the badge collapses, so a run started then is still logged with
 * the last estimate the user saw.
 */
export type RunEventSource = (now: number) => UsageEvent | null;

export interface RunLogResult {
  event: UsageEvent;
  auto: boolean;
  ok: boolean;
  error?: string;
}

let source: RunEventSource | null = null;
let fallbackSource: RunEventSource | null = null;
let stopWatching: (() => void) | null = null;
let lastAutoLog = 0;
const listeners = new Set<(result: RunLogResult) => void>();

/** The run estimate shown now (or null when none is): used for runs detected on the page. */
export function setRunEventSource(next: RunEventSource | null): void {
  source = next;
}

/**
 * The estimate view is going away. With a live fallback armed (the content script's), runs
 * from now on use it (current prompt and rows); without one, the last estimate shown stays.
 */
export function releaseRunEventSource(current: RunEventSource): void {
  if (source === current && fallbackSource) source = null;
}

/** Called with every logged run (auto or manual), e.g. to show "Logged". */
export function onRunLogged(listener: (result: RunLogResult) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Arms run-button detection for this page (idempotent). `fallback` builds the event when
 * no estimate is mounted (the content script can pass one built from the live count).
 */
export function startClayRunLogging(adapter: SiteAdapter, fallback?: RunEventSource): () => void {
  if (fallback) fallbackSource = fallback;
  if (!stopWatching) {
    stopWatching = watchRunClicks(adapter, () => {
      const now = Date.now();
      // One click can bubble through nested run buttons; a run is one event.
      if (now - lastAutoLog < 1500) return;
      lastAutoLog = now;
      const event = (source ?? fallbackSource)?.(now) ?? null;
      if (event) void logRun(event, true);
    });
  }
  return () => {
    stopWatching?.();
    stopWatching = null;
    if (fallback && fallbackSource === fallback) fallbackSource = null;
  };
}

/** Records one run through the background (retried until acknowledged) and tells listeners. */
export async function logRun(event: UsageEvent, auto: boolean): Promise<RunLogResult> {
  let result: RunLogResult;
  try {
    await recordUsage(event);
    result = { event, auto, ok: true };
  } catch (error) {
    result = { event, auto, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  for (const listener of listeners) {
    try {
      listener(result);
    } catch {
      // A view's listener must not stop the others.
    }
  }
  return result;
}
