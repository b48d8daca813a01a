import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { isRunButton, runButtonMatchedBy } from '@/utils/content/clay/clay-page';
import { clayRunEvent, clayRunView } from '@/utils/core/clay/clay-run-view';
import { chooseModel, promptCount, type ClayRunLog } from '@/utils/core/page/page-state';
import type { PageServices } from '@/utils/content/page-services';
import { reportError } from '@/utils/content/page/guard';
import { recordUsage } from '@/utils/content/recording/record-usage';

/**
 * Clay runs, as one more kind of turn: a run the person starts from the page (a trusted click
 * on "Save and run", "Run column"...) or logs by hand is recorded through the same outbox and
 * background as a chat turn, with the figures the page store's run estimate shows at that
 * moment (prompt count, rows, references, feature, own key), whether or not the badge is open.
 */

export interface ClayRunOptions {
  record?: (event: UsageEvent) => Promise<void>;
  isTrusted?: (event: Event) => boolean;
}

/** One click can bubble through nested run buttons: a run is one event. */
const SAME_RUN_MS = 1500;

export interface ClayRunTracking {
  /** The badge's "Log this run": records the run its estimate shows now. */
  logThisRun(): void;
  stop(): void;
}

export function startClayRunTracking(services: Pick<PageServices, 'store' | 'events'>, options: ClayRunOptions = {}): ClayRunTracking {
  const { store, events } = services;
  const { adapter } = store.get();
  if (adapter.kind !== 'clay') return { logThisRun: () => {}, stop: () => {} };
  const record = options.record ?? recordUsage;
  const isTrusted = options.isTrusted ?? ((event: Event) => event.isTrusted);
  let lastAutoRun = 0;

  const setLog = (log: Partial<ClayRunLog>) => store.set((s) => ({ clay: { ...s.clay, log: { ...s.clay.log, ...log } } }));

  async function logRun(auto: boolean, detectedBy?: 'adapter' | 'fallback'): Promise<void> {
    const state = store.get();
    const model = chooseModel(state).model;
    const prompt = promptCount(state);
    if (!model || !prompt || prompt.state !== 'ready') return;
    const now = Date.now();
    const view = clayRunView(state.clay, state.settings ?? DEFAULT_SETTINGS, model, prompt.tokens);
    const event: UsageEvent = { ...clayRunEvent(view, model, location.hostname, now), ...(detectedBy ? { detectedBy } : {}) };
    setLog({ status: 'logging', auto });
    try {
      await record(event);
      setLog({ status: 'logged', auto, credits: event.credits ?? 0, costUsd: event.costUsd, at: event.time, error: undefined });
    } catch (error) {
      setLog({ status: 'failed', auto, error: error instanceof Error ? error.message : String(error) });
    }
  }

  // Capture phase (the page's event hub): a panel that closes itself on click (and removes the button) is still seen.
  const stop = events.on('click', (event) => {
    if (!isTrusted(event) || !isRunButton(event.target, adapter)) return;
    const now = Date.now();
    if (now - lastAutoRun < SAME_RUN_MS) return;
    lastAutoRun = now;
    void logRun(true, runButtonMatchedBy(event.target, adapter)).catch(reportError);
  });
  return { logThisRun: () => void logRun(false).catch(reportError), stop };
}
